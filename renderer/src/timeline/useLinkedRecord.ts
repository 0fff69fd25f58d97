import { useEffect, type RefObject } from 'react';
import { useLocation } from 'react-router';

// Opening a timeline entry lands on the record's tab with `?record=ID`: the row of that record (any
// element of the tab marked `data-record-id`) is scrolled into view, focused and marked `data-linked`
// (the case page outlines it), so the counselor sees which one the entry was. The tabs load their rows
// after they mount, so the row is looked for as the tab's content changes, for a few seconds at most.

const LOOK_FOR_MS = 5_000;

export function useLinkedRecord(container: RefObject<HTMLElement | null>): void {
  const { search, pathname } = useLocation();
  const id = new URLSearchParams(search).get('record');
  useEffect(() => {
    const root = container.current;
    if (!id || !root) return;
    let done = false;
    const find = () => {
      if (done) return;
      const el = root.querySelector<HTMLElement>(`[data-record-id="${CSS.escape(id)}"]`);
      if (!el) return;
      done = true;
      el.setAttribute('data-linked', 'true');
      if (el.tabIndex < 0 && !el.hasAttribute('tabindex')) el.tabIndex = -1;
      el.scrollIntoView({ block: 'center' });
      el.focus({ preventScroll: true });
      observer.disconnect();
    };
    const observer = new MutationObserver(find);
    observer.observe(root, { childList: true, subtree: true });
    find();
    const stop = setTimeout(() => observer.disconnect(), LOOK_FOR_MS);
    return () => {
      done = true;
      observer.disconnect();
      clearTimeout(stop);
      root.querySelector('[data-linked]')?.removeAttribute('data-linked');
    };
  }, [container, id, pathname]);
}
