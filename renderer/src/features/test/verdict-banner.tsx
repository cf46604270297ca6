/**
 * The first thing the Test view says: "Ready to migrate", "Ready with warnings" or "Not ready:
 * N blockers", the counts per result and per VM, who ran it when, and the actions on the result.
 */
import type { ReactNode } from 'react';
import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { TestReport } from '../../../../electron/core/model';
import { countVerdicts, type VmReadiness } from '../../../../electron/core/preflight/vm-readiness';
import type { VerdictSummary } from '../../../../electron/core/preflight/verdict';
import { countPhrases, verdictHeading, vmCountsLine } from '../../../../electron/core/preflight/verdict-texts';
import type { ReportDiff } from '../../../../electron/core/preflight/report-diff';
import { formatDateTime, type Lang } from '../../i18n/format';
import { SEVERITY_COLOR } from './finding-item';

const useStyles = makeStyles({
  banner: {
    borderLeft: `6px solid ${tokens.colorNeutralStroke1}`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    marginBottom: tokens.spacingVerticalS,
    display: 'grid',
    gap: tokens.spacingVerticalXS,
  },
  ready: { borderLeftColor: tokens.colorPaletteGreenBorder2, backgroundColor: tokens.colorPaletteGreenBackground1 },
  warnings: { borderLeftColor: tokens.colorPaletteYellowBorder2, backgroundColor: tokens.colorPaletteYellowBackground1 },
  blocked: { borderLeftColor: tokens.colorPaletteRedBorder2, backgroundColor: tokens.colorPaletteRedBackground1 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600 },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

export function VerdictBanner(props: {
  readonly report: TestReport;
  readonly summary: VerdictSummary;
  readonly vms: readonly VmReadiness[];
  readonly lang: Lang;
  /** Test again, export: the view decides which. */
  readonly actions?: ReactNode;
  /** What changed since the last run of this pair. */
  readonly diff?: ReportDiff;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { report, summary, lang } = props;
  return (
    <section className={`${styles.banner} ${styles[summary.verdict]}`} aria-labelledby="verdict-heading" data-testid="verdict" data-verdict={summary.verdict}>
      <h2 id="verdict-heading" className={styles.heading} data-testid="verdict-heading">
        {verdictHeading(summary, lang)}
      </h2>
      <div className={styles.row} data-testid="verdict-counts">
        {countPhrases(summary.counts, lang).map((c) => (
          <Badge key={c.severity} appearance={c.severity === 'pass' ? 'tint' : 'filled'} color={SEVERITY_COLOR[c.severity]} data-severity={c.severity}>
            {c.text}
          </Badge>
        ))}
        {props.vms.length > 0 ? <span data-testid="verdict-vms">{vmCountsLine(countVerdicts(props.vms), lang)}</span> : null}
      </div>
      {props.diff ? <SinceLastRun diff={props.diff} /> : null}
      <div className={styles.row}>
        <span className={styles.muted}>
          {t('results.pair', { source: report.source, destination: report.destination })} · {t('test.ranAt', { when: formatDateTime(report.startedAt, lang), who: report.ranBy })}
        </span>
        {props.actions}
      </div>
    </section>
  );
}

const CHANGES = ['fixed', 'new', 'worse', 'better'] as const;

/** "Since the last run: 3 fixed, 1 new" (only the kinds that occurred). */
function SinceLastRun(props: { readonly diff: ReportDiff }) {
  const { t } = useTranslation();
  const parts = CHANGES.filter((c) => props.diff[c] > 0).map((c) => t(`results.count.${c}`, { count: props.diff[c] }));
  return (
    <div data-testid="since-last-run" role="status">
      {parts.length > 0 ? t('results.since', { changes: parts.join(', ') }) : t('results.nothingChanged')}
    </div>
  );
}
