/**
 * The one token window: reused while it is open, restored when minimized, created again after it
 * was closed (the tray idles without a renderer). Plain Node over the few `BrowserWindow` calls it
 * needs, so the decisions are tested without Electron.
 */

/** The part of a `BrowserWindow` the slot uses. */
export interface SlotWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
  close(): void;
}

/** The window slot: at most one window, created by `create` when needed. */
export interface WindowSlot<W extends SlotWindow> {
  /** Brings the open window to the front (restoring it when minimized), or creates one. */
  show(): void;
  /** The open window, if any. */
  current(): W | undefined;
  /** Closes the open window, if any. */
  close(): void;
}

/**
 * A slot over `create`, which makes a new window and shows it once it is ready; it calls
 * `onClosed` when the window is gone so the slot forgets it.
 */
export function createWindowSlot<W extends SlotWindow>(create: (onClosed: () => void) => W): WindowSlot<W> {
  let window: W | undefined;
  const current = (): W | undefined => (window !== undefined && !window.isDestroyed() ? window : undefined);
  return {
    show() {
      const existing = current();
      if (existing === undefined) {
        const created: W = create(() => {
          if (window === created) window = undefined;
        });
        window = created;
        return;
      }
      if (existing.isMinimized()) existing.restore();
      existing.show();
      existing.focus();
    },
    current,
    close() {
      current()?.close();
    },
  };
}
