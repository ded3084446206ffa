/**
 * The message of a rejected call, as a person reads it. Bridges reject with plain messages;
 * Electron's `ipcRenderer.invoke` wraps them as "Error invoking remote method 'x': Error: …",
 * which is dropped here so the person sees only the reason.
 */
export function errorText(error: unknown): string {
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const message = raw.replace(/^Error invoking remote method '[^']*': (?:[A-Za-z]*Error: )?/, '').trim();
  return message === '' ? 'Something went wrong. Try again.' : message;
}
