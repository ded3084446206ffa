import { extname, join, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin.ts';

/** Content types of the files a Vite build emits (anything else is served as bytes). */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** The content type for a file name (`application/octet-stream` when unknown). */
export function appProtocolContentType(fileName: string): string {
  return CONTENT_TYPES[extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/** A file under the renderer folder for a URL path, or the status that refuses it. */
export type RendererFileLookup =
  | { readonly ok: true; readonly filePath: string; readonly contentType: string }
  | { readonly ok: false; readonly status: 400 | 404; readonly reason: string };

/** A file to serve for an `app://airisk/…` request, or the status that refuses it. */
export type AppProtocolLookup = RendererFileLookup;

/**
 * Maps a URL path (`/`, `/assets/index-1.js`, percent-encoded as sent) to a file under
 * `rendererRoot`, without touching the disk. `/` is `index.html`. Refused: `.`/`..` segments before
 * or after percent-decoding, encoded slashes or backslashes, NUL, `:` (drive letters, alternate data
 * streams) (400), and dot-files (404). The result is always inside `rendererRoot` (checked again
 * after joining). Used by the app protocol here and by the browser host in tests.
 */
export function resolveRendererFile(urlPath: string, rendererRoot: string): RendererFileLookup {
  const segments: string[] = [];
  for (const raw of urlPath.split('/').slice(1)) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { ok: false, status: 400, reason: 'The path is not valid percent-encoding.' };
    }
    if (segment === '.' || segment === '..' || /[/\\:\0]/.test(segment) || raw.includes('\\')) {
      return { ok: false, status: 400, reason: 'Paths may not leave the renderer folder.' };
    }
    segments.push(segment);
  }
  if (segments.length === 0 || segments.at(-1) === '') segments.splice(-1, 1, 'index.html');
  if (segments.some((segment) => segment === '' || segment.startsWith('.'))) return { ok: false, status: 404, reason: 'Not found.' };
  const root = resolve(rendererRoot);
  const filePath = join(root, ...segments);
  if (!filePath.startsWith(root + sep)) return { ok: false, status: 400, reason: 'Paths may not leave the renderer folder.' };
  return { ok: true, filePath, contentType: appProtocolContentType(filePath) };
}

/**
 * Maps a request URL of the app scheme to a file under `rendererRoot` (see resolveRendererFile).
 * `app://airisk/` is `index.html`; the query and fragment are ignored; another scheme or host is 404.
 */
export function resolveAppProtocolPath(requestUrl: string, rendererRoot: string): AppProtocolLookup {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400, reason: 'Not a URL.' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname.toLowerCase() !== APP_HOST || url.port !== '' || url.username !== '' || url.password !== '') {
    return { ok: false, status: 404, reason: 'Not an app URL.' };
  }
  return resolveRendererFile(url.pathname, rendererRoot);
}
