/**
 * Sign-in in the real window (built renderer in Debian Chromium, the browser host, two AIRisk
 * sandboxes): the "+ Sign in" sheet (open, connection choice, Esc), the wait with its countdown
 * and "Open the sign-in page again", the fast failure on a wrong base URL with its way to
 * Settings, a dismissed failure staying dismissed after a reload, and Renew all with cancel.
 * Screens are checked with axe and photographed at 440×640 and 360×420. Needs `npx vite build` first.
 */
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import type { Page } from 'playwright';
import { fillStore } from '../support/store-fixtures.ts';
import { checkScreen } from './support/check-screen.ts';
import { approveInNewTab, appState, startUiSession, type AiriskGlobal, type UiSession } from './support/ui-fixture.ts';
import { closedPortUrl } from '../support/loopback.ts';

const SIZES = [
  { width: 440, height: 640 },
  { width: 360, height: 420 },
] as const;

let session: UiSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** axe and a photograph at both window sizes, then back to the first. */
async function checkBothSizes(page: Page, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await checkScreen(page, `${name}-${size.width}x${size.height}`);
  }
  await page.setViewportSize(SIZES[0]);
}

/** Opens the sheet, picks `connection`, signs in `userid` and approves it in a new tab. */
async function signIn(current: UiSession, connection: string, userid: string): Promise<void> {
  const { page, context, host } = current;
  await page.getByRole('button', { name: '+ Sign in' }).click();
  await page.getByRole('combobox', { name: 'Connection' }).selectOption({ label: connection });
  await page.getByRole('textbox', { name: 'User id (optional)' }).fill(userid);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await approveInNewTab(context, 'approve', { host });
  await page.bringToFront();
  await page.getByRole('listitem').filter({ has: page.getByText(userid, { exact: true }) }).filter({ hasText: connection }).first().waitFor();
}

async function focusedText(page: Page): Promise<string | null> {
  return page.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string | null } | null } }).document.activeElement?.textContent ?? null);
}

