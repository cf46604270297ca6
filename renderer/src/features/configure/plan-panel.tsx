/** The plan: ordered steps with the exact PowerShell / LDAP text; copy and export as .ps1. */
import { Badge, Button, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { Busy } from '../../app/busy';
import { copyText, saveText } from '../../app/download';
import { planWarningKey } from '../../app/plan-warning-text';
import { useActions, useFerry } from '../../app/store-context';

const useStyles = makeStyles({
  steps: { paddingLeft: '1.5em' },
  step: { marginBottom: tokens.spacingVerticalM },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, whiteSpace: 'pre-wrap', backgroundColor: tokens.colorNeutralBackground3, padding: tokens.spacingHorizontalS, margin: `${tokens.spacingVerticalXS} 0`, borderRadius: tokens.borderRadiusMedium },
  bar: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

export function PlanPanel() {
  const { t } = useTranslation();
  const styles = useStyles();
  const actions = useActions();
  const plan = useFerry((s) => s.plan);
  const desired = useFerry((s) => s.desired);
  const scope = useFerry((s) => s.scope);

  return (
    <section aria-labelledby="plan-heading" data-testid="plan-section">
      <h2 id="plan-heading">{t('plan.title')}</h2>
      <div className={styles.bar}>
        <Button appearance="primary" disabled={!desired} onClick={() => void (scope === 'group' ? actions.createGroupPlan() : actions.createPlan())} data-testid="create-plan">
          {t('plan.create')}
        </Button>
        <Button disabled={!plan} onClick={() => void copyText(plan ? plan.steps.map((s) => s.command).join('\n\n') : '')} data-testid="copy-plan">
          {t('plan.copy')}
        </Button>
        <Button
          disabled={!plan}
          onClick={() => void actions.exportPlan().then((r) => r && saveText(r.fileName, r.script, 'text/plain'))}
          data-testid="export-plan"
        >
          {t('plan.export')}
        </Button>
        <Busy op="plan" label={t('ops.plan')} />
      </div>
      {plan ? (
        <>
          {plan.warnings.map((w) => (
            <p key={`${w.code}-${w.target ?? ''}`} role="note">
              {w.target ? `${w.target}: ` : ''}
              {/* Said from the code + params; the core's English message when there is no text for it. */}
              {t(planWarningKey(w), { ...w.params, defaultValue: w.message })}
            </p>
          ))}
          {plan.steps.length === 0 ? <p data-testid="plan-empty">{t('plan.nothing')}</p> : null}
          <ol className={styles.steps} data-testid="plan-steps">
            {plan.steps.map((s) => (
              <li key={s.id} className={styles.step} data-testid={`plan-step-${s.id}`}>
                <strong>{s.target}</strong> — {s.setting} <Badge appearance="outline">{s.channel === 'ldap' ? 'LDAP' : 'PowerShell'}</Badge>
                {s.optional ? <Badge appearance="outline" color="informative">{t('plan.optional')}</Badge> : null}
                <pre className={styles.code} aria-label={t('plan.command')}>{s.command}</pre>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
