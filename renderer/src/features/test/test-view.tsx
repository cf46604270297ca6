/**
 * The Test workspace. Before a run: what to test and Run. After: the verdict first, then the
 * results (failures first, passes collapsed, per-VM table), with the setup folded away.
 * Each part is its own component so another panel mounts here in one line.
 */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { Busy } from '../../app/busy';
import { saveText } from '../../app/download';
import { useActions, useFerry } from '../../app/store-context';
import { factsFor } from '../../store/discovery-slice';
import { summarize } from '../../../../electron/core/preflight/verdict';
import { vmReadiness } from '../../../../electron/core/preflight/vm-readiness';
import { diffReports } from '../../../../electron/core/preflight/report-diff';
import { TestResults } from './test-results';
import { TestSetup } from './test-setup';
import { VerdictBanner } from './verdict-banner';
import { GroupTestView } from '../group/group-test-view';
import { MovePanel } from './move-panel';

const useStyles = makeStyles({
  setup: { marginBottom: tokens.spacingVerticalS },
  summary: { cursor: 'pointer', fontWeight: tokens.fontWeightSemibold },
});

export function TestView() {
  const { t } = useTranslation();
  const styles = useStyles();
  const actions = useActions();
  const source = useFerry((s) => s.source);
  const destination = useFerry((s) => s.destination);
  const sourceVms = useFerry((s) => factsFor(s.facts, s.source)?.vms);
  const report = useFerry((s) => s.report);
  const previous = useFerry((s) => s.previousReport);
  const lang = useFerry((s) => s.language);

  const scope = useFerry((s) => s.scope);
  if (scope === 'group') return <GroupTestView />;
  if (!source || !destination) {
    return (
      <div data-testid="workspace-test">
        <p>{t('configure.pickPair')}</p>
      </div>
    );
  }
  if (!report) {
    return (
      <div data-testid="workspace-test">
        <h2>{t('test.title', { source, destination })}</h2>
        <TestSetup />
      </div>
    );
  }
  const summary = summarize(report.findings);
  const vms = vmReadiness(report.findings, report.hosts[0]?.vms ?? sourceVms ?? []);
  const diff = previous ? diffReports(previous.findings, report.findings) : undefined;
  const resultActions = (
    <>
      <Button size="small" appearance="primary" onClick={() => void actions.runTest({ again: true })} data-testid="test-again">
        {t('results.testAgain')}
      </Button>
      <Button size="small" onClick={() => void actions.exportReport().then((r) => r && saveText(r.fileName, r.html, 'text/html'))} data-testid="export-report">
        {t('test.exportReport')}
      </Button>
      <Busy op="test" label={t('ops.test')} />
    </>
  );
  return (
    <div data-testid="workspace-test">
      <VerdictBanner report={report} summary={summary} vms={vms} lang={lang} actions={resultActions} {...(diff ? { diff } : {})} />
      <details className={styles.setup} data-testid="test-setup">
        <summary className={styles.summary}>{t('results.setup')}</summary>
        <TestSetup busy={false} />
      </details>
      <TestResults report={report} summary={summary} vms={vms} lang={lang} {...(diff ? { changes: diff.changes } : {})} />
      <MovePanel report={report} lang={lang} />
    </div>
  );
}
