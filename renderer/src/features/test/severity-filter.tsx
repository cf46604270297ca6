/** Which results the list shows: all, or only blockers, warnings, notes or passes (with their counts). */
import { ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Severity } from '../../../../electron/core/model';
import type { SeverityCounts } from '../../../../electron/core/preflight/verdict';
import type { SeverityFilter as Filter } from './findings-list';

const ORDER: readonly Severity[] = ['fail', 'warn', 'info', 'pass'];

const useStyles = makeStyles({
  bar: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'center', flexWrap: 'wrap', marginBottom: tokens.spacingVerticalXS },
});

export function SeverityFilter(props: { readonly counts: SeverityCounts; readonly value: Filter; readonly onChange: (f: Filter) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const total = ORDER.reduce((n, s) => n + props.counts[s], 0);
  return (
    <div role="group" aria-label={t('results.show')} className={styles.bar} data-testid="severity-filter">
      <ToggleButton size="small" checked={props.value === 'all'} onClick={() => props.onChange('all')} data-testid="filter-all">
        {t('results.all', { count: total })}
      </ToggleButton>
      {ORDER.filter((s) => props.counts[s] > 0).map((s) => (
        <ToggleButton key={s} size="small" checked={props.value === s} onClick={() => props.onChange(s)} data-testid={`filter-${s}`}>
          {t(`results.filter.${s}`, { count: props.counts[s] })}
        </ToggleButton>
      ))}
    </div>
  );
}
