import { clipboard, ClipboardItem } from 'electron';
import type { ClipboardPort } from '../core/clipboard/clipboard-port.ts';
import { secretClipboardEntry } from '../core/clipboard/secret-clipboard-formats.ts';

/**
 * ClipboardPort over Electron 45's asynchronous clipboard. A copy is written in one atomic
 * `clipboard.write` with the text and the platform's "secret, keep out of history" markers; if the
 * OS refuses a raw format, the text alone is written so the copy still works.
 */
export function createElectronClipboard(platform: NodeJS.Platform = process.platform): ClipboardPort {
  return {
    async writeText(text) {
      try {
        await clipboard.write([new ClipboardItem(secretClipboardEntry(text, platform))]);
      } catch {
        await clipboard.writeText(text);
      }
    },
    readText: () => clipboard.readText(),
    async clear() {
      clipboard.clear();
    },
  };
}
