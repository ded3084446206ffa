import { useCallback, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

/** What {@link useVirtualRows} needs to know about the list. */
export interface VirtualRowsOptions<T> {
  readonly items: readonly T[];
  /** Each row's fixed height in px (the CSS gives rows exactly this height: nothing is measured). */
  readonly heightOf: (item: T) => number;
  /** Rows rendered beyond each edge of the visible part. */
  readonly overscan: number;
  /** A row rendered wherever it is (the list's tab stop, so keyboard focus never leaves the page). */
  readonly keep: number;
  /** The element that scrolls. */
  readonly scrollRef: RefObject<HTMLElement | null>;
}

/** One rendered row: which item, and its offset from the top of the list (px). */
export interface VirtualRow {
  readonly index: number;
  readonly top: number;
}

/** The rows to render, the list's full height, and the way to scroll to a row. */
export interface VirtualRows {
  /** In index order. */
  readonly rows: readonly VirtualRow[];
  /** The first and last row at least partly in view (no overscan); `[0, -1]` when none. */
  readonly visible: readonly [number, number];
  readonly height: number;
  /** Scrolls as little as needed to show row `index` whole. */
  readonly scrollTo: (index: number) => void;
}

/** The row at `offset`: the last one whose top is at or above it. `starts` has count + 1 entries, ascending. */
function rowAt(starts: Float64Array, offset: number): number {
  let low = 0;
  let high = starts.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return Math.max(0, low);
}

/** The first and last row at least partly in view for a scroll position and height; `[0, -1]` for none. */
function rowsInView(starts: Float64Array, top: number, height: number): readonly [number, number] {
  return [rowAt(starts, top), Math.min(starts.length - 2, rowAt(starts, top + height))];
}

/**
 * A virtualized list of rows of fixed heights: only the rows in view, `overscan` more on each side,
 * and the `keep` row are rendered, each at its offset. Scrolling renders again only when the set of
 * rows in view changes.
 */
export function useVirtualRows<T>({ items, heightOf, overscan, keep, scrollRef }: VirtualRowsOptions<T>): VirtualRows {
  const [, setMoved] = useState(0);
  // The scroller's position and height, kept current by its scroll and resize events. Until the
  // first resize event, the window's height: the list is never taller, so the first render holds
  // every row that can be in view.
  const view = useRef({ top: 0, height: window.innerHeight });
  // The rows in view at the last render; the rows rendered follow from them.
  const shownInView = useRef<readonly [number, number]>([0, -1]);

  const starts = useMemo(() => {
    const offsets = new Float64Array(items.length + 1);
    items.forEach((item, index) => {
      offsets[index + 1] = (offsets[index] ?? 0) + heightOf(item);
    });
    return offsets;
    // `heightOf` is a pure function of the item.
  }, [items]);
  const latest = useRef(starts);
  latest.current = starts;

  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    if (scroller === null) return undefined;
    const update = (): void => {
      view.current = { top: scroller.scrollTop, height: scroller.clientHeight };
      const [first, last] = rowsInView(latest.current, view.current.top, view.current.height);
      if (first !== shownInView.current[0] || last !== shownInView.current[1]) setMoved((moves) => moves + 1);
    };
    // No update() here: reading the scroller's size now would force a layout of the list just
    // committed (~10 ms at first paint). The resize observer reports it after the browser's own
    // layout, before the first paint.

    // Rendered within the scroll event, before the frame paints: rows coming into view show at once,
    // and with their countdowns current (see useTickText's `live`).
    const onScroll = (): void => flushSync(update);
    scroller.addEventListener('scroll', onScroll, { passive: true });
    const resize = new ResizeObserver(update);
    resize.observe(scroller);
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      resize.disconnect();
    };
  }, [scrollRef]);

  const scrollTo = useCallback(
    (index: number) => {
      const scroller = scrollRef.current;
      const top = latest.current[index];
      const bottom = latest.current[index + 1];
      if (scroller === null || top === undefined || bottom === undefined) return;
      if (top < scroller.scrollTop) scroller.scrollTop = top;
      else if (bottom > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = bottom - scroller.clientHeight;
    },
    [scrollRef],
  );

  const count = items.length;
  const visible = rowsInView(starts, view.current.top, view.current.height);
  const range = [Math.max(0, visible[0] - overscan), Math.min(count - 1, visible[1] + overscan)] as const;
  shownInView.current = visible;
  const rows: VirtualRow[] = [];
  const push = (index: number): number => rows.push({ index, top: starts[index] ?? 0 });
  if (keep >= 0 && keep < range[0]) push(keep);
  for (let index = range[0]; index <= range[1]; index++) push(index);
  if (keep > range[1] && keep < count) push(keep);
  return { rows, visible, height: starts[count] ?? 0, scrollTo };
}
