import { useCallback, useLayoutEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type RefObject } from 'react';

/** What the list tells the roving focus about itself. */
export interface RovingFocusOptions {
  /** How many rows there are. */
  readonly count: number;
  /** Rows one page holds (PageUp / PageDown). */
  readonly pageSize: () => number;
  /** Brings row `index` into view (the list may be virtualized). */
  readonly scrollTo: (index: number) => void;
  /** The element holding the rows; each row carries `data-index`. */
  readonly containerRef: RefObject<HTMLElement | null>;
}

/** The roving focus of a list: which row is the tab stop, and the handlers that move it. */
export interface RovingFocus {
  /** The row that takes Tab focus (tabIndex 0); every other row has tabIndex -1. */
  readonly current: number;
  readonly onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  readonly onFocus: (event: FocusEvent<HTMLElement>) => void;
  /** Moves the tab stop to `index` and focuses that row (after removing a row, for instance). */
  readonly focusRow: (index: number) => void;
}

const clamp = (index: number, count: number): number => Math.max(0, Math.min(index, count - 1));

function rowIndexOf(target: EventTarget | null): number | undefined {
  if (!(target instanceof Element)) return undefined;
  const row = target.closest<HTMLElement>('[data-index]');
  return row === null ? undefined : Number(row.dataset['index']);
}

/** Whether keys typed at `target` are text (a field, an editable element): list shortcuts leave them alone. */
export function isTextEntry(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.matches('input, textarea, select'));
}

/**
 * One tab stop for the whole list; ArrowUp / ArrowDown move between rows, Home / End jump to the
 * ends, PageUp / PageDown move a page. Keys typed into a text field are left alone. A row that gets
 * focus by mouse or Tab becomes the tab stop.
 */
export function useRovingFocus(options: RovingFocusOptions): RovingFocus {
  const { count, containerRef } = options;
  const [stored, setCurrent] = useState(0);
  // Bumped by every focus request, so focusing the row that already is the tab stop still renders.
  const [, setFocusRequests] = useState(0);
  const current = count === 0 ? 0 : clamp(stored, count);
  const focusPending = useRef(false);
  const latest = useRef(options);
  latest.current = options;

  const focusRow = useCallback(
    (index: number) => {
      const target = clamp(index, latest.current.count);
      if (target < 0) return;
      focusPending.current = true;
      setCurrent(target);
      setFocusRequests((requests) => requests + 1);
      latest.current.scrollTo(target);
    },
    [],
  );

  useLayoutEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    containerRef.current?.querySelector<HTMLElement>(`[data-index="${current}"]`)?.focus({ preventScroll: true });
  });

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTextEntry(event.target)) return;
      const from = rowIndexOf(event.target);
      if (from === undefined) return;
      const page = Math.max(1, latest.current.pageSize() - 1);
      const moves: Record<string, number> = { ArrowDown: from + 1, ArrowUp: from - 1, Home: 0, End: latest.current.count - 1, PageDown: from + page, PageUp: from - page };
      const to = moves[event.key];
      if (to === undefined) return;
      event.preventDefault();
      focusRow(to);
    },
    [focusRow],
  );

  const onFocus = useCallback((event: FocusEvent<HTMLElement>) => {
    const index = rowIndexOf(event.target);
    if (index !== undefined) setCurrent(index);
  }, []);

  return { current, onKeyDown, onFocus, focusRow };
}
