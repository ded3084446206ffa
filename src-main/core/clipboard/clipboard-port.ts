/**
 * The system clipboard as the core sees it: plain text only, asynchronous like Electron 45's
 * `clipboard`. The Electron shell implements it over `clipboard`; the browser host and tests use
 * `MemoryClipboard`.
 */
export interface ClipboardPort {
  /** Replaces the clipboard's content with `text`. */
  writeText(text: string): Promise<void>;
  /** The clipboard's current plain text ('' when it holds none). */
  readText(): Promise<string>;
  /** Empties the clipboard. */
  clear(): Promise<void>;
}
