/**
 * The browser host: the real app service (sign-in core, conf store, AES-GCM cipher, in-memory
 * clipboard) behind the built renderer, served over loopback HTTP so real Chromium can drive the
 * real UI. Dev and test only; never packaged.
 *
 * Protocol (bridge.js is the client):
 * - `GET  /__airisk/bridge.js`       the script that defines `window.airisk`
 * - `POST /__airisk/call/<method>`   `{ "args": [...] }` → `{ "ok": true, "value" }` | `{ "ok": false, "error" }`
 * - `GET  /__airisk/events`          SSE: `state` (AppState JSON), `open-url` (`{"url"}`)
 * - anything else                    a file of the built renderer (`index.html` with the bridge tag)
 * Every request passes the request guard first (Host, Origin; the calls and events also the per-run
 * key in the `X-AIRisk-Host-Key` header, which the page gets from the printed URL's fragment).
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppService } from '../../../src-main/core/app/app-service.ts';
import type { MemoryClipboard } from '../../../src-main/core/clipboard/memory-clipboard.ts';
import type { TimerPort } from '../../../src-main/core/ports/timer-port.ts';
import type { Sandbox } from '../../sandbox/sandbox-server.ts';
import { createNodeApp } from '../node-app.ts';
import { createCallAnswerer, readCallBody, refuse } from './bridge-call.ts';
import type { CallAnswer } from './bridge-call.ts';
import { EventStream } from './event-stream.ts';
import { assertRendererBuilt, DEFAULT_RENDERER_DIR, PROJECT_ROOT } from './renderer-build.ts';
import { BRIDGE_PREFIX, createRequestGuard, pathOf } from './request-guard.ts';
import type { RequestGuard } from './request-guard.ts';
import { connectSandbox, TWO_SANDBOX_NAMES } from '../sandbox-settings.ts';
import { lookUpStaticFile } from './static-files.ts';
import { messageOf } from '../../../src-main/shared/message-of.ts';

/** Options of {@link startBrowserHost}. */
export interface BrowserHostOptions {
  /** Where the store, key file and localhost certificate live (the caller creates and removes it). */
  readonly dataDir: string;
  /** The AIRisk stand-in; used for `configured` (the host does not close it). */
  readonly sandbox: Sandbox;
  /** A second AIRisk stand-in: with `configured`, the two become connections "Sandbox A" and "Sandbox B" (the host does not close it). */
  readonly secondSandbox?: Sandbox;
  /** The built renderer (default `dist/renderer`); must contain `index.html`. */
  readonly rendererDir?: string;
  /** TCP port on 127.0.0.1 (default 0: any free port). */
  readonly port?: number;
  /** How long a sign-in waits for the browser. */
  readonly callbackTimeoutMs?: number;
  /**
   * Enter the sandbox's demo client as a connection up front (default false: first-run setup): one
   * connection "AIRisk", or "Sandbox A" and "Sandbox B" when `secondSandbox` is given.
   */
  readonly configured?: boolean;
  readonly timers?: TimerPort;
  /** Told about every authorization URL the service opens (after it is pushed to the pages). */
  readonly onOpenUrl?: (url: string) => void;
  /** Told about every answered request: method, path without query, status. */
  readonly onRequest?: (entry: { readonly method: string; readonly path: string; readonly status: number }) => void;
}

/** A running browser host. */
export interface BrowserHost {
  /** The URL to open, handing the per-run key to the page in its fragment: `http://127.0.0.1:PORT/#key=…`. */
  readonly url: string;
  /** `http://127.0.0.1:PORT`. */
  readonly origin: string;
  readonly port: number;
  /** The app's clipboard: what `copy` wrote. */
  readonly clipboard: MemoryClipboard;
  /** Every bridge request body, response body and SSE payload, oldest first, each prefixed with what it was. */
  readonly traffic: readonly string[];
  /** Every URL the service asked to open in the browser, oldest first. */
  readonly openedUrls: readonly string[];
  readonly service: AppService;
  /** Closes every connection and shuts the service down (cancels a sign-in, clears our clipboard copy). */
  close(): Promise<void>;
}

/** Common headers of every answer. */
const BASE_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': "frame-ancestors 'none'",
} as const;

const BRIDGE_SCRIPT_URL = new URL('./bridge.js', import.meta.url);

