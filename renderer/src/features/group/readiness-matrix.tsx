/**
 * The readiness matrix: source rows × destination columns, each cell ready / warnings / blocked
 * with its counts (a symbol and a number, not colour alone). One grid in the ARIA sense: a single
 * tab stop, arrow keys (Home/End, Ctrl+Home/End, PageUp/PageDown) move between cells, Enter or
 * Space opens the pair. 50 hosts are 2,450 pairs: rows and columns are virtualised (only the cells
 * on screen, plus the row and column of the tab stop, are in the DOM), so a first render, a key
 * press and a scroll each stay within a frame or two.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { GroupTestSummary, MatrixCell, Verdict } from '../../../../electron/core/model';
import type { FindingTextTable } from '../../../../electron/core/preflight/finding-texts';
import { localizeTitle } from '../../../../electron/core/preflight/localize-finding';
import { valueFormatFor } from '../../i18n/format';

const CELL_W = 56;
const CELL_H = 32;
const HEAD_H = 32;

const useStyles = makeStyles({
  scroller: { maxHeight: '70vh', maxWidth: '100%', overflow: 'auto', position: 'relative', border: `1px solid ${tokens.colorNeutralStroke2}`, contain: 'strict' },
  headRow: { position: 'sticky', top: 0, zIndex: 2, height: `${HEAD_H}px`, backgroundColor: tokens.colorNeutralBackground3 },
  colHead: {
    position: 'absolute', top: 0, height: `${HEAD_H}px`, width: `${CELL_W}px`, display: 'flex', alignItems: 'center', justifyContent: 'center',
    fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap',
  },
  row: { position: 'absolute', left: 0, height: `${CELL_H}px` },
  rowHead: {
    position: 'sticky', left: 0, zIndex: 1, height: `${CELL_H}px`, display: 'flex', alignItems: 'center', padding: `0 ${tokens.spacingHorizontalS}`,
    boxSizing: 'border-box', backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200,
    overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap',
  },
  corner: { left: 0, zIndex: 3, position: 'sticky', justifyContent: 'flex-start' },
  cell: {
    position: 'absolute', top: 0, width: `${CELL_W}px`, height: `${CELL_H}px`, boxSizing: 'border-box', display: 'flex', alignItems: 'center', justifyContent: 'center',
    cursor: 'pointer', fontSize: tokens.fontSizeBase200, borderRight: `1px solid ${tokens.colorNeutralStroke3}`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
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

/** Labels built once per language, not one `t()` per cell (2,450 interpolations per render). */
interface Labels {
  readonly verdict: Readonly<Record<Verdict, string>>;
  readonly self: string;
  readonly untested: string;
  cell(source: string, destination: string, cell: MatrixCell, verdict: string): string;
  first(cell: MatrixCell): string | undefined;
}

function useLabels(): Labels {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const lang = i18n.language.startsWith('de') ? 'de' : 'en';
    const findings = (i18n.getResourceBundle(lang, 'translation') as { findings?: FindingTextTable } | undefined)?.findings ?? {};
    const format = valueFormatFor(lang);
    const mark = (k: string) => `\u0001${k}\u0002`;
    const template = t('group.test.cellLabel', { source: mark('source'), destination: mark('destination'), verdict: mark('verdict'), fail: mark('fail'), warn: mark('warn') });
    return {
      verdict: { ready: t('group.verdict.ready'), warnings: t('group.verdict.warnings'), blocked: t('group.verdict.blocked') },
      self: t('group.test.self'),
      untested: t('group.test.untested'),
      cell: (source, destination, cell, verdict) =>
        template
          .replace(mark('source'), source)
          .replace(mark('destination'), destination)
          .replace(mark('verdict'), verdict)
          .replace(mark('fail'), String(cell.counts.fail))
          .replace(mark('warn'), String(cell.counts.warn)),
      // The first blocker in the window's language (the cell carries the engine's English too).
      first: (cell) => (cell.first ? localizeTitle(findings, cell.first, format) : undefined),
    };
    // i18n.language: the labels follow a language switch.
  }, [t, i18n.language]);
}

