/**
 * The readiness matrix: source rows × destination columns, each cell ready / warnings / blocked
 * with its counts (a symbol and a number, not colour alone). One grid in the ARIA sense: a single
 * tab stop, arrow keys (Home/End, Ctrl+Home/End) move between cells, Enter or Space opens the
 * pair. 50 hosts are 2,500 cells; rows are memoised so moving the focus re-renders two rows.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { GroupTestSummary, MatrixCell } from '../../../../electron/core/model';

const useStyles = makeStyles({
  scroller: { maxHeight: '70vh', maxWidth: '100%', overflow: 'auto', border: `1px solid ${tokens.colorNeutralStroke2}` },
  table: { borderCollapse: 'separate', borderSpacing: 0 },
  colHead: {
    position: 'sticky', top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground3, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200, whiteSpace: 'nowrap',
  },
  corner: { left: 0, zIndex: 2 },
  rowHead: {
    position: 'sticky', left: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground3, padding: `0 ${tokens.spacingHorizontalS}`,
    textAlign: 'left', fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200, whiteSpace: 'nowrap',
  },
  cell: {
    minWidth: '52px', height: '32px', textAlign: 'center', cursor: 'pointer', fontSize: tokens.fontSizeBase200,
    borderRight: `1px solid ${tokens.colorNeutralStroke3}`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  ready: { backgroundColor: tokens.colorPaletteGreenBackground1, color: tokens.colorPaletteGreenForeground1 },
  warnings: { backgroundColor: tokens.colorPaletteYellowBackground1, color: tokens.colorNeutralForeground1 },
  blocked: { backgroundColor: tokens.colorPaletteRedBackground1, color: tokens.colorPaletteRedForeground1 },
  self: { backgroundColor: tokens.colorNeutralBackground4, color: tokens.colorNeutralForeground3, cursor: 'default' },
  untested: { color: tokens.colorNeutralForeground3, cursor: 'default' },
  open: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-3px' },
});

const SYMBOL = { ready: '✓', warnings: '⚠', blocked: '✖' } as const;

interface Pos {
  readonly r: number;
  readonly c: number;
}

interface RowProps {
  readonly r: number;
  readonly source: string;
  readonly destinations: readonly string[];
  readonly cells: readonly (MatrixCell | undefined)[];
  /** The column holding the tab stop in this row, or -1. */
  readonly focusCol: number;
  /** The open cell's column in this row, or -1. */
  readonly openCol: number;
  readonly onCell: (r: number, c: number) => void;
}

const MatrixRow = memo(function MatrixRow(props: RowProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <tr role="row">
      <th role="rowheader" scope="row" className={styles.rowHead}>{props.source}</th>
      {props.destinations.map((destination, c) => {
        const cell = props.cells[c];
        const common = {
          role: 'gridcell',
          tabIndex: props.focusCol === c ? 0 : -1,
          'data-r': props.r,
          'data-c': c,
          'data-testid': `matrix-cell-${props.source}-${destination}`,
          onClick: () => props.onCell(props.r, c),
        } as const;
        if (destination === props.source) {
          return <td key={destination} {...common} className={`${styles.cell} ${styles.self}`} aria-label={t('group.test.self')}>—</td>;
        }
        if (!cell) {
          return (
            <td key={destination} {...common} className={`${styles.cell} ${styles.untested}`} aria-label={`${props.source} → ${destination}: ${t('group.test.untested')}`} data-verdict="untested">
              ·
            </td>
          );
        }
        const count = cell.verdict === 'blocked' ? cell.counts.fail : cell.verdict === 'warnings' ? cell.counts.warn : null;
        return (
          <td
            key={destination}
            {...common}
            className={`${styles.cell} ${styles[cell.verdict]} ${props.openCol === c ? styles.open : ''}`}
            aria-label={t('group.test.cellLabel', { source: props.source, destination, verdict: t(`group.verdict.${cell.verdict}`), fail: cell.counts.fail, warn: cell.counts.warn })}
            aria-selected={props.openCol === c}
            data-verdict={cell.verdict}
            title={cell.first?.title}
          >
            {SYMBOL[cell.verdict]}
            {count !== null ? ` ${count}` : ''}
          </td>
        );
      })}
    </tr>
  );
});

