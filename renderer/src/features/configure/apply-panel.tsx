/** Apply: progress per step, read-back verification, what changed, Cancel and the way back. */
import { useState } from 'react';
import { Badge, Button, Checkbox, MessageBar, MessageBarBody, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useActions, useFerry } from '../../app/store-context';
import { progressLine, stepErrorText } from './progress-line';

const useStyles = makeStyles({
  bar: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  list: { paddingLeft: '1.5em' },
});

const COLOR = { done: 'success', failed: 'danger', running: 'brand', pending: 'informative', skipped: 'subtle', 'not-started': 'subtle' } as const;

export function ApplyPanel() {
  const { t } = useTranslation();
  const styles = useStyles();
  const actions = useActions();
  const plan = useFerry((s) => s.plan);
  const apply = useFerry((s) => s.apply);
  const progress = useFerry((s) => s.progress);
  const count = useFerry((s) => s.progressCount);
  const running = useFerry((s) => s.busy.apply !== undefined);
  const [includeOptional, setIncludeOptional] = useState(false);
  if (!plan) return null;
  const results = new Map((apply?.results ?? []).map((r) => [r.stepId, r]));

  return (
    <section aria-labelledby="apply-heading" data-testid="apply-section">
      <h2 id="apply-heading">{t('apply.title')}</h2>
      <div className={styles.bar}>
        <Button appearance="primary" disabled={running || plan.steps.length === 0} onClick={() => void actions.startApply(includeOptional)} data-testid="apply">
          {t('apply.start')}
        </Button>
        <Checkbox checked={includeOptional} onChange={(_, d) => setIncludeOptional(d.checked === true)} label={t('apply.includeOptional')} />
        {running ? (
          <Button onClick={() => void actions.cancelApply()} data-testid="cancel-apply">
            {t('common.cancel')}
          </Button>
        ) : null}
      </div>
      {running && count ? (
        <ProgressBar value={count.total > 0 ? count.index / count.total : 0} aria-label={t('apply.progress', { index: count.index, total: count.total })} />
      ) : null}
      <ol className={styles.list} aria-live="polite">
        {plan.steps.map((s) => {
          const st = results.get(s.id)?.status ?? progress[s.id]?.status ?? 'pending';
          const r = results.get(s.id);
          return (
            <li key={s.id}>
              {s.target} — {s.setting}{' '}
              <Badge appearance="filled" color={COLOR[st]} data-testid={`step-status-${s.id}`} data-status={st}>
                {t(`stepStatus.${st}`)}
              </Badge>
              {r?.verified ? <span data-testid={`step-verified-${s.id}`}> ✓ {t('apply.verified')}</span> : null}
              {r?.error ? <div>{r.error.target ? `${r.error.target}: ` : ''}{stepErrorText(r.error, t)}</div> : null}
              {!r && progressLine(progress[s.id]) !== undefined ? <div>{progressLine(progress[s.id])}</div> : null}
            </li>
          );
        })}
      </ol>
      {apply ? (
        <MessageBar intent={apply.ok ? 'success' : 'error'} layout="multiline" data-testid="apply-summary">
          <MessageBarBody>
            {apply.ok
              ? t('apply.summaryOk', { count: apply.results.filter((r) => r.status === 'done').length })
              : t('apply.summaryFailed', { done: apply.results.filter((r) => r.status === 'done').length, total: apply.results.length })}{' '}
            <Button appearance="transparent" onClick={() => actions.setWorkspace('history')} data-testid="undo-link">
              {t('apply.undo')}
            </Button>
            {apply.restoreCommands.length > 0 && !apply.ok ? (
              <details>
                <summary>{t('apply.restore')}</summary>
                <pre>{apply.restoreCommands.join('\n')}</pre>
              </details>
            ) : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}
