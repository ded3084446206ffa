import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, afterEach, before, test } from 'node:test';
import type { AppState, CopyOutcome, SignInOutcome } from '../../src-main/contract.ts';
import { createTinyRenderer } from '../support/browser-host/tiny-renderer.ts';
import { whoAmI } from '../support/sign-in-fixtures.ts';
import { launchChromium } from './support/chromium.ts';
import { approveInNewTab, startUiSession } from './support/ui-fixture.ts';
import type { AiriskGlobal, UiSession } from './support/ui-fixture.ts';

let rendererDir: string;
let session: UiSession | undefined;

before(async () => {
  rendererDir = await createTinyRenderer();
});
after(() => rm(rendererDir, { recursive: true, force: true }));
afterEach(async () => {
  await session?.close();
  session = undefined;
});

test('Chromium loads the host page and the bridge answers under the page CSP', async () => {
  session = await startUiSession({ rendererDir, colorScheme: 'dark', viewport: { width: 480, height: 640 } });
  const { page, host } = session;
  assert.equal(new URL(page.url()).href, `${host.origin}/`, 'the key left the address bar');
  await page.locator('#count').filter({ hasText: '0' }).waitFor();
  assert.equal(await page.locator('#configured').textContent(), 'false', 'first run: setup not done');
  assert.equal(await page.evaluate(() => (globalThis as unknown as { matchMedia(query: string): { matches: boolean } }).matchMedia('(prefers-color-scheme: dark)').matches), true);

  const state = await page.evaluate(() => (globalThis as unknown as AiriskGlobal).airisk.getState());
  assert.deepEqual(state.accounts, []);
  const error = await page.evaluate(() => (globalThis as unknown as AiriskGlobal).airisk.remove('missing').then(() => 'resolved', (reason: Error) => reason.message));
  assert.equal(error, 'That account no longer exists; it may have been removed.');

  // A state event reaches the page's onStateChange listener.
  const saved = await page.evaluate((url) => (globalThis as unknown as AiriskGlobal).airisk.saveConnection(null, { name: 'AIRisk', baseUrl: url, clientId: 'demo-client', clientSecret: 'demo-secret' }), session.sandbox.url);
  assert.equal(saved.ok, true);
  await page.locator('#configured').filter({ hasText: 'true' }).waitFor();
  assert.deepEqual(session.pageErrors, []);
});

test('a sign-in started from the page completes in a new tab; copy puts the header on the host clipboard', async () => {
  session = await startUiSession({ rendererDir, configured: true });
  const { page, context, host, sandbox } = session;
  await page.locator('#count').filter({ hasText: '0' }).waitFor();

  const signingIn = page.evaluate(() => (globalThis as unknown as AiriskGlobal).airisk.signIn({ userid: 'user_42' }));
  const tab = await approveInNewTab(context, 'approve', { host, via: 'popup' });
  const outcome: SignInOutcome = await signingIn;
  assert.equal(outcome.ok, true, JSON.stringify(outcome));
  assert.equal(new URL(tab.url()).pathname, '/callback');
  assert.equal(host.openedUrls.length, 1);
  await page.locator('#count').filter({ hasText: '1' }).waitFor();

  const copied: CopyOutcome = await page.evaluate(() => (globalThis as unknown as AiriskGlobal).airisk.copy(null, 'header'));
  assert.equal(copied.format, 'header');
  const header = await host.clipboard.readText();
  assert.match(header, /^Authorization: Bearer \S+$/);
  assert.equal(((await whoAmI(sandbox, header)).body as { userid: string }).userid, 'user_42');

  // The recorded-URL path of the helper: a second sign-in approved in a tab the test opens itself.
  const second = page.evaluate(() => (globalThis as unknown as AiriskGlobal).airisk.signIn({ userid: 'user_7' }));
  await approveInNewTab(context, 'approve', { host, via: 'host-url' });
  assert.equal((await second).ok, true);
  const state: AppState = await page.evaluate(() => (globalThis as unknown as AiriskGlobal).airisk.getState());
  assert.deepEqual(state.accounts.map((account) => account.label), ['user_42', 'user_7']);

  const traffic = host.traffic.join('\n');
  assert.ok(!traffic.includes(header.replace('Authorization: Bearer ', '')), 'no token crossed the bridge');
  assert.ok(!traffic.includes(sandbox.demoClient.clientSecret), 'no client secret crossed the bridge');
  assert.deepEqual(session.pageErrors, []);
});

test('another server on 127.0.0.1, visited by the same browser after the host, never receives the host key', async () => {
  session = await startUiSession({ rendererDir, configured: true });
  const { page, context, host } = session;
  await page.locator('#count').filter({ hasText: '0' }).waitFor();
  await page.reload({ waitUntil: 'load' });
  await page.locator('#configured').filter({ hasText: 'true' }).waitFor();
  assert.equal(await page.evaluate(() => (globalThis as unknown as AiriskGlobal).airisk.getState().then((state) => state.configured)), true, 'a reload of the tab keeps the key');

  // TEST DOUBLE: any other local program with an HTTP server (cookies ignore ports).
  const seen: string[] = [];
  const other = createServer((req, res) => {
    seen.push(JSON.stringify(req.headers));
    res.writeHead(200, { 'Content-Type': 'text/html' }).end('<p>another server</p>');
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = other.address() as AddressInfo;
    const visit = await context.newPage();
    await visit.goto(`http://127.0.0.1:${port}/`);
    await visit.close();
    const key = /[\w-]{43}/.exec(host.url)?.[0] ?? 'no key in the URL';
    assert.ok(seen.length >= 1, 'the other server was visited');
    for (const headers of seen) {
      assert.equal(headers.includes(key), false, `the key reached another port: ${headers}`);
      assert.equal(JSON.parse(headers).cookie, undefined, 'no cookie at all');
    }
  } finally {
    await new Promise((resolve) => other.close(resolve));
  }
  assert.deepEqual(session.pageErrors, []);
});

test('a missing Chromium fails with the install command, never a skip', async () => {
  await assert.rejects(launchChromium('/nonexistent/chromium'), /No browser can run at \/nonexistent\/chromium\. .*ensure-browser\.ts.*apt-get install -y chromium/);
});
