import type { ClipboardPort } from './clipboard-port.ts';

/**
 * A complete in-process clipboard: the browser host's clipboard, and the one tests use.
 * `writeFromOtherApp` stands for another application copying something, which a desktop
 * clipboard shares with us. The text is a private field, so inspecting the object shows nothing.
 */
export class MemoryClipboard implements ClipboardPort {
  #text = '';

  writeText(text: string): Promise<void> {
    this.#text = text;
    return Promise.resolve();
  }

  readText(): Promise<string> {
    return Promise.resolve(this.#text);
  }

  clear(): Promise<void> {
    this.#text = '';
    return Promise.resolve();
  }

  /** Another application puts `text` on the clipboard. */
  writeFromOtherApp(text: string): void {
    this.#text = text;
  }
}
