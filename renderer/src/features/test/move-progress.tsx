/**
 * The moves of the current run: one row per VM — waiting in the queue, moving (percent, the
 * model's estimate, cancel) or ended with where main's read-back found it, the measured time
 * beside the model's and, once a VM moved, "move back".
 */
import { Button, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useActions, useFerry } from '../../app/store-context';
import { formatNumber, formatSeconds, type Lang } from '../../i18n/format';
import type { MoveRow } from '../../store/move-slice';
import { timingOf } from './move-view';

const useStyles = makeStyles({
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  cell: { textAlign: 'left', padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, verticalAlign: 'top' },
  heading: { margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase400 },
  bar: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  failed: { color: tokens.colorPaletteRedForeground1 },
});

export function MoveProgress(props: { readonly lang: Lang }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const actions = useActions();
  const rows = useFerry((s) => s.moveRows);
  const result = useFerry((s) => s.moveResult);
  const history = useFerry((s) => s.moveHistory);
  const moving = useFerry((s) => s.busy.move !== undefined);
  const entries = Object.entries(rows);
  if (entries.length === 0) return null;
  const { lang } = props;
  const secs = (s: number | undefined) => (s === undefined ? '–' : formatSeconds(s, lang));

  const outcomeText = (row: MoveRow): string => {
    const o = row.outcome;
    if (!o) return '';
    const host = o.result === 'run-on-source' ? o.source : o.destination;
    const parts = [t(`move.result.${o.result}`, { host })];
    const l = o.landing;
    if (l) {
      if (l.where === 'destination') parts.push(t('move.result.where', { host: o.destination }));
      else if (l.where === 'source') parts.push(t('move.result.where', { host: o.source }));
      else if (l.where === 'both') parts.push(t('move.result.whereBoth'));
      else if (l.where === 'nowhere') parts.push(t('move.result.whereNowhere'));
      else parts.push(t('move.result.whereUnknown', { hosts: l.unreachable.join(', ') }));
      if (o.result === 'moved') parts.push(l.sameState === false || l.sameMemory === false ? t('move.result.notSame') : t('move.result.same', { state: l.state ?? '' }));
    }
    if (o.result === 'moved' && o.measuredSeconds !== undefined) {
      const timing = timingOf(history, o.vm, o.source, o.destination);
      const scale = timing?.timeScale ?? 1;
      const predicted = o.prediction.totalSeconds;
      parts.push(
        scale === 1
          ? t('move.result.measured', { measured: secs(o.measuredSeconds), predicted: secs(predicted) })
          : t('move.result.measuredLab', { measured: secs(o.measuredSeconds), predicted: secs(predicted), scale: formatNumber(scale, lang), scaled: secs(predicted * scale) }),
      );
    }
    if (o.error) parts.push(o.error.message);
    return parts.join(' · ');
  };

  return (
    <div data-testid="move-progress">
      <h4 className={styles.heading}>{t('move.progress.title')}</h4>
      <table className={styles.table}>
        <thead>
          <tr>
            <th className={styles.cell} scope="col">{t('move.progress.vm')}</th>
            <th className={styles.cell} scope="col">{t('move.progress.status')}</th>
            <th className={styles.cell} scope="col">{t('move.progress.predicted')}</th>
            <th className={styles.cell} scope="col"><span className="sr-only">{t('move.progress.cancel')}</span></th>
          </tr>
        </thead>
        <tbody>
          {entries.map(([vm, row]) => (
            <tr key={vm} data-testid={`move-row-${vm}`} data-status={row.status} data-result={row.outcome?.result ?? ''}>
              <th className={styles.cell} scope="row">{vm}</th>
              <td className={styles.cell}>
                {row.status === 'done' ? (
                  <span className={row.outcome?.result === 'moved' ? undefined : styles.failed} data-testid={`move-outcome-${vm}`}>{outcomeText(row)}</span>
                ) : (
                  <div className={styles.bar}>
                    <span>{t(`move.status.${row.status}`)}</span>
                    {row.status === 'running' ? (
                      <>
                        <ProgressBar value={row.percent / 100} aria-label={t('move.progress.label', { vm })} style={{ minWidth: 120 }} data-testid={`move-bar-${vm}`} />
                        <span data-testid={`move-percent-${vm}`}>{t('move.progress.percent', { percent: formatNumber(row.percent, lang) })}</span>
                      </>
                    ) : null}
                  </div>
                )}
              </td>
              <td className={styles.cell}>{secs(row.outcome?.prediction.totalSeconds ?? row.predictedSeconds)}</td>
              <td className={styles.cell}>
                {row.status !== 'done' ? (
                  <Button size="small" onClick={() => void actions.cancelMove(vm)} aria-label={`${t('move.progress.cancel')}: ${vm}`} data-testid={`move-cancel-${vm}`}>
                    {t('move.progress.cancel')}
                  </Button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className={styles.bar}>
        {moving ? (
          <Button onClick={() => void actions.cancelMove()} data-testid="move-cancel-all">{t('move.progress.cancelAll')}</Button>
        ) : result?.moves.some((o) => o.result === 'moved') ? (
          <Button onClick={() => void actions.moveBack()} title={t('move.result.backHint')} data-testid="move-back">{t('move.result.back')}</Button>
        ) : null}
      </div>
    </div>
  );
}
