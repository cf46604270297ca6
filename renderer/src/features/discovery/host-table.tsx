/**
 * The host list: search, filter, sort, and a virtualised body so 5,000 rows stay smooth (only
 * the visible rows are in the DOM). Each row can be made source or destination, or ticked into the
 * group (Shift+click ticks a range; one button ticks every row the search and filters show).
 */
import { useEffect, useMemo, useRef } from 'react';
import { Button, Checkbox, Input, Select, makeStyles, tokens, Badge } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { useActions, useFerry } from '../../app/store-context';
import { buildRows, filterRows, sortRows, type HostFilter, type HostRow, type SortKey } from '../../store/host-list';
import { formatNumber } from '../../i18n/format';

const COLUMNS: readonly SortKey[] = ['name', 'status', 'os', 'migration', 'authentication', 'performance', 'delegation'];
const TEMPLATE = '40px minmax(120px, 1.4fr) 110px minmax(120px, 1.4fr) 90px 110px 120px 110px 210px';
const ROW_HEIGHT = 40;
/** Rows must stay on screen this long before their hosts are read (typing or scrolling past reads nothing). */
const READ_VISIBLE_DELAY_MS = 250;

const useStyles = makeStyles({
  tools: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'end', marginBottom: tokens.spacingVerticalS },
  row: { display: 'grid', gridTemplateColumns: TEMPLATE, alignItems: 'center', gap: tokens.spacingHorizontalS, height: `${ROW_HEIGHT}px`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, paddingLeft: tokens.spacingHorizontalS },
  header: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground3 },
  selected: { backgroundColor: tokens.colorBrandBackground2 },
  scroller: { height: '420px', overflowY: 'auto', border: `1px solid ${tokens.colorNeutralStroke2}` },
  cell: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  label: { display: 'flex', flexDirection: 'column', gap: '2px' },
});