/** Starts the service and the host on 127.0.0.1; rejects with RendererMissingError when the renderer is not built. */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const rendererDir = options.rendererDir ?? DEFAULT_RENDERER_DIR;
  assertRendererBuilt(rendererDir);
  const bridgeScript = await readFile(BRIDGE_SCRIPT_URL);

  const traffic: string[] = [];
  const openedUrls: string[] = [];
  const events = new EventStream();
  const app = await createNodeApp({
    directory: options.dataDir,
    openUrl: async (url) => {
      openedUrls.push(url);
      const payload = JSON.stringify({ url });
      traffic.push(`event open-url ${payload}`);
      events.send('open-url', payload);
      options.onOpenUrl?.(url);
    },
    ...(options.timers === undefined ? {} : { timers: options.timers }),
    ...(options.callbackTimeoutMs === undefined ? {} : { callbackTimeoutMs: options.callbackTimeoutMs }),
    // The same terminal access as the app (off until Settings turns it on), with the CLI `npm run build` bundles.
    terminal: { version: await projectVersion(), cliPath: join(PROJECT_ROOT, 'dist', 'cli', 'airisk-token.cjs') },
  });
  const { service } = app;
  try {
    const second = options.secondSandbox;
    if (options.configured === true && second === undefined) await connectSandbox(service, options.sandbox);
    else if (options.configured === true && second !== undefined) {
      await connectSandbox(service, options.sandbox, TWO_SANDBOX_NAMES[0]);
      await connectSandbox(service, second, TWO_SANDBOX_NAMES[1]);
    }
  } catch (error) {
    await service.shutdown();
    throw error;
  }
  const answerCall = createCallAnswerer(service);
  const unsubscribe = service.onStateChange((state) => {
    const payload = JSON.stringify(state);
    traffic.push(`event state ${payload}`);
    events.send('state', payload);
  });

  const server = createServer();
  const handle = (guard: RequestGuard, req: IncomingMessage, res: ServerResponse): void => {
    if (options.onRequest !== undefined) {
      const entry = { method: req.method ?? '', path: pathOf(req.url) };
      res.once('finish', () => options.onRequest?.({ ...entry, status: res.statusCode }));
    }
    route(guard, req, res).catch((error: unknown) => {
      if (res.headersSent) res.destroy();
      else sendJson(res, refuse(500, `The browser host failed: ${messageOf(error)}`));
    });
  };

  async function route(guard: RequestGuard, req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(BASE_HEADERS)) res.setHeader(name, value);
    const decision = guard.check(req);
    if (decision.kind === 'refuse') return sendText(res, decision.status, decision.message);

    const method = req.method ?? '';
    const path = pathOf(req.url);
    if (path === `${BRIDGE_PREFIX}bridge.js`) {
      if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed(res, 'GET, HEAD');
      return sendBody(res, method, 'text/javascript; charset=utf-8', bridgeScript);
    }
    if (path === `${BRIDGE_PREFIX}events`) {
      if (method !== 'GET') return methodNotAllowed(res, 'GET');
      return events.attach(res);
    }
    if (path.startsWith(`${BRIDGE_PREFIX}call/`)) {
      if (method !== 'POST') return methodNotAllowed(res, 'POST');
      const name = path.slice(`${BRIDGE_PREFIX}call/`.length);
      if (!/^application\/json\s*(?:;|$)/i.test(req.headers['content-type'] ?? '')) {
        return sendJson(res, refuse(415, 'Send the call as Content-Type: application/json.'));
      }
      const body = await readCallBody(req);
      if (body === undefined) return sendJson(res, refuse(413, 'The call body is too large.'));
      traffic.push(`request ${name} ${body}`);
      const answer = await answerCall(name, body);
      traffic.push(`response ${name} ${answer.body}`);
      return sendJson(res, answer);
    }
    if (path.startsWith(BRIDGE_PREFIX)) return sendJson(res, refuse(404, `No bridge endpoint at ${path}.`));

    if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed(res, 'GET, HEAD');
    const file = await lookUpStaticFile(rendererDir, path);
    // Browsers ask for /favicon.ico on their own (Electron never does): no icon is not the renderer's error.
    if (!file.ok && file.status === 404 && path === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    if (!file.ok) return sendText(res, file.status, file.message);
    return sendBody(res, method, file.contentType, file.body);
  }

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: '127.0.0.1', port: options.port ?? 0 }, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    unsubscribe();
    await service.shutdown();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  // The guard needs the port. No request can arrive before this runs: the await above resumes in a microtask.
  const guard = createRequestGuard(port);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => handle(guard, req, res));
  const origin = `http://127.0.0.1:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/#key=${guard.key}`,
    origin,
    port,
    clipboard: app.clipboard,
    traffic,
    openedUrls,
    service,
    close() {
      closing ??= (async () => {
        unsubscribe();
        events.close();
        const closed = new Promise<void>((resolve, reject) => server.close((error) => (error === undefined ? resolve() : reject(error))));
        server.closeAllConnections();
        await closed;
        await service.shutdown();
      })();
      return closing;
    },
  };
}

function sendBody(res: ServerResponse, method: string, contentType: string, body: Buffer): void {
  res.writeHead(200, { 'Content-Type': contentType, 'Content-Length': body.length });
  res.end(method === 'HEAD' ? undefined : body);
}

function sendJson(res: ServerResponse, answer: CallAnswer): void {
  res.writeHead(answer.status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(answer.body) });
  res.end(answer.body);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function methodNotAllowed(res: ServerResponse, allow: string): void {
  res.setHeader('Allow', allow);
  sendText(res, 405, `Allowed methods: ${allow}.`);
}

/** package.json's version, which the access server's `/v1/status` reports. */
async function projectVersion(): Promise<string> {
  const manifest = JSON.parse(await readFile(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof manifest.version === 'string' ? manifest.version : 'unknown';
}