interface RowProps {
  readonly r: number;
  readonly top: number;
  readonly width: number;
  readonly headWidth: number;
  readonly source: string;
  readonly hosts: readonly string[];
  readonly cells: readonly (MatrixCell | undefined)[];
  /** The visible columns: index and left offset. */
  readonly columns: readonly { readonly index: number; readonly start: number }[];
  /** The column holding the tab stop in this row, or -1. */
  readonly focusCol: number;
  /** The open cell's column in this row, or -1. */
  readonly openCol: number;
  readonly labels: Labels;
}

const MatrixRow = memo(function MatrixRow(props: RowProps) {
  const styles = useStyles();
  const { labels, source } = props;
  return (
    <div role="row" aria-rowindex={props.r + 2} className={styles.row} style={{ top: props.top, width: props.width }}>
      <div role="rowheader" aria-colindex={1} className={styles.rowHead} style={{ width: props.headWidth }} title={source}>{source}</div>
      {props.columns.map(({ index: c, start }) => {
        const destination = props.hosts[c] ?? '';
        const cell = props.cells[c];
        const common = {
          role: 'gridcell',
          'aria-colindex': c + 2,
          tabIndex: props.focusCol === c ? 0 : -1,
          'data-r': props.r,
          'data-c': c,
          'data-testid': `matrix-cell-${source}-${destination}`,
          style: { left: props.headWidth + start },
        } as const;
        if (c === props.r) return <div key={c} {...common} className={`${styles.cell} ${styles.self}`} aria-label={labels.self}>—</div>;
        if (!cell) {
          return <div key={c} {...common} className={`${styles.cell} ${styles.untested}`} aria-label={`${source} → ${destination}: ${labels.untested}`} data-verdict="untested">·</div>;
        }
        const count = cell.verdict === 'blocked' ? cell.counts.fail : cell.verdict === 'warnings' ? cell.counts.warn : null;
        return (
          <div
            key={c}
            {...common}
            className={`${styles.cell} ${styles[cell.verdict]} ${props.openCol === c ? styles.open : ''}`}
            aria-label={labels.cell(source, destination, cell, labels.verdict[cell.verdict])}
            aria-selected={props.openCol === c}
            data-verdict={cell.verdict}
            title={labels.first(cell)}
          >
            {SYMBOL[cell.verdict]}
            {count !== null ? ` ${count}` : ''}
          </div>
        );
      })}
    </div>
  );
});

export interface ReadinessMatrixProps {
  readonly summary: GroupTestSummary;
  readonly open: { readonly source: string; readonly destination: string } | null;
  readonly onOpen: (source: string, destination: string) => void;
}

/** The virtualiser's range plus one index that must stay mounted (the tab stop). */
const keeping = (index: number) => (range: Range) => {
  const out = defaultRangeExtractor(range);
  return out.includes(index) ? out : [...out, index].sort((a, b) => a - b);
};