export interface ReadinessMatrixProps {
  readonly summary: GroupTestSummary;
  readonly open: { readonly source: string; readonly destination: string } | null;
  readonly onOpen: (source: string, destination: string) => void;
}

export function ReadinessMatrix({ summary, open, onOpen }: ReadinessMatrixProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const hosts = useMemo(() => summary.hosts.map((h) => h.computerName), [summary]);
  const grid = useMemo(() => {
    const byPair = new Map(summary.cells.map((c) => [`${c.source.toUpperCase()}>${c.destination.toUpperCase()}`, c]));
    return hosts.map((s) => hosts.map((d) => byPair.get(`${s.toUpperCase()}>${d.toUpperCase()}`)));
  }, [summary, hosts]);
  const [focus, setFocus] = useState<Pos>({ r: 0, c: hosts.length > 1 ? 1 : 0 });
  const table = useRef<HTMLTableElement>(null);
  const moved = useRef(false);

  // Move the DOM focus only after a key press inside the grid, never on first render.
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    table.current?.querySelector<HTMLElement>(`[data-r="${focus.r}"][data-c="${focus.c}"]`)?.focus();
  }, [focus]);

  const openAt = useCallback(
    (r: number, c: number) => {
      setFocus({ r, c });
      const source = hosts[r];
      const destination = hosts[c];
      if (source !== undefined && destination !== undefined && grid[r]?.[c]) onOpen(source, destination);
    },
    [hosts, grid, onOpen],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const last = hosts.length - 1;
    let next: Pos | null = null;
    switch (e.key) {
      case 'ArrowRight': next = { r: focus.r, c: Math.min(last, focus.c + 1) }; break;
      case 'ArrowLeft': next = { r: focus.r, c: Math.max(0, focus.c - 1) }; break;
      case 'ArrowDown': next = { r: Math.min(last, focus.r + 1), c: focus.c }; break;
      case 'ArrowUp': next = { r: Math.max(0, focus.r - 1), c: focus.c }; break;
      case 'Home': next = e.ctrlKey ? { r: 0, c: 0 } : { r: focus.r, c: 0 }; break;
      case 'End': next = e.ctrlKey ? { r: last, c: last } : { r: focus.r, c: last }; break;
      case 'Enter':
      case ' ':
        e.preventDefault();
        openAt(focus.r, focus.c);
        return;
      default:
        return;
    }
    e.preventDefault();
    moved.current = true;
    setFocus(next);
  };

  const openRow = open ? hosts.findIndex((h) => h.toUpperCase() === open.source.toUpperCase()) : -1;
  const openCol = open ? hosts.findIndex((h) => h.toUpperCase() === open.destination.toUpperCase()) : -1;

  return (
    <div className={styles.scroller} data-testid="matrix-scroller">
      <table ref={table} role="grid" aria-label={t('group.test.matrix')} aria-rowcount={hosts.length + 1} aria-colcount={hosts.length + 1} className={styles.table} onKeyDown={onKeyDown} data-testid="readiness-matrix">
        <thead>
          <tr role="row">
            <th role="columnheader" scope="col" className={`${styles.colHead} ${styles.corner}`}>{t('group.test.corner')}</th>
            {hosts.map((h) => (
              <th key={h} role="columnheader" scope="col" className={styles.colHead}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {hosts.map((s, r) => (
            <MatrixRow
              key={s}
              r={r}
              source={s}
              destinations={hosts}
              cells={grid[r] ?? []}
              focusCol={focus.r === r ? focus.c : -1}
              openCol={openRow === r ? openCol : -1}
              onCell={openAt}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
