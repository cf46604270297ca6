/**
 * Failures first: blockers, then warnings, then notes, each with evidence and fix; passes
 * collapsed to one line per group ("Identity & AD: 9 checks passed") that opens to the list.
 * The severity filter narrows to one result (passes then open).
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Finding, FindingGroup, Severity } from '../../../../electron/core/model';
import { bySeverity } from '../../../../electron/core/preflight/verdict';
import type { Resources } from '../../i18n/en';
import type { Lang } from '../../i18n/format';
import type { FindingChange } from '../../../../electron/core/preflight/report-diff';
import { FindingItem, findingKey } from './finding-item';
import { findingView } from './finding-view';

export const GROUPS: readonly FindingGroup[] = ['identity', 'host', 'network', 'vm', 'capacity'];

export type SeverityFilter = 'all' | Severity;

/** Up to this many problems, each shows its evidence and fix from the start. */
const OPEN_ALL_UP_TO = 4;

const useStyles = makeStyles({
  list: { paddingLeft: 0, margin: 0 },
  passed: { borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}` },
  summary: { cursor: 'pointer', color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
});

interface ListProps {
  readonly findings: readonly Finding[];
  readonly filter: SeverityFilter;
  readonly lang: Lang;
  readonly hosts: readonly [string, string];
  /** Changes since the last run, by finding key. */
  readonly changes?: ReadonlyMap<string, FindingChange>;
}

export function FindingsList(props: ListProps) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  // Finding texts (`findings`, by id and variant) and evidence words (`evidence`) live in the
  // i18n resources; sizes and times are formatted in the same language.
  const bundle = i18n.getResourceBundle(props.lang, 'translation') as Resources | undefined;
  const open = bySeverity(props.findings.filter((f) => f.severity !== 'pass' && (props.filter === 'all' || props.filter === f.severity)));
  // A short list opens every finding; a long one only the most severe, the rest one line each.
  const item = (f: Finding, index = -1) => {
    const change = props.changes?.get(findingKey(f));
    const defaultOpen = index === 0 || (index > 0 && open.length <= OPEN_ALL_UP_TO);
    return <FindingItem key={findingKey(f)} finding={f} text={findingView(bundle, f, props.lang)} lang={props.lang} hosts={props.hosts} defaultOpen={defaultOpen} {...(change ? { change } : {})} />;
  };
  const showPasses = props.filter === 'all' || props.filter === 'pass';
  const passes = props.findings.filter((f) => f.severity === 'pass');
  if (open.length === 0 && (!showPasses || passes.length === 0)) return <p data-testid="findings-none">{t('results.noneShown')}</p>;
  return (
    <div data-testid="findings-list">
      {open.length > 0 ? <ul className={styles.list} data-testid="findings-open">{open.map((f, i) => item(f, i))}</ul> : null}
      {showPasses
        ? GROUPS.map((g) => {
            const items = passes.filter((f) => f.group === g);
            if (items.length === 0) return null;
            const label = items.length === 1 ? t('results.passedOne', { group: t(`test.group.${g}`) }) : t('results.passedMany', { group: t(`test.group.${g}`), count: items.length });
            const fixed = items.filter((f) => props.changes?.get(findingKey(f)) === 'fixed').length;
            return (
              // Keyed by the filter so choosing "Passed" opens every group and "All" closes them again.
              <details key={`${g}-${props.filter}`} className={styles.passed} open={props.filter === 'pass'} data-testid={`passed-group-${g}`}>
                <summary className={styles.summary}>✓ {label}{fixed > 0 ? ` ${t('results.passedFixed', { count: fixed })}` : ''}</summary>
                <ul className={styles.list}>{items.map((f) => item(f))}</ul>
              </details>
            );
          })
        : null}
    </div>
  );
}
