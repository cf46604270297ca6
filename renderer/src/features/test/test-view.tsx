/** The Test workspace: choose VMs or a hypothetical VM, run, findings, chart, HTML report. */
import { Button, Checkbox, Field, Input, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { Busy } from '../../app/busy';
import { saveText } from '../../app/download';
import { useActions, useFerry } from '../../app/store-context';
import { factsFor } from '../../store/discovery-slice';
import { formatBytes, formatDateTime } from '../../i18n/format';
import { FindingsList } from './findings-list';
import { ModelChart } from './model-chart';
import { GroupTestView } from '../group/group-test-view';

const useStyles = makeStyles({
  bar: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap', marginBottom: tokens.spacingVerticalM },
  vms: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

export function TestView() {
  const { t } = useTranslation();
  const styles = useStyles();
  const actions = useActions();
  const source = useFerry((s) => s.source);
  const destination = useFerry((s) => s.destination);
  const vms = useFerry((s) => factsFor(s.facts, s.source)?.vms);
  const mode = useFerry((s) => s.testMode);
  const picked = useFerry((s) => s.testVms);
  const hypothetical = useFerry((s) => s.hypothetical);
  const report = useFerry((s) => s.report);
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
  return (
    <div data-testid="workspace-test">
      <h2>{t('test.title', { source, destination })}</h2>
      <RadioGroup value={mode} onChange={(_, d) => actions.setTestMode(d.value as 'vms' | 'hypothetical')} aria-label={t('test.mode')} layout="horizontal">
        <Radio value="vms" label={t('test.modeVms')} data-testid="test-mode-vms" />
        <Radio value="hypothetical" label={t('test.modeHypothetical')} data-testid="test-mode-hypothetical" />
      </RadioGroup>
      {mode === 'vms' ? (
        <fieldset className={styles.vms}>
          <legend>{t('test.pickVms')}</legend>
          {(vms ?? []).length === 0 ? <span>{t('test.noVms')}</span> : null}
          {(vms ?? []).map((vm) => (
            <Checkbox
              key={vm.name}
              checked={picked.includes(vm.name)}
              onChange={() => actions.toggleTestVm(vm.name)}
              label={`${vm.name} (${formatBytes(vm.memoryAssignedBytes || vm.memoryStartupBytes, lang)})`}
              data-testid={`test-vm-${vm.name}`}
            />
          ))}
        </fieldset>
      ) : (
        <div className={styles.bar}>
          <Field label={t('test.memoryGiB')}>
            <Input type="number" min={1} value={String(hypothetical.memoryGiB)} onChange={(_, d) => { const n = Number(d.value); if (n > 0 && n <= 24576) actions.setHypothetical({ memoryGiB: n }); }} data-testid="test-memory" />
          </Field>
          <Field label={t('test.dirtyMBps')}>
            <Input type="number" min={0} value={String(hypothetical.dirtyMBps)} onChange={(_, d) => { const n = Number(d.value); if (n >= 0 && n <= 100000) actions.setHypothetical({ dirtyMBps: n }); }} data-testid="test-dirty" />
          </Field>
        </div>
      )}
      <div className={styles.bar}>
        <Button appearance="primary" onClick={() => void actions.runTest()} data-testid="run-test">
          {t('test.run')}
        </Button>
        <Button disabled={!report} onClick={() => void actions.exportReport().then((r) => r && saveText(r.fileName, r.html, 'text/html'))} data-testid="export-report">
          {t('test.exportReport')}
        </Button>
        <Busy op="test" label={t('ops.test')} />
      </div>
      {report ? (
        <div data-testid="test-results">
          <p>{t('test.ranAt', { when: formatDateTime(report.startedAt, lang), who: report.ranBy })}</p>
          <FindingsList findings={report.findings} />
          {report.model.length > 0 ? (
            <section aria-labelledby="chart-heading">
              <h3 id="chart-heading">{t('test.chart.title')}</h3>
              <ModelChart model={report.model} lang={lang} />
            </section>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
