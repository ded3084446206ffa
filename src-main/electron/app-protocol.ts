import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { appProtocolHeaders } from '../core/window/app-protocol-headers.ts';
import { resolveAppProtocolPath } from '../core/window/app-protocol-path.ts';
import { APP_SCHEME } from '../core/window/app-origin.ts';

/**
 * Declares `app:` a standard, secure scheme (relative URLs, a real origin, fetch and module
 * scripts work; no CSP bypass, no service workers). Must run before `app` is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } }]);
}

/**
 * Serves `app://airisk/…` from `rendererRoot` (dist/renderer) only, through core's path resolver,
 * with the renderer's CSP on every response. GET and HEAD only. Call once `app` is ready.
 */
export function serveRenderer(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed.', { status: 405, headers: { ...appProtocolHeaders('text/plain; charset=utf-8'), Allow: 'GET, HEAD' } });
    }
    const lookup = resolveAppProtocolPath(request.url, rendererRoot);
    if (!lookup.ok) return new Response(lookup.reason, { status: lookup.status, headers: appProtocolHeaders('text/plain; charset=utf-8') });
    let body: Uint8Array;
    try {
      body = new Uint8Array(await readFile(lookup.filePath));
    } catch {
      return new Response('Not found.', { status: 404, headers: appProtocolHeaders('text/plain; charset=utf-8') });
    }
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: appProtocolHeaders(lookup.contentType) });
  });
}
