import { Box, Paper, Skeleton, Typography } from '@mui/material';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

// The virtualised list every long list uses (jobseekers, employers, openings, referrals, audit): a
// header row and only the rows in view. It is an ARIA grid with one tab stop (issue 15: a 5,000-row
// list was 5,000 Tab stops): the active row holds tabindex 0, the arrow keys, Page Up/Down and
// Home/End move it with a visible focus ring, Enter or a click opens it. The active row is always
// rendered, even scrolled out of view, so Tab returns to it and its focus is never lost.

export interface VirtualTableProps<T> {
  /** CSS grid template of the columns, shared by the header and every row. */
  columns: string;
  headers: ReactNode[];
  /** aria-sort of each header, for sortable tables. */
  headerSort?: Array<'ascending' | 'descending' | undefined>;
  count: number;
  /** The row at an index, or undefined while its page is loading (a placeholder is shown). */
  rowAt: (index: number) => T | undefined;
  /** Kept for callers; rows are keyed by position (see the row's key). */
  rowKey?: (row: T) => string;
  /** The row's cells: each a `role="gridcell"` element. */
  renderCells: (row: T) => ReactNode;
  onOpen: (row: T) => void;
  rowTestId: string;
  /** Shown instead of rows when there are none. */
  empty?: ReactNode;
  rowHeight?: number;
  /** Cut long cell text with an ellipsis instead of wrapping. */
  ellipsis?: boolean;
  scrollTestId?: string;
  /** The grid's accessible name (the page's heading, usually). */
  label?: string;
}

/** A grid template whose flexible tracks ignore their content's width: `1.2fr` → `minmax(0, 1.2fr)`. */
export function sameEveryRow(columns: string): string {
  return columns.replace(/(^|\s)(\d*\.?\d+fr)(?=\s|$)/g, '$1minmax(0, $2)');
}

export function VirtualTable<T>(p: VirtualTableProps<T>) {
  const rowHeight = p.rowHeight ?? 48;
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowRefs = useRef(new Map<number, HTMLElement>());
  const [activeState, setActive] = useState(0);
  // A new search may leave fewer rows than the active index: the last row becomes active.
  const active = Math.max(0, Math.min(activeState, p.count - 1));
  const focusPending = useRef(false);
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (p.count === 0 || indexes.includes(active)) return indexes;
      return [...indexes, active].sort((a, b) => a - b);
    },
    [active, p.count],
  );
  const virtualizer = useVirtualizer({
    count: p.count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    rangeExtractor,
  });

  // Focus follows the active row once it is rendered (after a key press scrolled it into view).
  useLayoutEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    rowRefs.current.get(active)?.focus({ preventScroll: true });
  }, [active]);

  function moveTo(index: number) {
    if (p.count === 0) return;
    const next = Math.max(0, Math.min(index, p.count - 1));
    virtualizer.scrollToIndex(next, { align: 'auto' });
    if (next === active) rowRefs.current.get(active)?.focus({ preventScroll: true });
    else {
      focusPending.current = true;
      setActive(next);
    }
  }

  function onKeyDown(e: KeyboardEvent) {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight) / rowHeight) - 1);
    const to: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + page,
      PageUp: active - page,
      Home: 0,
      End: p.count - 1,
    };
    const target = to[e.key];
    if (target !== undefined) {
      e.preventDefault();
      moveTo(target);
    } else if (e.key === 'Enter' || e.key === ' ') {
      const row = p.rowAt(active);
      if (row) {
        e.preventDefault();
        p.onOpen(row);
      }
    }
  }

  // Every row is its own CSS grid, so a cell may never widen its column: with `min-width: 0` the
  // `fr` columns ignore their content's width and stay aligned with the header on every row (issue 15:
  // long English place names pushed the columns of their row out of line).
  const grid = {
    display: 'grid',
    gridTemplateColumns: sameEveryRow(p.columns),
    px: 2,
    '& > *': { minWidth: 0, overflowWrap: 'anywhere' },
  } as const;
  return (
    <Paper
      variant="outlined"
      sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}
      role="grid"
      aria-label={p.label}
      aria-rowcount={p.count + 1}
      aria-colcount={p.headers.length}
    >
      <Box role="rowgroup">
        <Box
          role="row"
          aria-rowindex={1}
          sx={{
            ...grid,
            py: 1,
            borderBottom: 1,
            borderColor: 'divider',
            bgcolor: 'grey.50',
            fontWeight: 700,
            fontSize: 14,
          }}
        >
          {p.headers.map((h, i) => (
            <Box role="columnheader" key={i} aria-sort={p.headerSort?.[i]}>
              {h}
            </Box>
          ))}
        </Box>
      </Box>
      <Box
        ref={scrollRef}
        // A rowgroup only while it holds rows: an empty one breaks the grid's required structure.
        role={p.count > 0 ? 'rowgroup' : undefined}
        sx={{ flex: 1, overflow: 'auto' }}
        data-testid={p.scrollTestId}
        onKeyDown={onKeyDown}
      >
        {p.count === 0 && p.empty && (
          <Typography sx={{ p: 3 }} color="text.secondary">
            {p.empty}
          </Typography>
        )}
        <Box sx={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = p.rowAt(item.index);
            const isActive = item.index === active;
            return (
              <Box
                // Keyed by position, not by record: a row whose page arrives keeps its element, so
                // the focus on it survives the placeholder turning into the row.
                key={item.key}
                ref={(el: HTMLElement | null) => {
                  if (el) rowRefs.current.set(item.index, el);
                  else if (rowRefs.current.get(item.index)?.isConnected === false)
                    rowRefs.current.delete(item.index);
                }}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={isActive}
                tabIndex={isActive ? 0 : -1}
                data-testid={row ? p.rowTestId : undefined}
                data-id={row && p.rowKey ? p.rowKey(row) : undefined}
                data-active={isActive || undefined}
                onClick={() => {
                  setActive(item.index);
                  if (row) p.onOpen(row);
                }}
                onFocus={() => {
                  if (!isActive) setActive(item.index);
                }}
                // The row's place is a plain style: in `sx` every position was a new CSS class that
                // emotion built and inserted for each row at each render (issue 15: a search repaints
                // every visible row), while the rest of the row's style is one class for all rows.
                style={{ transform: `translateY(${item.start}px)` }}
                sx={{
                  ...grid,
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: rowHeight,
                  alignItems: 'center',
                  borderBottom: 1,
                  borderColor: 'divider',
                  cursor: 'pointer',
                  '&:hover': { bgcolor: 'action.hover' },
                  // A ring that reads at a glance (3 px, primary, inside the row so no neighbour hides it).
                  '&:focus-visible': {
                    outline: '3px solid',
                    outlineColor: 'primary.main',
                    outlineOffset: '-3px',
                    bgcolor: 'action.selected',
                  },
                  ...(p.ellipsis
                    ? {
                        '& > *': {
                          minWidth: 0,
                          overflow: 'hidden',
                          textOverflow: 'ellipsis',
                          whiteSpace: 'nowrap',
                          pr: 1,
                        },
                      }
                    : {}),
                }}
              >
                {row ? p.renderCells(row) : <Skeleton role="gridcell" sx={{ gridColumn: '1 / -1' }} />}
              </Box>
            );
          })}
        </Box>
      </Box>
    </Paper>
  );
}
