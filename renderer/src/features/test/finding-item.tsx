/** One finding: result, title, VM, evidence and the fix with its buttons (Configure row, copy command). */
import { Badge, Button, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { copyText } from '../../app/download';
import { useActions } from '../../app/store-context';
import { rowForSetting } from '../../store/settings-rows';
import type { Finding } from '../../../../electron/core/model';
import type { Lang } from '../../i18n/format';
import { findingKey, type FindingChange } from '../../../../electron/core/preflight/report-diff';
import { EvidenceView } from './evidence-view';
import type { FindingView } from './finding-view';

export const SEVERITY_COLOR = { pass: 'success', warn: 'warning', fail: 'danger', info: 'informative' } as const;

const useStyles = makeStyles({
  item: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, listStyle: 'none' },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'baseline', flexWrap: 'wrap' },
  group: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  fix: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap', fontSize: tokens.fontSizeBase300 },
});

export { findingKey };

const CHANGE_COLOR = { fixed: 'success', new: 'danger', worse: 'danger', better: 'brand' } as const;

export function FindingItem(props: {
  readonly finding: Finding;
  readonly text: FindingView;
  readonly lang: Lang;
  readonly hosts: readonly [string, string];
  /** How it changed since the last run ("Test again"). */
  readonly change?: FindingChange;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const actions = useActions();
  const f = props.finding;
  const key = findingKey(f);
  const row = f.fix.kind === 'plan-step' || f.fix.setting ? rowForSetting(f.fix.setting) : null;
  return (
    <li className={styles.item} data-testid={`finding-${key}`} data-severity={f.severity} data-change={props.change}>
      <div className={styles.head}>
        {props.change ? <Badge appearance="outline" color={CHANGE_COLOR[props.change]}>{t(`results.change.${props.change}`)}</Badge> : null}
        <Badge appearance="filled" color={SEVERITY_COLOR[f.severity]}>{t(`severity.${f.severity}`)}</Badge>
        <strong>{props.text.title}</strong>
        {f.vm ? <span>{t('test.vm', { vm: f.vm })}</span> : null}
        <span className={styles.group}>{t(`test.group.${f.group}`)}</span>
      </div>
      {/* The VM is named in the heading already. */}
      <EvidenceView lines={props.text.evidence.filter((l) => !(l.key === 'vm' && f.vm !== undefined))} hosts={props.hosts} />
      {f.severity !== 'pass' && f.fix.kind !== 'none' ? (
        <div className={styles.fix}>
          <span>{props.text.fixText}</span>
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
}
