/**
 * The move's confirm dialog: names the VMs, the hosts, what moves (and where the disks go), the
 * authentication and performance option, and the model's estimate per VM. Only "Move now" sends
 * `move:start` (with `confirmed: true`); closing it moves nothing.
 */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TestReport } from '../../../../electron/core/model';
import { predictMove, sourceVms } from '../../../../electron/core/move';
import { useActions, useFerry } from '../../app/store-context';
import { formatSeconds, type Lang } from '../../i18n/format';
import { pairFacts } from './move-view';

const useStyles = makeStyles({
  list: { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, wordBreak: 'break-word' },
  dialog: {
    border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusXLarge, padding: tokens.spacingHorizontalXL, maxWidth: '640px',
    backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1, boxShadow: tokens.shadow64,
  },
  title: { margin: `0 0 ${tokens.spacingVerticalM}`, fontSize: tokens.fontSizeBase500 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, justifyContent: 'flex-end', marginTop: tokens.spacingVerticalL },
});

export function MoveConfirmDialog(props: { readonly report: TestReport; readonly vms: readonly string[]; readonly lang: Lang }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const actions = useActions();
  const open = useFerry((s) => s.moveConfirming);
  const includeStorage = useFerry((s) => s.moveIncludeStorage);
  const storagePath = useFerry((s) => s.moveStoragePath).trim();
  const { report, vms, lang } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const shown = open && vms.length > 0;
  // The browser's own modal dialog: the page behind is inert and Escape closes it (moving nothing).
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (shown && !d.open) d.showModal();
    if (!shown && d.open) d.close();
  }, [shown]);
  const { source, destination } = pairFacts(report);
  const summaries = sourceVms(report);
  const estimate = (name: string): string => {
    const vm = summaries.find((v) => v.name === name);
    if (!vm || !source || !destination) return '–';
    return formatSeconds(predictMove({ vm, source, destination, includeStorage, concurrent: 1 }).totalSeconds, lang);
  };
  const what = includeStorage ? `${t('move.withStorage')}${storagePath !== '' ? `: ${storagePath}` : ''}` : t('move.vmOnly');
  const rows: [string, string, string][] = [
    ['vms', t('move.confirm.vms'), vms.join(', ')],
    ['hosts', t('move.confirm.hosts'), `${report.source} → ${report.destination}`],
    ['what', t('move.confirm.what'), what],
    ['auth', t('move.confirm.auth'), source?.settings?.virtualMachineMigrationAuthenticationType ?? '–'],
    ['performance', t('move.confirm.performance'), source?.settings?.virtualMachineMigrationPerformanceOption ?? '–'],
    ['predicted', t('move.confirm.predicted'), vms.map((v) => `${v}: ${estimate(v)}`).join(', ')],
  ];
  return (
    <dialog ref={ref} role="alertdialog" aria-labelledby="move-confirm-title" className={styles.dialog} onClose={() => actions.confirmMove(false)} data-testid="move-confirm">
      {shown ? (
        <>
          <h2 id="move-confirm-title" className={styles.title}>{t('move.confirm.title', { count: vms.length })}</h2>
          <dl className={styles.list}>
            {rows.map(([key, term, value]) => (
              <div key={key} style={{ display: 'contents' }}>
                <dt className={styles.term}>{term}</dt>
                <dd className={styles.value} data-testid={`move-confirm-${key}`}>{value}</dd>
              </div>
            ))}
          </dl>
          <div className={styles.actions}>
            <Button onClick={() => actions.confirmMove(false)} data-testid="move-confirm-cancel">{t('move.confirm.cancel')}</Button>
            <Button appearance="primary" onClick={() => void actions.startMove()} data-testid="move-confirm-ok">{t('move.confirm.ok')}</Button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}
