/** What to test: VMs on the source (ticked, or all) or a hypothetical VM, and the Run button. */
import { Button, Checkbox, Field, Input, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { Busy } from '../../app/busy';
import { useActions, useFerry } from '../../app/store-context';
import { factsFor } from '../../store/discovery-slice';
import { formatBytes } from '../../i18n/format';

const useStyles = makeStyles({
  bar: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap', marginBottom: tokens.spacingVerticalM },
  vms: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

/** `busy`: show the progress here (false when the verdict banner shows it). */
export function TestSetup(props: { readonly busy?: boolean }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const actions = useActions();
  const vms = useFerry((s) => factsFor(s.facts, s.source)?.vms);
  const mode = useFerry((s) => s.testMode);
  const picked = useFerry((s) => s.testVms);
  const hypothetical = useFerry((s) => s.hypothetical);
  const lang = useFerry((s) => s.language);
  return (
    <>
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
        {props.busy !== false ? <Busy op="test" label={t('ops.test')} /> : null}
      </div>
    </>
  );
}
