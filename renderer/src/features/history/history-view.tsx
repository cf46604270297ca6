/** History: the audit log grouped by run, each run with a rollback. */
import { useEffect, useMemo } from 'react';
import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { Busy } from '../../app/busy';
import { planWarningKey } from '../../app/plan-warning-text';
import { useActions, useFerry } from '../../app/store-context';
import { formatDateTime } from '../../i18n/format';
import type { AuditRecord } from '../../../../electron/core/model';

const useStyles = makeStyles({
  table: { width: '100%', borderCollapse: 'collapse' },
  cell: { padding: tokens.spacingVerticalXS, borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, textAlign: 'left' },
  run: { marginBottom: tokens.spacingVerticalL },
});

const show = (v: unknown) => (v === undefined || v === null ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

export function HistoryView() {
  const { t } = useTranslation();
  const styles = useStyles();
  const actions = useActions();
  const audit = useFerry((s) => s.audit);
  const lang = useFerry((s) => s.language);
  const rollback = useFerry((s) => s.rollbackResult);
  const skipped = rollback?.warnings ?? [];

  useEffect(() => {
    void actions.loadAudit();
  }, [actions]);

  const runs = useMemo(() => {
    const m = new Map<string, AuditRecord[]>();
    for (const r of audit) m.set(r.runId, [...(m.get(r.runId) ?? []), r]);
    return [...m.entries()].reverse();
  }, [audit]);

  return (
    <div data-testid="workspace-history">
      <h2>{t('history.title')}</h2>
      <Busy op="audit" label={t('ops.audit')} />
      <Busy op="rollback" label={t('ops.rollback')} />
      {rollback ? (
        <MessageBar intent={!rollback.ok ? 'error' : skipped.length > 0 ? 'warning' : 'success'} layout="multiline" data-testid="rollback-summary">
          <MessageBarBody>
            {!rollback.ok ? t('history.rollbackFailed') : skipped.length > 0 ? t('history.rolledBackExcept', { count: skipped.length }) : t('history.rolledBack')}
            {/* The audit records it could not restore: they stay changed, so each is named. */}
            {skipped.length > 0 ? (
              <ul data-testid="rollback-warnings">
                {skipped.map((w, i) => (
                  <li key={`${w.code}-${i}`}>
                    {w.target ? `${w.target}: ` : ''}
                    {t(planWarningKey(w), { ...w.params, defaultValue: w.message })}
                  </li>
                ))}
              </ul>
            ) : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {runs.length === 0 ? <p>{t('history.empty')}</p> : null}
      {runs.map(([runId, records]) => {
        const undoable = records.some((r) => r.result === 'done');
        return (
          <section key={runId} className={styles.run} aria-label={t('history.run', { runId })} data-testid={`run-${runId}`}>
            <h3>
              {t('history.run', { runId })} — {formatDateTime(records[0]?.time ?? '', lang)} — {records[0]?.user}
            </h3>
            <table className={styles.table}>
              <thead>
                <tr>
                  {(['host', 'setting', 'before', 'after', 'result'] as const).map((c) => (
                    <th key={c} className={styles.cell} scope="col">{t(`history.col.${c}`)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {records.map((r) => (
                  <tr key={`${r.stepId}-${r.time}-${r.result}`}>
                    <td className={styles.cell}>{r.host}</td>
                    <td className={styles.cell}>{r.setting}</td>
                    <td className={styles.cell}>{show(r.before)}</td>
                    <td className={styles.cell}>{show(r.after)}</td>
                    <td className={styles.cell}>{t(`history.result.${r.result}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Button disabled={!undoable} onClick={() => void actions.rollback(runId)} data-testid={`rollback-${runId}`}>
              {t('history.rollback')}
            </Button>
          </section>
        );
      })}
    </div>
  );
}
