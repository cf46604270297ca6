/**
 * A run's results under the verdict: the severity filter and the findings (failures first) beside
 * the per-VM readiness table, then the model chart.
 */
import { useState } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { TestReport } from '../../../../electron/core/model';
import type { VerdictSummary } from '../../../../electron/core/preflight/verdict';
import type { VmReadiness } from '../../../../electron/core/preflight/vm-readiness';
import type { FindingChange } from '../../../../electron/core/preflight/report-diff';
import type { Lang } from '../../i18n/format';
import { FindingsList, type SeverityFilter as Filter } from './findings-list';
import { ModelChart } from './model-chart';
import { SeverityFilter } from './severity-filter';
import { VmReadinessTable } from './vm-readiness-table';

const useStyles = makeStyles({
  // Findings beside the VM table, so the verdict, the blockers and the VMs share the first screen.
  grid: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(360px, 38%)', gap: tokens.spacingHorizontalL, alignItems: 'start' },
});

export function TestResults(props: {
  readonly report: TestReport;
  readonly summary: VerdictSummary;
  readonly vms: readonly VmReadiness[];
  readonly lang: Lang;
  readonly changes?: ReadonlyMap<string, FindingChange>;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [filter, setFilter] = useState<Filter>('all');
  const { report } = props;
  const hosts: [string, string] = [report.source, report.destination];
  return (
    <div data-testid="test-results">
      <div className={styles.grid}>
        <section aria-label={t('results.show')}>
          <SeverityFilter counts={props.summary.counts} value={filter} onChange={setFilter} />
          <FindingsList findings={report.findings} filter={filter} lang={props.lang} hosts={hosts} {...(props.changes ? { changes: props.changes } : {})} />
        </section>
        <VmReadinessTable rows={props.vms} lang={props.lang} />
      </div>
      {report.model.length > 0 ? (
        <section aria-labelledby="chart-heading">
          <h3 id="chart-heading">{t('test.chart.title')}</h3>
          <ModelChart model={report.model} lang={props.lang} />
        </section>
      ) : null}
    </div>
  );
}
