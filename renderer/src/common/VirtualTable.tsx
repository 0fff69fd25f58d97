import { Box, Paper, Skeleton, Typography } from '@mui/material';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';

// The virtualised table every long list uses (jobseekers, employers, openings, referrals): a header
// row and only the rows in view, each a keyboard-reachable row that opens on click or Enter.

export interface VirtualTableProps<T> {
  /** CSS grid template of the columns, shared by the header and every row. */
  columns: string;
  headers: ReactNode[];
  /** aria-sort of each header, for sortable tables. */
  headerSort?: Array<'ascending' | 'descending' | undefined>;
  count: number;
  /** The row at an index, or undefined while its page is loading (a placeholder is shown). */
  rowAt: (index: number) => T | undefined;
  rowKey: (row: T) => string;
  renderCells: (row: T) => ReactNode;
  onOpen: (row: T) => void;
  rowTestId: string;
  /** Shown instead of rows when there are none. */
  empty?: ReactNode;
  rowHeight?: number;
  /** Cut long cell text with an ellipsis instead of wrapping. */
  ellipsis?: boolean;
  scrollTestId?: string;
}

/** A grid template whose flexible tracks ignore their content's width: `1.2fr` → `minmax(0, 1.2fr)`. */
export function sameEveryRow(columns: string): string {
  return columns.replace(/(^|\s)(\d*\.?\d+fr)(?=\s|$)/g, '$1minmax(0, $2)');
}

export function VirtualTable<T>(p: VirtualTableProps<T>) {
  const rowHeight = p.rowHeight ?? 48;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: p.count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
  });
  // The header and every row are separate grids: a flexible track (`1fr`) would grow to fit its own
  // row's longest word, so columns drifted from row to row (English region and occupation names:
  // issue 15). As `minmax(0, 1fr)` every grid resolves the same widths whatever it holds, and a cell
  // wraps or cuts its text inside its column.
  const grid = {
    display: 'grid',
    gridTemplateColumns: sameEveryRow(p.columns),
    px: 2,
    '& > *': { minWidth: 0 },
  } as const;
  return (
    <Paper
      variant="outlined"
      sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}
      role="table"
      aria-rowcount={p.count}
    >
      <Box
        role="row"
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
      <Box ref={scrollRef} sx={{ flex: 1, overflow: 'auto' }} data-testid={p.scrollTestId}>
        {p.count === 0 && p.empty && (
          <Typography sx={{ p: 3 }} color="text.secondary">
            {p.empty}
          </Typography>
        )}
        <Box sx={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = p.rowAt(item.index);
            return (
              <Box
                key={row ? p.rowKey(row) : `loading-${item.index}`}
                role="row"
                aria-rowindex={item.index + 2}
                tabIndex={row ? 0 : -1}
                data-testid={row ? p.rowTestId : undefined}
                onClick={() => row && p.onOpen(row)}
                onKeyDown={(e) => {
                  if (row && e.key === 'Enter') p.onOpen(row);
                }}
                sx={{
                  ...grid,
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: rowHeight,
                  transform: `translateY(${item.start}px)`,
                  alignItems: 'center',
                  borderBottom: 1,
                  borderColor: 'divider',
                  cursor: 'pointer',
                  // A cell's text stays on one line of its column: a fixed-height row has no room
                  // for a second ("Chungcheong/nam-do" broke inside the word).
                  '& > [role=cell]': { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
                  '&:hover, &:focus-visible': { bgcolor: 'action.hover', outline: 'none' },
                  ...(p.ellipsis
                    ? {
                        '& > *': {
                          overflow: 'hidden',
                          textOverflow: 'ellipsis',
                          whiteSpace: 'nowrap',
                          pr: 1,
                        },
                      }
                    : {}),
                }}
              >
                {row ? p.renderCells(row) : <Skeleton sx={{ gridColumn: '1 / -1' }} />}
              </Box>
            );
          })}
        </Box>
      </Box>
    </Paper>
  );
}
