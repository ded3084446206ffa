import { APP_ORIGIN } from './app-origin.ts';

/**
 * Whether the window may download `url`: only a `blob:` URL the window made itself
 * (`blob:app://airisk/<uuid>`), which is how Settings → Export saves a connection file. Anything
 * else — a link to another site, a `data:` URL, a file the page was tricked into fetching — is
 * cancelled before Electron asks where to save it.
 */
export function isWindowExportDownload(url: string): boolean {
  const prefix = `blob:${APP_ORIGIN}/`;
  return url.startsWith(prefix) && /^[0-9a-f-]{36}$/i.test(url.slice(prefix.length));
}
