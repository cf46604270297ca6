/**
 * One finding on one line: a toggle, result, title, VM, area and the fix buttons (Configure row,
 * copy command); the evidence and the fix sentence open below. One line each, so a dozen
 * blockers still fit the first screen with the verdict and the VM table.
 */
import { useState } from 'react';
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
  item: { padding: `2px ${tokens.spacingHorizontalXS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, listStyle: 'none' },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', minWidth: 0 },
  title: { fontWeight: tokens.fontWeightSemibold, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0, flexShrink: 1 },
  open: { whiteSpace: 'normal' },
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, whiteSpace: 'nowrap' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalXS, marginLeft: 'auto', flexShrink: 0 },
  body: { paddingLeft: '32px', paddingBottom: tokens.spacingVerticalXS },
  toggle: { minWidth: '24px', flexShrink: 0 },
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
  /** Evidence and fix shown from the start (the most severe finding). */
  readonly defaultOpen?: boolean;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const actions = useActions();
  const [open, setOpen] = useState(props.defaultOpen === true);
  const f = props.finding;
  const key = findingKey(f);
  const row = f.fix.kind === 'plan-step' || f.fix.setting ? rowForSetting(f.fix.setting) : null;
  const fixable = f.severity !== 'pass' && f.fix.kind !== 'none';
  return (
    <li className={styles.item} data-testid={`finding-${key}`} data-severity={f.severity} data-change={props.change} data-open={open}>
      <div className={styles.head}>
        <Button
          className={styles.toggle}
          size="small"
          appearance="subtle"
          aria-expanded={open}
          aria-label={t('results.details', { title: props.text.title })}
          onClick={() => setOpen(!open)}
          data-testid={`toggle-${key}`}
        >
          {open ? '▾' : '▸'}
        </Button>
        {props.change ? <Badge appearance="outline" color={CHANGE_COLOR[props.change]}>{t(`results.change.${props.change}`)}</Badge> : null}
        <Badge appearance="filled" color={SEVERITY_COLOR[f.severity]}>{t(`severity.${f.severity}`)}</Badge>
        <span className={`${styles.title} ${open ? styles.open : ''}`} title={props.text.title}>{props.text.title}</span>
        {f.vm ? <span className={styles.meta}>{t('test.vm', { vm: f.vm })}</span> : null}
        <span className={styles.meta}>{t(`test.group.${f.group}`)}</span>
        {fixable && (row || f.fix.command) ? (
          <span className={styles.buttons}>
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
          </span>
        ) : null}
      </div>
      {open ? (
        <div className={styles.body}>
          {/* The VM is named in the heading already. */}
          <EvidenceView lines={props.text.evidence.filter((l) => !(l.key === 'vm' && f.vm !== undefined))} hosts={props.hosts} />
          {fixable ? <div>{props.text.fixText}</div> : null}
        </div>
      ) : null}
    </li>
  );
}
