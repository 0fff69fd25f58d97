import type { SystemStyleObject, Theme } from '@mui/system';

// A page that scrolls inside the shell's content area. The shell gives the page a flex column of fixed
// height; inside a scrolling flex column every child may shrink, and a child that clips its own
// overflow (a Card, an Accordion, a table container) has no minimum height, so it was squeezed to a
// few pixels with its buttons hidden (issue 15, item 1). The page's children keep their own height
// and the page scrolls instead.
export const scrollPageSx: SystemStyleObject<Theme> = {
  overflow: 'auto',
  minHeight: 0,
  '& > *': { flexShrink: 0 },
};