test('sign-in: the sheet, the wait with its countdown and open-again, a fast failure on a wrong base URL, a dismissal that survives a reload, and Renew all with cancel', { timeout: 240_000 }, async () => {
  // 2-minute tokens under a 5-minute warning lead: every token is "expiring" at once, so Renew all is offered.
  session = await startUiSession({ configured: true, connections: 2, tokenLifetimeSeconds: 120, callbackTimeoutMs: 45_000, viewport: SIZES[0] });
  const current = session;
  const { page, context, host, sandbox } = current;
  await page.getByRole('button', { name: '+ Sign in' }).waitFor();

  // The sheet: opens, offers both connections, Esc closes it and gives the focus back.
  await page.getByRole('button', { name: '+ Sign in' }).click();
  const sheet = page.getByRole('dialog', { name: 'Sign in' });
  await sheet.waitFor();
  const select = page.getByRole('combobox', { name: 'Connection' });
  assert.deepEqual(await select.locator('option').allInnerTexts(), ['Sandbox A', 'Sandbox B']);
  assert.equal(await select.evaluate((element) => element === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement), true, 'the sheet’s first field has the focus');
  await page.keyboard.press('Escape');
  await sheet.waitFor({ state: 'detached' });
  assert.equal(await focusedText(page), '+ Sign in', 'focus is back on the button');

  // Sign in user_7 on Sandbox B; while waiting: the countdown and "Open the sign-in page again".
  await page.getByRole('button', { name: '+ Sign in' }).click();
  await select.selectOption({ label: 'Sandbox B' });
  await page.getByRole('textbox', { name: 'User id (optional)' }).fill('user_7');
  await checkBothSizes(page, 'signin-sheet');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await sheet.waitFor({ state: 'detached' });
  const progress = page.locator('.progress-line', { hasText: 'Signing in for user_7 on Sandbox B: waiting for you in the browser' });
  await progress.waitFor();
  const countdown = page.locator('.progress .countdown');
  const first = Number(/^(\d+) s left$/.exec(await countdown.innerText())?.[1]);
  assert.ok(first > 30 && first <= 45, `the time left until the sign-in gives up (${first} s)`);
  await page.locator('.progress .countdown', { hasText: `${first - 2} s left` }).waitFor({ timeout: 5000 });
  await checkBothSizes(page, 'signin-waiting');
  const openedBefore = host.openedUrls.length;
  await page.getByRole('button', { name: 'Open the sign-in page again' }).click();
  await waitUntil(() => host.openedUrls.length === openedBefore + 1, 'the sign-in page opened again');
  assert.equal(host.openedUrls.at(-1), host.openedUrls.at(-2), 'the very same sign-in page');
  assert.ok(!host.traffic.some((entry) => entry.startsWith('event state') && entry.includes('/api/oauth2/Authorize')), 'the sign-in address never reached the window');
  await approveInNewTab(context, 'approve', { host });
  await page.bringToFront();
  await page.getByRole('listitem').filter({ has: page.getByText('user_7', { exact: true }) }).first().waitFor();

  // The sheet's default follows the active account's connection.
  await page.getByRole('button', { name: '+ Sign in' }).click();
  assert.equal(await select.locator('option:checked').innerText(), 'Sandbox B');
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();

  // A wrong base URL (a closed port) fails at once, naming the sign-in page and the error.
  const wrong = await closedPortUrl();
  const sandboxA = (await appState(page)).connections.find((connection) => connection.name === 'Sandbox A');
  assert.ok(sandboxA);
  const editTo = (baseUrl: string, secret: string): Promise<unknown> =>
    page.evaluate(([id, url, clientSecret]) => (globalThis as unknown as AiriskGlobal).airisk.saveConnection(id, { baseUrl: url, clientSecret }), [sandboxA.id, baseUrl, secret] as const);
  await editTo(wrong, sandbox.demoClient.clientSecret);
  const openedBeforeFailure = host.openedUrls.length;
  const started = Date.now();
  await page.getByRole('button', { name: '+ Sign in' }).click();
  await select.selectOption({ label: 'Sandbox A' });
  await page.getByRole('textbox', { name: 'User id (optional)' }).fill('user_1');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const sentence = `Nothing answers at ${wrong}/api/oauth2/Authorize (ECONNREFUSED): check the base URL and that AIRisk is running.`;
  await page.getByText(sentence, { exact: true }).waitFor({ timeout: 5000 });
  assert.ok(Date.now() - started < 5000, 'within a few seconds');
  assert.equal(host.openedUrls.length, openedBeforeFailure, 'the browser never opened');
  await page.getByText('The sign-in page cannot be reached (user_1 on Sandbox A)', { exact: true }).waitFor();
  await checkBothSizes(page, 'signin-failure');
  await page.getByRole('button', { name: 'Connection settings' }).click();
  await page.getByRole('heading', { name: 'Settings' }).waitFor();
  await editTo(sandbox.url, sandbox.demoClient.clientSecret);
  await page.getByRole('button', { name: 'Accounts', exact: true }).click();

  // Dismissed, it stays dismissed after a reload: main forgot it.
  await page.getByRole('button', { name: 'Dismiss', exact: true }).click();
  await page.getByText(sentence, { exact: true }).waitFor({ state: 'detached' });
  await page.reload({ waitUntil: 'load' });
  await page.getByRole('button', { name: '+ Sign in' }).waitFor();
  assert.equal((await appState(page)).lastError, null);
  assert.equal(await page.getByText(sentence, { exact: true }).count(), 0, 'a dismissed failure stays dismissed after a reload');

  // Renew all: two connections have expiring tokens, so the sheet asks which; then cancel the run.
  await signIn(current, 'Sandbox A', 'user_2');
  await signIn(current, 'Sandbox A', 'user_3');
  await page.getByRole('button', { name: 'Renew 3…' }).click();
  const renewSheet = page.getByRole('dialog', { name: 'Renew all' });
  await renewSheet.waitFor();
  await renewSheet.getByRole('combobox', { name: 'Connection' }).selectOption({ label: 'Sandbox A (2)' });
  await renewSheet.getByRole('button', { name: 'Renew 2', exact: true }).click();
  await page.getByText(/^Renewing 1 of 2 — user_\d \(Sandbox A\)$/).waitFor();
  await page.getByRole('button', { name: 'Cancel renew all' }).click();
  await page.locator('.toolbar-note', { hasText: 'Renew all on Sandbox A was cancelled: 0 of 2 tokens renewed.' }).waitFor();
  assert.equal((await appState(page)).renewAll, null);

  assert.deepEqual(current.pageErrors, [], 'no page errors');
});

test('Renew all of more than 10 tokens asks first, in the sheet; Cancel there starts nothing', { timeout: 120_000 }, async () => {
  // 12 tokens on the one connection, all expired 3 h ago.
  session = await startUiSession({ configured: true, viewport: SIZES[0], prepareDataDir: (dataDir, sandbox) => fillStore(dataDir, 12, Date.now() - 3 * 3600_000, 1, sandbox.url) });
  const { page, host } = session;
  await page.getByRole('button', { name: 'Renew 12…' }).click();
  const sheet = page.getByRole('dialog', { name: 'Renew all' });
  await sheet.getByText('That is 12 sign-ins in your browser, one after another. Renew them all?', { exact: true }).waitFor();
  assert.equal(await sheet.getByRole('combobox').count(), 0, 'one connection: no choice to make');
  await checkScreen(page, 'signin-renew-confirm');
  await sheet.getByRole('button', { name: 'Cancel', exact: true }).click();
  await sheet.waitFor({ state: 'detached' });
  assert.equal(await focusedText(page), 'Renew 12…', 'focus is back on the Renew button');
  assert.equal((await appState(page)).renewAll, null);
  assert.deepEqual(host.openedUrls, [], 'nothing was started');
  await page.getByRole('button', { name: 'Renew 12…' }).click();
  await sheet.getByRole('button', { name: 'Renew 12', exact: true }).click();
  await page.locator('.progress-line', { hasText: /^Renewing 1 of 12 — / }).waitFor();
  await page.getByRole('button', { name: 'Cancel renew all' }).click();
  await page.locator('.toolbar-note', { hasText: 'Renew all was cancelled: 0 of 12 tokens renewed.' }).waitFor();
  assert.deepEqual(session.pageErrors, [], 'no page errors');
});

async function waitUntil(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) assert.fail(`timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
