/**
 * The person in the browser tab AIRisk's authorization page opened in: finds that tab (the popup
 * bridge.js opened, or a new tab with the URL the host recorded), presses Approve or Deny on the
 * sandbox consent page, and waits until the app's callback page has loaded.
 */
import type { BrowserContext, Page } from 'playwright';
import { AUTHORIZE_PATH } from '../../sandbox/sandbox-server.ts';
import type { BrowserHost } from '../../support/browser-host/browser-host.ts';

/** Options of {@link approveInNewTab}. */
export interface ApproveOptions {
  /** The host whose recorded URLs are the fallback (and the only source with `via: 'host-url'`). */
  readonly host?: BrowserHost;
  /**
   * `'popup'`: only the tab bridge.js opened; `'host-url'`: open the host's last recorded URL in a
   * new page; `'either'` (default): the popup, or the recorded URL when no popup appears in time.
   */
  readonly via?: 'popup' | 'host-url' | 'either';
  /** How long to wait for the popup before falling back (default 3 s). */
  readonly popupWaitMs?: number;
  /** How long the whole consent may take (default 15 s). */
  readonly timeoutMs?: number;
}

/** Decides on the consent page in its own tab; resolves with that tab once the callback page has loaded. */
export async function approveInNewTab(context: BrowserContext, decision: 'approve' | 'deny', options: ApproveOptions = {}): Promise<Page> {
  const via = options.via ?? 'either';
  const timeoutMs = options.timeoutMs ?? 15_000;
  const deadline = Date.now() + timeoutMs;

  let tab: Page | undefined;
  if (via !== 'host-url') {
    tab = await waitFor(() => newestAuthorizationTab(context, options.host), via === 'popup' ? timeoutMs : Math.min(options.popupWaitMs ?? 3000, timeoutMs));
    if (tab === undefined && via === 'popup') throw new Error(`No authorization tab opened within ${timeoutMs} ms.`);
  }
  if (tab === undefined) {
    const host = options.host;
    if (host === undefined) throw new Error('No authorization tab opened, and no host was given to take the recorded URL from.');
    const url = await waitFor(() => unhandledUrl(host), Math.max(0, deadline - Date.now()));
    if (url === undefined) throw new Error('The app did not ask to open a new authorization page.');
    tab = await context.newPage();
    await tab.goto(url, { timeout: Math.max(1, deadline - Date.now()) });
  }

  if (options.host !== undefined) handledUrls(options.host).add(parseUrl(tab.url())?.href ?? tab.url());
  await tab.waitForLoadState('domcontentloaded', { timeout: Math.max(1, deadline - Date.now()) });
  const leftSandbox = tab.waitForURL((url) => !url.pathname.startsWith('/api/oauth2/'), { waitUntil: 'load', timeout: Math.max(1, deadline - Date.now()) });
  await tab.locator(`button[name="decision"][value="${decision}"]`).click({ timeout: Math.max(1, deadline - Date.now()) });
  await leftSandbox;
  return tab;
}

/** Authorization URLs already decided on, per host: a later call never reuses an old sign-in's tab. */
const handled = new WeakMap<BrowserHost, Set<string>>();

function handledUrls(host: BrowserHost): Set<string> {
  let urls = handled.get(host);
  if (urls === undefined) handled.set(host, (urls = new Set()));
  return urls;
}

/** The host's last recorded authorization URL, unless a previous call already decided on it. */
function unhandledUrl(host: BrowserHost): string | undefined {
  const last = host.openedUrls.at(-1);
  return last === undefined || handledUrls(host).has(parseUrl(last)?.href ?? last) ? undefined : last;
}

/** The tab showing the host's new authorization URL (without a host: the newest authorization tab). */
function newestAuthorizationTab(context: BrowserContext, host: BrowserHost | undefined): Page | undefined {
  const tabs = context.pages().filter((page) => parseUrl(page.url())?.pathname === AUTHORIZE_PATH);
  if (host === undefined) return tabs.at(-1);
  const wanted = unhandledUrl(host);
  return wanted === undefined ? undefined : tabs.findLast((page) => parseUrl(page.url())?.href === parseUrl(wanted)?.href);
}

function parseUrl(text: string): URL | undefined {
  return URL.canParse(text) ? new URL(text) : undefined;
}

async function waitFor<T>(find: () => T | undefined, withinMs: number): Promise<T | undefined> {
  const until = Date.now() + withinMs;
  for (;;) {
    const found = find();
    if (found !== undefined || Date.now() >= until) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
