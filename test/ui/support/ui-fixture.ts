/**
 * One UI test's world: a fresh AIRisk sandbox, a temporary data folder, the browser host with the
 * built renderer (or a given one), headless Debian Chromium, and a page on the host's URL.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page, ViewportSize } from 'playwright';
import type { AiriskApi, AppState } from '../../../src-main/contract.ts';
import { startSandbox } from '../../sandbox/sandbox-server.ts';
import type { Sandbox } from '../../sandbox/sandbox-server.ts';
import { startBrowserHost } from '../../support/browser-host/browser-host.ts';
import type { BrowserHost } from '../../support/browser-host/browser-host.ts';
import { launchChromium } from './chromium.ts';

export { approveInNewTab } from './approve-in-new-tab.ts';
export type { ApproveOptions } from './approve-in-new-tab.ts';

/**
 * The page's global object as far as tests use it, for `page.evaluate`:
 * `page.evaluate(() => (globalThis as unknown as AiriskGlobal).airisk.getState())`.
 */
export interface AiriskGlobal {
  readonly airisk: AiriskApi;
}

/** The app state as the page's bridge reads it now. */
export async function appState(page: Page): Promise<AppState> {
  return page.evaluate(() => (globalThis as unknown as AiriskGlobal).airisk.getState());
}

/** Options of {@link startUiSession}. */
export interface UiSessionOptions {
  /** Lifetime of the sandbox's access tokens (default 3600). */
  readonly tokenLifetimeSeconds?: number;
  /** Pre-fill Settings with the sandbox's demo client (default false: first-run setup). */
  readonly configured?: boolean;
  /**
   * How many sandboxes to start, each on its own port (default 1). With 2 and `configured`, they are
   * the connections "Sandbox A" (`sandbox`) and "Sandbox B" (`secondSandbox`).
   */
  readonly connections?: 1 | 2;
  readonly colorScheme?: 'light' | 'dark';
  readonly viewport?: ViewportSize;
  /** The renderer to serve (default the build in `dist/renderer`). */
  readonly rendererDir?: string;
  /** How long a sign-in waits for the browser. */
  readonly callbackTimeoutMs?: number;
  /** Fills the data folder (a store with accounts, say) before the host opens it; `sandbox` is the one the host configures ("Sandbox A" with two, when `secondSandbox` is "Sandbox B"). */
  readonly prepareDataDir?: (dataDir: string, sandbox: Sandbox, secondSandbox: Sandbox | undefined) => Promise<void>;
}

/** A running UI session; `close` ends every part of it. */
export interface UiSession {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly browser: Browser;
  readonly host: BrowserHost;
  readonly sandbox: Sandbox;
  /** The second sandbox ("Sandbox B") with `connections: 2`, else undefined. */
  readonly secondSandbox: Sandbox | undefined;
  readonly dataDir: string;
  /** Uncaught page errors and console errors of every page in the context (CSP violations show here). */
  readonly pageErrors: readonly string[];
  close(): Promise<void>;
}

/** Starts sandbox, host and Chromium, and opens the host's URL (its fragment hands the page the per-run key). */
export async function startUiSession(options: UiSessionOptions = {}): Promise<UiSession> {
  const cleanups: (() => Promise<void>)[] = [];
  const close = async (): Promise<void> => {
    const errors: unknown[] = [];
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length > 0) throw new AggregateError(errors, 'Closing the UI session failed.');
  };
  try {
    const sandboxOptions = options.tokenLifetimeSeconds === undefined ? {} : { tokenLifetimeSeconds: options.tokenLifetimeSeconds };
    const sandbox = await startSandbox(sandboxOptions);
    cleanups.push(() => sandbox.close());
    const secondSandbox = options.connections === 2 ? await startSandbox(sandboxOptions) : undefined;
    if (secondSandbox !== undefined) cleanups.push(() => secondSandbox.close());
    const dataDir = await mkdtemp(join(tmpdir(), 'airisk-ui-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    await options.prepareDataDir?.(dataDir, sandbox, secondSandbox);
    const host = await startBrowserHost({
      dataDir,
      sandbox,
      ...(secondSandbox === undefined ? {} : { secondSandbox }),
      configured: options.configured ?? false,
      ...(options.rendererDir === undefined ? {} : { rendererDir: options.rendererDir }),
      ...(options.callbackTimeoutMs === undefined ? {} : { callbackTimeoutMs: options.callbackTimeoutMs }),
    });
    cleanups.push(() => host.close());
    const browser = await launchChromium();
    cleanups.push(() => browser.close());
    const context = await browser.newContext({
      colorScheme: options.colorScheme ?? 'light',
      ...(options.viewport === undefined ? {} : { viewport: options.viewport }),
    });
    cleanups.push(() => context.close());
    const pageErrors: string[] = [];
    context.on('page', (page) => {
      page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') pageErrors.push(`${page.url()}: ${message.text()}`);
      });
    });
    const page = await context.newPage();
    await page.goto(host.url, { waitUntil: 'load' });
    return { page, context, browser, host, sandbox, secondSandbox, dataDir, pageErrors, close };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}
