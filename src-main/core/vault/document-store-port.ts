import type { StoreDocument } from './store-document.ts';

/**
 * Where the vault keeps its one JSON document. Node uses `conf` (conf-document-store.ts); the
 * Electron shell uses `electron-store` with the same options and the same file. Both write atomically.
 */
export interface DocumentStorePort {
  /** The store file, for messages and diagnostics. */
  readonly path: string;
  /** What the file holds (unvalidated) — as read at open or last written by this process —, or undefined when there is none. */
  read(): unknown;
  /** Replaces the whole file with `document`. Throws when it cannot be written. */
  write(document: StoreDocument): void;
  /**
   * The same write with the file I/O (and its fsync) off the event loop; only serialising stays on
   * it. Optional: a store without it is written with `write`.
   */
  writeInBackground?(document: StoreDocument): Promise<void>;
}