export function ReadinessMatrix({ summary, open, onOpen }: ReadinessMatrixProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const labels = useLabels();
  const hosts = useMemo(() => summary.hosts.map((h) => h.computerName), [summary]);
  const grid = useMemo(() => {
    const byPair = new Map(summary.cells.map((c) => [`${c.source.toUpperCase()}>${c.destination.toUpperCase()}`, c]));
    return hosts.map((s) => hosts.map((d) => byPair.get(`${s.toUpperCase()}>${d.toUpperCase()}`)));
  }, [summary, hosts]);
  const [focus, setFocus] = useState<Pos>({ r: 0, c: hosts.length > 1 ? 1 : 0 });
  const scroller = useRef<HTMLDivElement>(null);
  const moved = useRef(false);
  // The row header is as wide as the longest name needs (about 8 px a character), within limits.
  const headWidth = Math.min(200, Math.max(96, 16 + 8 * Math.max(0, ...hosts.map((h) => h.length))));

  // A first guess of the viewport, so the first commit already holds the cells (no empty frame).
  const initialRect = useMemo(() => (typeof window === 'undefined' ? { width: 1200, height: 600 } : { width: window.innerWidth, height: 0.7 * window.innerHeight }), []);
  const common = { count: hosts.length, getScrollElement: () => scroller.current, overscan: 2, initialRect } as const;
  const rows = useVirtualizer({ ...common, estimateSize: () => CELL_H, scrollPaddingStart: HEAD_H, rangeExtractor: useMemo(() => keeping(focus.r), [focus.r]) });
  const columns = useVirtualizer({ ...common, horizontal: true, estimateSize: () => CELL_W, scrollPaddingStart: headWidth, rangeExtractor: useMemo(() => keeping(focus.c), [focus.c]) });
  // The virtualiser returns the same items while its range holds, so the rows' memo holds too.
  const columnItems = columns.getVirtualItems();
  const visibleColumns = useMemo(() => columnItems.map((v) => ({ index: v.index, start: v.start })), [columnItems]);
  const width = headWidth + columns.getTotalSize();

  // Move the DOM focus only after a key press inside the grid, never on first render.
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    rows.scrollToIndex(focus.r);
    columns.scrollToIndex(focus.c);
    scroller.current?.querySelector<HTMLElement>(`[data-r="${focus.r}"][data-c="${focus.c}"]`)?.focus({ preventScroll: true });
  }, [focus, rows, columns]);

  // The parent's callback may be a new function each render; the rows must not re-render for it.
  const onOpenRef = useRef(onOpen);
  onOpenRef.current = onOpen;
  const openAt = useCallback(
    (r: number, c: number) => {
      setFocus({ r, c });
      const source = hosts[r];
      const destination = hosts[c];
      if (source !== undefined && destination !== undefined && grid[r]?.[c]) onOpenRef.current(source, destination);
    },
    [hosts, grid],
  );

  // One click handler for the grid (2,450 cells need no closure each): the cell says where it is.
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const el = (e.target as HTMLElement).closest<HTMLElement>('[data-r][data-c]');
    if (el) openAt(Number(el.dataset['r']), Number(el.dataset['c']));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const last = hosts.length - 1;
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 320) / CELL_H) - 1);
    let next: Pos | null = null;
    switch (e.key) {
      case 'ArrowRight': next = { r: focus.r, c: Math.min(last, focus.c + 1) }; break;
      case 'ArrowLeft': next = { r: focus.r, c: Math.max(0, focus.c - 1) }; break;
      case 'ArrowDown': next = { r: Math.min(last, focus.r + 1), c: focus.c }; break;
      case 'ArrowUp': next = { r: Math.max(0, focus.r - 1), c: focus.c }; break;
      case 'PageDown': next = { r: Math.min(last, focus.r + page), c: focus.c }; break;
      case 'PageUp': next = { r: Math.max(0, focus.r - page), c: focus.c }; break;
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
  const height = HEAD_H + rows.getTotalSize();

  return (
    <div
      ref={scroller}
      role="grid"
      aria-label={t('group.test.matrix')}
      aria-rowcount={hosts.length + 1}
      aria-colcount={hosts.length + 1}
      className={styles.scroller}
      style={{ height: Math.min(height + 2, 0.7 * (typeof window === 'undefined' ? 900 : window.innerHeight)) }}
      onKeyDown={onKeyDown}
      onClick={onClick}
      data-testid="readiness-matrix"
    >
      <div style={{ position: 'relative', width, height }} data-testid="matrix-canvas">
        <div role="row" aria-rowindex={1} className={styles.headRow} style={{ width }}>
          <div role="columnheader" aria-colindex={1} className={`${styles.rowHead} ${styles.corner}`} style={{ width: headWidth, height: HEAD_H }}>{t('group.test.corner')}</div>
          {visibleColumns.map(({ index, start }) => (
            <div key={index} role="columnheader" aria-colindex={index + 2} className={styles.colHead} style={{ left: headWidth + start }} title={hosts[index]}>{hosts[index]}</div>
          ))}
        </div>
        {rows.getVirtualItems().map((v) => (
          <MatrixRow
            key={v.index}
            r={v.index}
            top={HEAD_H + v.start}
            width={width}
            headWidth={headWidth}
            source={hosts[v.index] ?? ''}
            hosts={hosts}
            cells={grid[v.index] ?? []}
            columns={visibleColumns}
            focusCol={focus.r === v.index ? focus.c : -1}
            openCol={openRow === v.index ? openCol : -1}
            labels={labels}
          />
        ))}
      </div>
    </div>
  );
}
