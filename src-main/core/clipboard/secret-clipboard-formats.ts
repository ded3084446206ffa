/**
 * The clipboard entry for a copied token: the text plus the markers that ask clipboard managers
 * and the OS history to keep it out. Raw OS formats
 * go through Electron's `electron application/osclipboard;format="<name>"` custom format.
 *
 * - Windows: `ExcludeClipboardContentFromMonitorProcessing` (presence is the signal), and
 *   `CanIncludeInClipboardHistory` / `CanUploadToCloudClipboard` as a DWORD 0 (Win+V history and
 *   cloud sync skip it);
 * - macOS: `org.nspasteboard.ConcealedType` (nspasteboard.org convention: managers do not record it);
 * - Linux: `x-kde-passwordManagerHint` = `secret` (Klipper and wl-clip-persist style filters skip it).
 */

/** The custom-format key for a raw OS clipboard format. */
export function osClipboardFormat(name: string): string {
  return `electron application/osclipboard;format="${name}"`;
}

const DWORD_ZERO = new Uint8Array([0, 0, 0, 0]);

/** MIME type → payload for `new ClipboardItem(…)`: a string is written as UTF-8, a Blob as its bytes. */
export function secretClipboardEntry(text: string, platform: NodeJS.Platform): Record<string, string | Blob> {
  const entry: Record<string, string | Blob> = { 'text/plain': text };
  if (platform === 'win32') {
    entry[osClipboardFormat('ExcludeClipboardContentFromMonitorProcessing')] = new Blob([DWORD_ZERO]);
    entry[osClipboardFormat('CanIncludeInClipboardHistory')] = new Blob([DWORD_ZERO]);
    entry[osClipboardFormat('CanUploadToCloudClipboard')] = new Blob([DWORD_ZERO]);
  } else if (platform === 'darwin') {
    entry[osClipboardFormat('org.nspasteboard.ConcealedType')] = '';
  } else {
    entry[osClipboardFormat('x-kde-passwordManagerHint')] = 'secret';
  }
  return entry;
}
