/**
 * Move VMs (issue 12), under the test's results: the VMs the test found ready can be ticked
 * (blocked ones are disabled, with the finding as the reason), VM only or with storage (with the
 * destination's default folders to pick from), then a confirm dialog; progress, the read-back
 * result, "move back" and measured-vs-predicted follow. A CredSSP source gets the exact command
 * to run there instead of a move that would fail with 0x8009030E. Main decides what may move.
 */
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding, TestReport } from '../../../../electron/core/model';
import { moveCandidates, moveStart, type MoveCandidate } from '../../../../electron/core/move';
import { copyText } from '../../app/download';
import { useActions, useFerry } from '../../app/store-context';
import type { Resources } from '../../i18n/en';
import { formatBytes, type Lang } from '../../i18n/format';
import { findingView } from './finding-view';
import { MoveConfirmDialog } from './move-confirm-dialog';
import { MoveHistoryTable } from './move-history';
import { MoveProgress } from './move-progress';
import { moveLimit, pairFacts, testedMove } from './move-view';

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalL, display: 'grid', gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500 },
  vms: { display: 'grid', gap: tokens.spacingVerticalXXS, border: `1px solid ${tokens.colorNeutralStroke2}`, padding: tokens.spacingHorizontalS },
  reason: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, marginLeft: tokens.spacingHorizontalXXL },
  bar: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  command: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: 'pre-wrap', wordBreak: 'break-all', margin: `${tokens.spacingVerticalXS} 0` },
  muted: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

export function MovePanel(props: { readonly report: TestReport; readonly lang: Lang }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const actions = useActions();
  const { report, lang } = props;
  const picked = useFerry((s) => s.moveVms);
  const includeStorage = useFerry((s) => s.moveIncludeStorage);
  const storagePath = useFerry((s) => s.moveStoragePath);
  const paths = useFerry((s) => s.movePaths);
  const moving = useFerry((s) => s.busy.move !== undefined);
  const testing = useFerry((s) => s.busy.test !== undefined);
  const moveTested = useFerry((s) => s.moveTested);
  const bundle = i18n.getResourceBundle(lang, 'translation') as Resources | undefined;
  useEffect(() => void actions.loadMoveHistory(), [actions]);

  const candidates = moveCandidates(report);
  const { source: sourceFacts } = pairFacts(report);
  const auth = sourceFacts?.settings?.virtualMachineMigrationAuthenticationType;
  const chosen = picked.filter((n) => candidates.some((c) => c.name === n && c.ready));
  const reason = (c: MoveCandidate): string => {
    if (c.reason?.kind !== 'finding') return t('move.notTested');
    const f = report.findings.find((x: Finding) => x.id === c.reason?.findingId && (x.vm === c.name || x.vm === undefined));
    return t('move.blockedBy', { reason: f ? findingView(bundle, f, lang).title : (c.reason.title ?? c.reason.findingId ?? '') });
  };
  const spec = (vm: string) => ({
    source: report.source,
    destination: report.destination,
    vm,
    includeStorage,
    ...(includeStorage && storagePath.trim() !== '' ? { destinationStoragePath: storagePath.trim() } : {}),
  });
  // CredSSP from this workstation cannot work: the commands to run on the source instead.
  const onSource = chosen.map((vm) => moveStart(spec(vm), auth)).flatMap((w) => (w.where === 'on-source' ? [w.command] : []));
  const vars = { source: report.source, destination: report.destination };
  // Readiness is the test's word for one kind of move: another choice is tested before it moves.
  const tested = testedMove(report, moveTested);
  const sameAsTested = tested.includeStorage === includeStorage && (!includeStorage || tested.path === storagePath.trim());
  const testedText = tested.includeStorage ? `${t('move.withStorage')}${tested.path !== '' ? `: ${tested.path}` : ''}` : t('move.vmOnly');

  return (
    <section className={styles.section} aria-labelledby="move-heading" data-testid="move-panel">
      <h3 id="move-heading" className={styles.heading}>{t('move.title', vars)}</h3>
      <span className={styles.muted}>{t('move.intro', vars)}</span>
      <fieldset className={styles.vms} data-testid="move-vms">
        <legend>{t('move.pick')}</legend>
        {candidates.map((c) => (
          <div key={c.name}>
            <Checkbox
              checked={c.ready && picked.includes(c.name)}
              disabled={!c.ready || moving}
              onChange={() => actions.toggleMoveVm(c.name)}
              label={`${c.name} (${formatBytes(c.memoryAssignedBytes || c.memoryStartupBytes, lang)})`}
              data-testid={`move-vm-${c.name}`}
              {...(!c.ready ? { 'aria-describedby': `move-reason-${c.name}` } : {})}
            />
            {!c.ready ? (
              <div id={`move-reason-${c.name}`} className={styles.reason} data-testid={`move-reason-${c.name}`}>{reason(c)}</div>
            ) : null}
          </div>
        ))}
      </fieldset>
      <RadioGroup
        value={includeStorage ? 'storage' : 'vm'}
        onChange={(_, d) => actions.setMoveIncludeStorage(d.value === 'storage')}
        aria-label={t('move.mode')}
        layout="horizontal"
        disabled={moving}
      >
        <Radio value="vm" label={t('move.vmOnly')} data-testid="move-mode-vm" />
        <Radio value="storage" label={t('move.withStorage')} data-testid="move-mode-storage" />
      </RadioGroup>
      {includeStorage ? (
        <div className={styles.bar}>
          <Field label={t('move.storagePath')} hint={t('move.storageHint', vars)}>
            <Input value={storagePath} onChange={(_, d) => actions.setMoveStoragePath(d.value)} disabled={moving} data-testid="move-storage-path" />
          </Field>
          {paths
            ? ([['defaultVhd', paths.virtualHardDiskPath], ['defaultVm', paths.virtualMachinePath]] as const).map(([key, p]) => (
                <Button key={key} size="small" onClick={() => actions.setMoveStoragePath(p)} title={t(`move.${key}`)} disabled={moving} data-testid={`move-use-${key}`}>
                  {t('move.useDefault', { path: p })}
                </Button>
              ))
            : null}
        </div>
      ) : null}
      {!sameAsTested ? (
        <MessageBar intent="info" data-testid="move-untested">
          <MessageBarBody>
            {t('move.untested', { tested: testedText })}{' '}
            <Button size="small" appearance="primary" onClick={() => void actions.testForMove()} disabled={testing || moving} data-testid="move-retest">
              {t('move.retest')}
            </Button>
          </MessageBarBody>
        </MessageBar>
      ) : onSource.length > 0 ? (
        <MessageBar intent="warning" data-testid="move-credssp">
          <MessageBarBody>
            <MessageBarTitle>{t('move.credssp.title', vars)}</MessageBarTitle>
            {t('move.credssp.body', vars)}
            <pre className={styles.command} data-testid="move-credssp-command">{onSource.join('\n')}</pre>
            <Button size="small" onClick={() => void copyText(onSource.join('\n'))} data-testid="move-credssp-copy">{t('move.credssp.copy')}</Button>
          </MessageBarBody>
        </MessageBar>
      ) : (
        <div className={styles.bar}>
          <Button appearance="primary" disabled={chosen.length === 0 || moving} onClick={() => actions.confirmMove(true)} data-testid="move-start">
            {t('move.start')}
          </Button>
          <span className={styles.muted}>{t('move.limit', { count: moveLimit(report) })}</span>
        </div>
      )}
      <MoveConfirmDialog report={report} vms={chosen} lang={lang} />
      <MoveProgress lang={lang} />
      <MoveHistoryTable lang={lang} />
    </section>
  );
}
