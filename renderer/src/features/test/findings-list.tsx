/** Findings grouped by area, each with pass/warn/fail, evidence from each side and a fix. */
import { Badge, Button, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { copyText } from '../../app/download';
import { useActions } from '../../app/store-context';
import { rowForSetting } from '../../store/settings-rows';
import type { Finding, FindingGroup } from '../../../../electron/core/model';
import type { Resources } from '../../i18n/en';
import { findingView } from './finding-view';

const GROUPS: readonly FindingGroup[] = ['identity', 'host', 'network', 'vm', 'capacity'];
const COLOR = { pass: 'success', warn: 'warning', fail: 'danger', info: 'informative' } as const;

const useStyles = makeStyles({
  item: { padding: tokens.spacingVerticalS, borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, listStyle: 'none' },
  evidence: { margin: `${tokens.spacingVerticalXS} 0`, fontSize: tokens.fontSizeBase200 },
  list: { paddingLeft: 0 },
});

export function FindingsList(props: { readonly findings: readonly Finding[] }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  // Finding texts (`findings`, by id and variant) and evidence words (`evidence`) live in the
  // i18n resources; sizes and times are formatted in the same language.
  const lang = (i18n.resolvedLanguage ?? i18n.language) === 'de' ? 'de' : 'en';
  const bundle = i18n.getResourceBundle(lang, 'translation') as Resources | undefined;
  const actions = useActions();
  return (
    <>
      {GROUPS.map((g) => {
        const items = props.findings.filter((f) => f.group === g);
        if (items.length === 0) return null;
        const worst = items.some((f) => f.severity === 'fail') ? 'fail' : items.some((f) => f.severity === 'warn') ? 'warn' : 'pass';
        return (
          <section key={g} aria-labelledby={`group-${g}`} data-testid={`finding-group-${g}`}>
            <h3 id={`group-${g}`}>
              {t(`test.group.${g}`)} <Badge color={COLOR[worst]}>{t(`severity.${worst}`)}</Badge>
            </h3>
            <ul className={styles.list}>
              {items.map((f) => {
                const row = f.fix.kind === 'plan-step' || f.fix.setting ? rowForSetting(f.fix.setting) : null;
                // One check runs once per VM, so the id alone repeats; the VM makes it unique.
                const key = f.vm ? `${f.id}@${f.vm}` : f.id;
                const text = findingView(bundle, f, lang);
                return (
                  <li key={key} className={styles.item} data-testid={`finding-${key}`} data-severity={f.severity}>
                    <Badge appearance="filled" color={COLOR[f.severity]}>{t(`severity.${f.severity}`)}</Badge> <strong>{text.title}</strong>
                    {f.vm ? ` — ${t('test.vm', { vm: f.vm })}` : null}
                    {text.evidence.length > 0 ? (
                      <dl className={styles.evidence}>
                        {text.evidence.map((line) => (
                          <div key={line.key} data-evidence={line.key}>
                            <dt style={{ display: 'inline', fontWeight: 600 }}>{line.label}: </dt>
                            <dd style={{ display: 'inline', margin: 0 }}>{line.value}</dd>
                          </div>
                        ))}
                      </dl>
                    ) : null}
                    {f.severity !== 'pass' && f.fix.kind !== 'none' ? (
                      <div>
                        {text.fixText}{' '}
                        {row ? (
                          <Button size="small" onClick={() => actions.jumpToRow(row)} data-testid={`fix-${key}`}>
                            {t('test.fixInConfigure')}
                          </Button>
                        ) : null}
                        {f.fix.command ? (
                          <Button size="small" onClick={() => void copyText(f.fix.command ?? '')} data-testid={`copy-fix-${key}`}>
                            {t('test.copyCommand')}
                          </Button>
                        ) : null}
                      </div>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </>
  );
}
