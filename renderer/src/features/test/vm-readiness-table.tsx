/** One row per tested VM: memory, configuration version, verdict and the first blocker. */
import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../../electron/core/model';
import type { VmReadiness } from '../../../../electron/core/preflight/vm-readiness';
import { VERDICT_TEXTS } from '../../../../electron/core/preflight/verdict-texts';
import type { Resources } from '../../i18n/en';
import { formatBytes, type Lang } from '../../i18n/format';
import { findingView } from './finding-view';

export const VERDICT_COLOR = { ready: 'success', warnings: 'warning', blocked: 'danger' } as const;

const useStyles = makeStyles({
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  cell: { textAlign: 'left', padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, verticalAlign: 'top' },
  muted: { color: tokens.colorNeutralForeground3 },
  nowrap: { whiteSpace: 'nowrap' },
  // Compare-VM's messages are long: two lines here, the whole text in the findings and the tooltip.
  clamp: { display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' },
  heading: { margin: `0 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase400 },
});

export function VmReadinessTable(props: { readonly rows: readonly VmReadiness[]; readonly lang: Lang }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const bundle = i18n.getResourceBundle(props.lang, 'translation') as Resources | undefined;
  const title = (f: Finding) => findingView(bundle, f, props.lang).title;
  return (
    <section aria-labelledby="vm-readiness-heading" data-testid="vm-readiness">
      <h3 id="vm-readiness-heading" className={styles.heading}>{t('results.vms.title')}</h3>
      {props.rows.length === 0 ? (
        <p>{t('results.vms.empty')}</p>
      ) : (
        <table className={styles.table}>
          <thead>
            <tr>
              <th className={styles.cell} scope="col">{t('results.vms.vm')}</th>
              <th className={styles.cell} scope="col">{t('results.vms.memory')}</th>
              <th className={styles.cell} scope="col">{t('results.vms.version')}</th>
              <th className={styles.cell} scope="col">{t('results.vms.verdict')}</th>
              <th className={styles.cell} scope="col">{t('results.vms.firstBlocker')}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr key={r.vm} data-testid={`vm-row-${r.vm}`} data-verdict={r.verdict}>
                <th className={styles.cell} scope="row">{r.vm}</th>
                <td className={`${styles.cell} ${styles.nowrap}`}>{r.memoryBytes !== undefined ? formatBytes(r.memoryBytes, props.lang) : t('results.vms.none')}</td>
                <td className={styles.cell}>{r.configurationVersion ?? t('results.vms.none')}</td>
                <td className={`${styles.cell} ${styles.nowrap}`}>
                  <Badge appearance="tint" color={VERDICT_COLOR[r.verdict]}>{VERDICT_TEXTS[props.lang].cell[r.verdict]}</Badge>
                </td>
                <td className={styles.cell}>
                  {r.firstBlocker ? (
                    <span className={styles.clamp} title={title(r.firstBlocker)}>
                      {title(r.firstBlocker)}
                      {r.blockerIsPairWide ? <span className={styles.muted}> ({t('results.vms.pairWide')})</span> : null}
                    </span>
                  ) : (
                    t('results.vms.none')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