export function HostTable() {
  const { t } = useTranslation();
  const styles = useStyles();
  const actions = useActions();
  const hosts = useFerry((s) => s.hosts);
  const facts = useFerry((s) => s.facts);
  const query = useFerry((s) => s.query);
  const filter = useFerry((s) => s.filter);
  const sort = useFerry((s) => s.sort);
  const source = useFerry((s) => s.source);
  const destination = useFerry((s) => s.destination);
  const group = useFerry((s) => s.group);
  const lang = useFerry((s) => s.language);

  const all = useMemo(() => buildRows(hosts, facts), [hosts, facts]);
  const sorted = useMemo(() => sortRows(all, sort), [all, sort]);
  const rows = useMemo(() => filterRows(sorted, query, filter), [sorted, query, filter]);
  const orderedNames = useMemo(() => rows.map((r) => r.name), [rows]);
  const inGroup = useMemo(() => new Set(group.map((g) => g.toUpperCase())), [group]);
  const allShownInGroup = orderedNames.length > 0 && orderedNames.every((n) => inGroup.has(n.toUpperCase()));
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });

  // Facts are read for the rows on screen only (and the chosen pair, by the store), so a large
  // directory never fans out to one remote read per host.
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? -1;
  useEffect(() => {
    if (lastIndex < firstIndex) return undefined;
    const names = rows.slice(firstIndex, lastIndex + 1).map((r) => r.name);
    const timer = setTimeout(() => void actions.ensureFacts(names), READ_VISIBLE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [rows, firstIndex, lastIndex, actions]);

  const yesNo = (v: boolean | undefined) => (v === undefined ? t('value.unknown') : v ? t('value.on') : t('value.off'));
  // The reason a read failed rides on the badge (hover, and screen readers' description).
  const statusBadge = (r: HostRow) => (
    <Badge
      appearance="tint"
      color={r.status === 'ok' ? 'success' : r.status === 'unknown' ? 'informative' : 'danger'}
      title={r.statusDetail || undefined}
      aria-description={r.statusDetail || undefined}
      data-testid={`host-status-${r.name}`}
    >
      {t(`status.${r.status}`)}
    </Badge>
  );

  return (
    <section aria-labelledby="hosts-heading">
      <h2 id="hosts-heading">{t('discover.hosts.title')}</h2>
      <div className={styles.tools}>
        <label className={styles.label}>
          {t('discover.hosts.search')}
          <Input type="search" value={query} onChange={(_, d) => actions.setQuery(d.value)} data-testid="host-search" />
        </label>
        <label className={styles.label}>
          {t('discover.hosts.filterStatus')}
          <Select value={filter.status} onChange={(_, d) => actions.setFilter({ status: d.value as HostFilter['status'] })} data-testid="filter-status">
            {(['all', 'reachable', 'unreachable', 'unknown'] as const).map((v) => (
              <option key={v} value={v}>{t(`discover.hosts.statusFilter.${v}`)}</option>
            ))}
          </Select>
        </label>
        <label className={styles.label}>
          {t('discover.hosts.filterMigration')}
          <Select value={filter.migration} onChange={(_, d) => actions.setFilter({ migration: d.value as HostFilter['migration'] })} data-testid="filter-migration">
            {(['all', 'on', 'off'] as const).map((v) => (
              <option key={v} value={v}>{t(`discover.hosts.migrationFilter.${v}`)}</option>
            ))}
          </Select>
        </label>
        <label className={styles.label}>
          {t('discover.hosts.filterDelegation')}
          <Select value={filter.delegation} onChange={(_, d) => actions.setFilter({ delegation: d.value as HostFilter['delegation'] })} data-testid="filter-delegation">
            {(['all', 'none', 'partial', 'complete', 'unknown'] as const).map((v) => (
              <option key={v} value={v}>{v === 'all' ? t('discover.hosts.migrationFilter.all') : t(`delegation.${v}`)}</option>
            ))}
          </Select>
        </label>
        <Button disabled={rows.length === 0} onClick={() => actions.toggleAllInGroup(orderedNames)} data-testid="group-select-matching">
          {t(allShownInGroup ? 'group.bar.unselectMatching' : 'group.bar.selectMatching', { count: formatNumber(rows.length, lang) })}
        </Button>
        <span role="status" aria-live="polite" data-testid="host-count">
          {t('discover.hosts.count', { shown: formatNumber(rows.length, lang), total: formatNumber(all.length, lang) })}
        </span>
      </div>
      <div role="table" aria-label={t('discover.hosts.title')} aria-rowcount={rows.length + 1} data-testid="host-table">
        <div role="rowgroup">
          <div role="row" aria-rowindex={1} className={`${styles.row} ${styles.header}`}>
            <span role="columnheader">{t('discover.hosts.group')}</span>
            {COLUMNS.map((c) => (
              <span role="columnheader" key={c} aria-sort={sort.key === c ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                <Button appearance="subtle" size="small" onClick={() => actions.setSort(c)} data-testid={`sort-${c}`}>
                  {t(`discover.hosts.col.${c}`)}
                  {sort.key === c ? (sort.descending ? ' ▼' : ' ▲') : ''}
                </Button>
              </span>
            ))}
            <span role="columnheader">{t('discover.hosts.col.role')}</span>
          </div>
        </div>
        <div ref={scroller} className={styles.scroller} role="rowgroup" data-testid="host-scroller">
          {rows.length === 0 ? <p style={{ padding: 8 }}>{t('discover.hosts.empty')}</p> : null}
          <div style={{ height: `${virtualizer.getTotalSize()}px`, position: 'relative' }}>
            {items.map((v) => {
              const r = rows[v.index];
              if (!r) return null;
              const isSource = r.name === source;
              const isDest = r.name === destination;
              return (
                <div
                  key={r.name}
                  role="row"
                  aria-rowindex={v.index + 2}
                  data-testid={`host-row-${r.name}`}
                  aria-selected={isSource || isDest}
                  className={`${styles.row} ${isSource || isDest ? styles.selected : ''}`}
                  style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${v.start}px)` }}
                >
                  <span role="cell">
                    {/* The click carries Shift (a range in the list's order); Space on the box clicks too. */}
                    <Checkbox
                      checked={inGroup.has(r.name.toUpperCase())}
                      onClick={(e) => actions.pickInGroup(r.name, orderedNames, e.shiftKey)}
                      onChange={() => undefined}
                      aria-label={t('discover.hosts.toggleGroup', { name: r.name })}
                      data-testid={`group-pick-${r.name}`}
                    />
                  </span>
                  <span role="cell" className={styles.cell} title={r.dnsHostName}>
                    {r.name}
                    {r.origin === 'typed' ? ` (${t('discover.hosts.typed')})` : ''}
                  </span>
                  <span role="cell">{statusBadge(r)}</span>
                  <span role="cell" className={styles.cell} title={r.os}>{r.os || '—'}</span>
                  <span role="cell">{yesNo(r.migrationEnabled)}</span>
                  <span role="cell">{r.authentication || '—'}</span>
                  <span role="cell">{r.performance || '—'}</span>
                  <span role="cell">{t(`delegation.${r.delegation}`)}</span>
                  <span role="cell" style={{ display: 'flex', gap: 4 }}>
                    <Button size="small" appearance={isSource ? 'primary' : 'secondary'} aria-pressed={isSource} onClick={() => actions.setSource(isSource ? null : r.name)} data-testid={`set-source-${r.name}`}>
                      {t('discover.hosts.asSource')}
                    </Button>
                    <Button size="small" appearance={isDest ? 'primary' : 'secondary'} aria-pressed={isDest} onClick={() => actions.setDestination(isDest ? null : r.name)} data-testid={`set-destination-${r.name}`}>
                      {t('discover.hosts.asDestination')}
                    </Button>
                  </span>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </section>
  );
}
