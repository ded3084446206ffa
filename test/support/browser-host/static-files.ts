/**
 * The built renderer as static files: only files inside the renderer folder (no `..`, no encoded
 * `%2e%2e`, no dot-files, no symlink out of it), each with its content type; `index.html` with the
 * bridge script inserted first in `<head>`.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { resolveRendererFile } from '../../../src-main/core/window/app-protocol-path.ts';

/** The tag that loads `window.airisk` before any of the renderer's own scripts. */
export const BRIDGE_SCRIPT_TAG = '<script defer src="/__airisk/bridge.js"></script>';

/** A file to send, or why not. */
export type StaticLookup =
  | { readonly ok: true; readonly body: Buffer; readonly contentType: string }
  | { readonly ok: false; readonly status: 400 | 404 | 500; readonly message: string };

/**
 * Finds the file for a URL path (the raw path of the request, without query) inside `rootDir`.
 * `/` is `index.html`. Any `.` or `..` segment, before or after percent-decoding, is a 400.
 */
export async function lookUpStaticFile(rootDir: string, urlPath: string): Promise<StaticLookup> {
  // The same path rules as the app:// protocol in Electron; a symlink out of the folder is refused too.
  const lookup = resolveRendererFile(urlPath, rootDir);
  if (!lookup.ok) return { ok: false, status: lookup.status, message: lookup.reason };
  let root: string;
  let file: string;
  try {
    root = await realpath(rootDir);
    file = await realpath(lookup.filePath);
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
  return { ok: true, body, contentType: lookup.contentType };
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
