/** How long the object URL of a download stays valid: long enough for the save dialog to read it. */
const REVOKE_AFTER_MS = 60_000;

/**
 * Saves `text` as a file named `fileName` through the browser's download: a Blob, its object URL,
 * and a detached `<a download>` clicked once. The URL is revoked afterwards. (A download is not a
 * navigation: the page's CSP and the window's navigation guard do not apply to it.)
 */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  // A detached link downloads as well; nothing is added to the page.
  link.click();
  window.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
