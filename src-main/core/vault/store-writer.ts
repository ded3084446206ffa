import type { DocumentStorePort } from './document-store-port.ts';
import type { StoreDocument } from './store-document.ts';

/**
 * When the vault's document reaches the disk.
 * - `immediate`: every change is written before the call returns (tests, tools).
 * - `coalesced`: changes apply in memory at once and are written on the next turn of the event
 *   loop, all changes made meanwhile in one write; last-use times wait up to a second. A durable
 *   write costs a few ms of fsync that a sign-in or a copy must not wait for (see `npm run bench`).
 */
export type PersistMode = 'immediate' | 'coalesced';

/** How soon a change must be written, in coalesced mode. */
export type WriteUrgency = 'soon' | 'lazy';

const LAZY_WRITE_DELAY_MS = 1000;

/** Writes store documents according to a {@link PersistMode}; at most one write is pending. */
export class StoreWriter {
  readonly #store: DocumentStorePort;
  readonly #mode: PersistMode;
  readonly #onError: (error: Error) => void;
  #pending: StoreDocument | undefined;
  #timer: { cancel(): void; urgency: WriteUrgency } | undefined;

  constructor(store: DocumentStorePort, mode: PersistMode, onError: (error: Error) => void) {
    this.#store = store;
    this.#mode = mode;
    this.#onError = onError;
  }

  /** Writes `document` now (immediate mode: errors are thrown) or schedules it (coalesced mode). */
  write(document: StoreDocument, urgency: WriteUrgency = 'soon'): void {
    if (this.#mode === 'immediate') {
      this.#store.write(document);
      return;
    }
    this.#pending = document;
    if (this.#timer !== undefined && (this.#timer.urgency === 'soon' || urgency === 'lazy')) return;
    this.#timer?.cancel();
    this.#timer = urgency === 'soon' ? onNextTurn(() => this.flush()) : after(LAZY_WRITE_DELAY_MS, () => this.flush());
  }

  /** Writes the pending document, if any, now. Errors go to `onError`, never thrown. */
  flush(): void {
    this.#timer?.cancel();
    this.#timer = undefined;
    const document = this.#pending;
    this.#pending = undefined;
    if (document === undefined) return;
    try {
      this.#store.write(document);
    } catch (error) {
      this.#onError(error instanceof Error ? error : new Error(String(error)));
    }
  }
}

function onNextTurn(run: () => void): { cancel(): void; urgency: WriteUrgency } {
  const handle = setImmediate(run);
  return { cancel: () => clearImmediate(handle), urgency: 'soon' };
}

function after(delayMs: number, run: () => void): { cancel(): void; urgency: WriteUrgency } {
  const handle = setTimeout(run, delayMs);
  // Last-use times must not keep a finishing process alive; shutdown flushes them.
  handle.unref();
  return { cancel: () => clearTimeout(handle), urgency: 'lazy' };
}
