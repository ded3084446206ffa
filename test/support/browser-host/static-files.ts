/**
 * The built renderer as static files: only files inside the renderer folder (no `..`, no encoded
 * `%2e%2e`, no dot-files, no symlink out of it), each with its content type; `index.html` with the
 * bridge script inserted first in `<head>`.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';

/** The tag that loads `window.airisk` before any of the renderer's own scripts. */
export const BRIDGE_SCRIPT_TAG = '<script src="/__airisk/bridge.js"></script>';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
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
};

/** The content type for a file name (`application/octet-stream` when unknown). */
export function contentTypeFor(fileName: string): string {
  return CONTENT_TYPES[extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/** A file to send, or why not. */
export type StaticLookup =
  | { readonly ok: true; readonly body: Buffer; readonly contentType: string }
  | { readonly ok: false; readonly status: 400 | 404 | 500; readonly message: string };

/**
 * Finds the file for a URL path (the raw path of the request, without query) inside `rootDir`.
 * `/` is `index.html`. Any `.` or `..` segment, before or after percent-decoding, is a 400.
 */
export async function lookUpStaticFile(rootDir: string, urlPath: string): Promise<StaticLookup> {
  const segments: string[] = [];
  for (const raw of urlPath.split('/').slice(1)) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { ok: false, status: 400, message: 'The path is not valid percent-encoding.' };
    }
    if (segment === '.' || segment === '..' || /[/\\\0]/.test(segment) || raw.includes('\\')) {
      return { ok: false, status: 400, message: 'Paths may not leave the renderer folder.' };
    }
    segments.push(segment);
  }
  if (segments.length === 0 || segments.at(-1) === '') segments.splice(-1, 1, 'index.html');
  if (segments.some((segment) => segment === '' || segment.startsWith('.'))) return notFound();

  let root: string;
  let file: string;
  try {
    root = await realpath(rootDir);
    file = await realpath(join(root, ...segments));
    if (!file.startsWith(root + sep) || !(await stat(file)).isFile()) return notFound();
  } catch {
    return notFound();
  }
  let body = await readFile(file);
  if (file === join(root, 'index.html')) {
    const injected = injectBridge(body.toString('utf8'));
    if (injected === undefined) return { ok: false, status: 500, message: 'The renderer\'s index.html has no <head> to put the bridge in.' };
    body = Buffer.from(injected, 'utf8');
  }
  return { ok: true, body, contentType: contentTypeFor(file) };
}

/** `html` with {@link BRIDGE_SCRIPT_TAG} right after the opening `<head>` tag, or undefined without one. */
export function injectBridge(html: string): string | undefined {
  const head = /<head(?:\s[^>]*)?>/i.exec(html);
  if (head === null) return undefined;
  const end = head.index + head[0].length;
  return `${html.slice(0, end)}${BRIDGE_SCRIPT_TAG}${html.slice(end)}`;
}

function notFound(): StaticLookup {
  return { ok: false, status: 404, message: 'Not found.' };
}
