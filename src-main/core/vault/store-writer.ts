import type { DocumentStorePort } from './document-store-port.ts';
import type { StoreDocument } from './store-document.ts';

/**
 * When the vault's document reaches the disk.
 * - `immediate`: every change is written before the call returns (tests, tools).
 * - `coalesced`: changes apply in memory at once and are written on the next turn of the event
 *   loop — in the background when the store can, all changes made meanwhile in one write; last-use
 *   times wait up to a second. A durable write costs milliseconds of fsync that a sign-in or a copy
 *   must not wait for, and the event loop must not stall on (see `npm run bench`).
 */
export type PersistMode = 'immediate' | 'coalesced';

/** How soon a change must be written, in coalesced mode. */
export type WriteUrgency = 'soon' | 'lazy';

const LAZY_WRITE_DELAY_MS = 1000;

/** Writes store documents according to a {@link PersistMode}: one write at a time, the newest document last. */
export class StoreWriter {
  readonly #store: DocumentStorePort;
  readonly #mode: PersistMode;
  readonly #onError: (error: Error) => void;
  /** The newest document not yet handed to a write. */
  #pending: StoreDocument | undefined;
  #timer: { cancel(): void; urgency: WriteUrgency } | undefined;
  /** The background write under way; a newer document waits for it so writes land in order. */
  #inFlight: Promise<void> | undefined;

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
    this.#schedule(urgency);
  }

  /** Resolves once every change made so far is on disk (or has failed and been reported). */
  async flush(): Promise<void> {
    this.#timer?.cancel();
    this.#timer = undefined;
    while (this.#inFlight !== undefined || this.#pending !== undefined) {
      if (this.#inFlight !== undefined) await this.#inFlight;
      else this.#startWrite();
    }
  }

  #schedule(urgency: WriteUrgency): void {
    if (this.#timer !== undefined && (this.#timer.urgency === 'soon' || urgency === 'lazy')) return;
    this.#timer?.cancel();
    this.#timer = urgency === 'soon' ? onNextTurn(() => this.#fire()) : after(LAZY_WRITE_DELAY_MS, () => this.#fire());
  }

  #fire(): void {
    this.#timer = undefined;
    // A write under way picks up the pending document when it ends.
    if (this.#inFlight === undefined) this.#startWrite();
  }

  #startWrite(): void {
    const document = this.#pending;
    this.#pending = undefined;
    if (document === undefined) return;
    const writeInBackground = this.#store.writeInBackground?.bind(this.#store);
    if (writeInBackground === undefined) {
      try {
        this.#store.write(document);
      } catch (error) {
        this.#report(error);
      }
      return;
    }
    this.#inFlight = writeInBackground(document)
      .catch((error: unknown) => this.#report(error))
      .finally(() => {
        this.#inFlight = undefined;
        if (this.#pending !== undefined && this.#timer === undefined) this.#schedule('soon');
      });
  }

  #report(error: unknown): void {
    this.#onError(error instanceof Error ? error : new Error(String(error)));
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
