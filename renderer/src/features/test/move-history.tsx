/**
 * Measured against predicted (issue 12 item 5): every finished move's measured time beside the
 * model's (× the lab's time scale in the lab), its difference, and the model's error over all of
 * them (core/move/history.ts), so whether the model is optimistic shows over time.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { modelError, relativeError } from '../../../../electron/core/move';
import { useFerry } from '../../app/store-context';
import { formatDateTime, formatNumber, formatSeconds, type Lang } from '../../i18n/format';

const useStyles = makeStyles({
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  cell: { textAlign: 'left', padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  heading: { margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase400 },
});

/** The newest moves shown; the summary counts all of them. */
const SHOWN = 10;

export function MoveHistoryTable(props: { readonly lang: Lang }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const history = useFerry((s) => s.moveHistory);
  const { lang } = props;
  const percent = (e: number | undefined) => (e === undefined ? '–' : `${e > 0 ? '+' : ''}${formatNumber(Math.round(e * 100), lang)} %`);
  const summary = modelError(history);
  return (
    <section aria-labelledby="move-history-heading" data-testid="move-history">
      <h4 id="move-history-heading" className={styles.heading}>{t('move.history.title')}</h4>
      {history.length === 0 ? (
        <p>{t('move.history.empty')}</p>
      ) : (
        <>
          {summary.meanAbsoluteError !== undefined && summary.bias !== undefined ? (
            <p data-testid="move-history-summary">
              {t('move.history.summary', {
                count: summary.moves,
                mean: percent(summary.meanAbsoluteError),
                bias: t(summary.bias > 0 ? 'move.history.optimistic' : 'move.history.pessimistic'),
              })}
            </p>
          ) : null}
          <table className={styles.table}>
            <thead>
              <tr>
                <th className={styles.cell} scope="col">{t('move.history.vm')}</th>
                <th className={styles.cell} scope="col">{t('move.history.route')}</th>
                <th className={styles.cell} scope="col">{t('move.history.measured')}</th>
                <th className={styles.cell} scope="col">{t('move.history.predicted')}</th>
                <th className={styles.cell} scope="col">{t('move.history.error')}</th>
              </tr>
            </thead>
            <tbody>
              {history.slice(-SHOWN).reverse().map((h) => (
                <tr key={`${h.finishedAt}-${h.vm}`} data-testid={`move-history-${h.vm}`} title={formatDateTime(h.finishedAt, lang)}>
                  <th className={styles.cell} scope="row">{h.vm}</th>
                  <td className={styles.cell}>{`${h.source} → ${h.destination}`}</td>
                  <td className={styles.cell}>{formatSeconds(h.measuredSeconds, lang)}</td>
                  <td className={styles.cell}>{formatSeconds(h.predictedSeconds * h.timeScale, lang)}</td>
                  <td className={styles.cell}>{percent(relativeError(h))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
