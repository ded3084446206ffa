import { useCallback, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

/** What {@link useVirtualRows} needs to know about the list. */
export interface VirtualRowsOptions<T> {
  readonly items: readonly T[];
  /** A stable key per item: measured heights follow the item when the list is filtered. */
  readonly keyOf: (item: T) => string;
  /** The height of a row (px) until rows have been measured. */
  readonly rowHeight: number;
  /** Rows of a fixed height (headings), never measured: their height, or undefined for a measured row. */
  readonly fixedHeightOf?: (item: T) => number | undefined;
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

/** The rows to render, the list's full height, and the ways to scroll to and measure rows. */
export interface VirtualRows {
  /** In index order. */
  readonly rows: readonly VirtualRow[];
  /** The first and last row at least partly in view (no overscan); `[0, -1]` when none. */
  readonly visible: readonly [number, number];
  readonly height: number;
  /** Scrolls as little as needed to show row `index` whole. */
  readonly scrollTo: (index: number) => void;
  /** Ref callback for each rendered measured row (which carries its index as `data-row`): keeps its real height. */
  readonly measure: (element: HTMLElement | null) => void;
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

/** The height most of `heights` have (the smaller on a tie), or `fallback` when there are none. */
function commonHeight(heights: readonly number[], fallback: number): number {
  const counts = new Map<number, number>();
  let best = fallback;
  let bestCount = 0;
  for (const height of heights) {
    const count = (counts.get(height) ?? 0) + 1;
    counts.set(height, count);
    if (count > bestCount || (count === bestCount && height < best)) [best, bestCount] = [height, count];
  }
  return best;
}

/**
 * A virtualized list of rows of one height: only the rows in view, `overscan` more on each side,
 * and the `keep` row are rendered, each at its offset. The row height is measured (the height most
 * rendered rows have: it changes with the window's width), starting from `rowHeight`; a row that
 * differs (a message under it, a rename field) keeps its own measured height and moves the rows
 * below it. Rows with a fixed height (`fixedHeightOf`, e.g. group headings) are never measured.
 * Scrolling renders again only when the set of rows in view changes.
 */
export function useVirtualRows<T>({ items, keyOf, rowHeight, fixedHeightOf, overscan, keep, scrollRef }: VirtualRowsOptions<T>): VirtualRows {
  // Rows whose measured height differs from the common one, by key; and the rendered rows.
  const [exceptions] = useState(() => new Map<string, number>());
  const [rendered] = useState(() => new Set<HTMLElement>());
  const common = useRef(rowHeight);
  // Bumped when a height changes (so `starts` is recomputed) or the range in view changes.
  const [measured, setMeasured] = useState(0);
  const [, setMoved] = useState(0);
  // The scroller's position and height, kept current by its scroll and resize events. Until the
  // first resize event, the window's height: the list is never taller, so the first render holds
  // every row that can be in view.
  const view = useRef({ top: 0, height: window.innerHeight });
  // The rows in view at the last render; the rows rendered follow from them.
  const shownInView = useRef<readonly [number, number]>([0, -1]);

  const starts = useMemo(() => {
    const offsets = new Float64Array(items.length + 1);
    const height = common.current;
    let offset = 0;
    items.forEach((item, index) => {
      offset += fixedHeightOf?.(item) ?? (exceptions.size === 0 ? height : (exceptions.get(keyOf(item)) ?? height));
      offsets[index + 1] = offset;
    });
    return offsets;
    // `measured` counts the changes to `exceptions` and `common`; `keyOf` and `fixedHeightOf` are pure functions of the item.
  }, [items, measured, exceptions]);
  const latest = useRef({ items, keyOf, starts });
  latest.current = { items, keyOf, starts };

  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    if (scroller === null) return undefined;
    const update = (): void => {
      view.current = { top: scroller.scrollTop, height: scroller.clientHeight };
      const [first, last] = rowsInView(latest.current.starts, view.current.top, view.current.height);
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

  // One observer for every rendered row; a removed row reports a last (empty) size and is dropped.
  // Any change re-reads the few rendered rows: the common height, then the rows that differ.
  const [rowObserver] = useState(
    () =>
      new ResizeObserver((_, observer) => {
        for (const row of rendered) {
          if (row.isConnected) continue;
          observer.unobserve(row);
          rendered.delete(row);
        }
        const rows = [...rendered].map((row) => ({ item: latest.current.items[Number(row.dataset['row'])], height: row.offsetHeight }));
        const height = commonHeight(
          rows.filter((row) => row.height > 0).map((row) => row.height),
          common.current,
        );
        let changed = height !== common.current;
        common.current = height;
        for (const row of rows) {
          if (row.item === undefined || row.height === 0) continue;
          const key = latest.current.keyOf(row.item);
          const before = exceptions.get(key);
          if (row.height === height) exceptions.delete(key);
          else exceptions.set(key, row.height);
          changed ||= before !== exceptions.get(key);
        }
        if (changed) setMeasured((count) => count + 1);
      }),
  );
  const measure = useCallback(
    (element: HTMLElement | null) => {
      if (element === null) return;
      rendered.add(element);
      rowObserver.observe(element);
    },
    [rowObserver, rendered],
  );

  const scrollTo = useCallback(
    (index: number) => {
      const scroller = scrollRef.current;
      const { starts: offsets } = latest.current;
      const top = offsets[index];
      const bottom = offsets[index + 1];
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
  return { rows, visible, height: starts[count] ?? 0, scrollTo, measure };
}
