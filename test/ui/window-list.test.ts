/**
 * The list is the window (issue 12), in Debian Chromium against the browser host and the AIRisk
 * sandbox: the active summary's one-click Copy, the filter and its shortcuts (/ Ctrl+F ArrowDown
 * Enter Esc), the status chips, natural order and the time-left sort, "Renew & copy" of a token
 * that expired while the window was open, and a row's error gone once its token is renewed. Then
 * every size the issue names, in light and dark, with 4 and 1,000 accounts: axe finds nothing,
 * rows keep one height, the page stays under 800 nodes, and the screenshots land in
 * test-results/screenshots/list-<width>x<height>-<count>-<theme>.png. Needs `npx vite build` first.
 */
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import type { Locator, Page } from 'playwright';
import { NODE_APP_KEY_FILE } from '../support/node-app.ts';
import { whoAmI } from '../support/sign-in-fixtures.ts';
import { fakeToken, fillStoreAt } from '../support/store-fixtures.ts';
import type { Sandbox } from '../sandbox/sandbox-server.ts';
import { checkScreen } from './support/check-screen.ts';
import { approveInNewTab, appState, startUiSession, type AiriskGlobal, type UiSession } from './support/ui-fixture.ts';

let session: UiSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const MINUTE = 60_000;

/** What the page-side functions read of the page (the tests compile without the DOM library). */
interface PageElement {
  readonly textContent: string | null;
  readonly offsetHeight: number;
  getAttribute(name: string): string | null;
  closest(selector: string): PageElement | null;
  querySelector(selector: string): PageElement | null;
}
interface PageGlobal {
  readonly document: { readonly activeElement: PageElement | null };
  requestAnimationFrame(callback: () => void): void;
}

/** A store of `count` accounts on "AIRisk" at the sandbox's origin, readable by the host: user_1 expired, user_2 and user_3 expiring, the rest valid. */
function fixtureStore(count: number, expiresAfterMs: (index: number) => number): (dataDir: string, sandbox: Sandbox) => Promise<void> {
  return (dataDir, sandbox) => fillStoreAt(dataDir, count, Date.now(), { connections: [{ name: 'AIRisk', baseUrl: sandbox.url }], keyFile: NODE_APP_KEY_FILE, expiresAfterMs });
}

/** user_1 (and every tenth) expired, user_2 and user_3 expiring within the 5-minute lead, the rest valid for most of an hour. */
const mixedExpiry = (index: number): number => (index % 10 === 1 ? -5 * MINUTE : index === 2 || index === 3 ? 2 * MINUTE : 50 * MINUTE);

function row(page: Page, label: string): Locator {
  return page.getByRole('listitem').filter({ has: page.locator('.row-label', { hasText: new RegExp(`^${label}$`) }) });
}

/** The rendered rows' labels, top to bottom. */
const labels = (page: Page): Promise<string[]> => page.locator('[role="listitem"] .row-label').allInnerTexts();
const focusedLabel = (page: Page): Promise<string | null> => page.evaluate(() => (globalThis as unknown as PageGlobal).document.activeElement?.closest('[role="listitem"]')?.querySelector('.row-label')?.textContent ?? null);
const statusLine = (page: Page): Locator => page.locator('.status-line');

test('the list: opening focus, natural order, filter shortcuts, status chips, Enter copies the first match, the summary copies the active token', { timeout: 120_000 }, async () => {
  session = await startUiSession({ configured: true, viewport: { width: 800, height: 900 }, prepareDataDir: fixtureStore(12, mixedExpiry) });
  const { page, host } = session;
  const filter = page.getByRole('searchbox', { name: 'Filter accounts' });
  await page.getByRole('heading', { name: 'Accounts (12)' }).waitFor();

  // More than eight accounts: the window opens with focus in the filter.
  assert.equal(await page.evaluate(() => (globalThis as unknown as PageGlobal).document.activeElement?.getAttribute('aria-label')), 'Filter accounts');
  // Natural order, the active account (Generic) first: user_2 before user_10, and the renamed
  // user_4 ("user_40", created fourth) after user_11. A renamed account shows its userid, muted.
  await page.evaluate(() => (globalThis as unknown as AiriskGlobal).airisk.rename('acct-4', 'user_40'));
  await row(page, 'user_40').waitFor();
  assert.deepEqual(await labels(page), ['Generic', 'user_1', 'user_2', 'user_3', 'user_5', 'user_6', 'user_7', 'user_8', 'user_9', 'user_10', 'user_11', 'user_40']);
  assert.equal(await row(page, 'user_40').locator('.muted').innerText(), 'user_4');
  assert.equal(await row(page, 'user_10').locator('.muted').count(), 0, 'no userid repeated when the name is the userid');

  // Status chips: one click filters, a second shows all again.
  const expiredChip = page.getByRole('button', { name: '2 expired' });
  await page.getByRole('button', { name: '2 expiring' }).waitFor();
  await expiredChip.click();
  assert.equal(await expiredChip.getAttribute('aria-pressed'), 'true');
  await page.getByRole('heading', { name: 'Accounts (2 of 12)' }).waitFor();
  assert.deepEqual(await labels(page), ['user_1', 'user_11']);
  await expiredChip.click();
  await page.getByRole('heading', { name: 'Accounts (12)' }).waitFor();

  // The filter matches status words: "expired" finds the expired ones (not the expiring).
  await filter.fill('expired');
  await page.getByRole('heading', { name: 'Accounts (2 of 12)' }).waitFor();
  assert.equal(await expiredChip.getAttribute('aria-pressed'), 'false', 'typed words are not the chip: a chip filters by status, exactly');
  // Esc clears.
  await page.keyboard.press('Escape');
  await page.getByRole('heading', { name: 'Accounts (12)' }).waitFor();
  assert.equal(await filter.inputValue(), '');

  // `/` and Ctrl+F focus the filter from anywhere; ArrowDown moves into the list.
  await page.getByRole('heading', { name: 'Accounts (12)' }).focus();
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => (globalThis as unknown as PageGlobal).document.activeElement?.getAttribute('aria-label')), 'Filter accounts', '/ focuses the filter');
  assert.equal(await filter.inputValue(), '', 'the / itself is not typed');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focusedLabel(page), 'Generic', 'ArrowDown moved into the list, on its first row');
  await page.keyboard.press('Control+f');
  assert.equal(await page.evaluate(() => (globalThis as unknown as PageGlobal).document.activeElement?.getAttribute('aria-label')), 'Filter accounts', 'Ctrl+F focuses the filter');

  // Enter copies the first match, in the default format (the header): exactly user_11's token.
  await page.keyboard.type('user_11');
  await page.getByRole('heading', { name: 'Accounts (1 of 12)' }).waitFor();
  await filter.fill('USER_1');
  await page.getByRole('heading', { name: 'Accounts (3 of 12)' }).waitFor();
  assert.deepEqual(await labels(page), ['user_1', 'user_10', 'user_11']);
  await filter.fill('user_10');
  await page.getByRole('heading', { name: 'Accounts (1 of 12)' }).waitFor();
  const heightBefore = (await row(page, 'user_10').boundingBox())?.height;
  await page.keyboard.press('Enter');
  await row(page, 'user_10').getByRole('button', { name: 'Copy for user_10', exact: true }).filter({ hasText: 'Copied ✓' }).waitFor();
  assert.equal(await host.clipboard.readText(), `Authorization: Bearer ${fakeToken(10)}`);
  assert.equal((await row(page, 'user_10').boundingBox())?.height, heightBefore, 'the row keeps its height while it says Copied');
  assert.equal(heightBefore, 44);
  await statusLine(page).filter({ hasText: /^Copied header for user_10 · clipboard clears in (60|59|58) s$/ }).waitFor();
  await page.getByRole('status').filter({ hasText: 'Copied header for user_10 — clears in 60 s' }).waitFor();
  // "Copied ✓" for about 2 s, then Copy again; the status line counts down on.
  await row(page, 'user_10').getByRole('button', { name: 'Copy for user_10', exact: true }).filter({ hasText: /^Copy$/ }).waitFor({ timeout: 4000 });
  await statusLine(page).filter({ hasText: /clipboard clears in (5[0-8]) s$/ }).waitFor({ timeout: 4000 });
  // Typed and Enter at once, before the list has caught up: the copy is of what is typed now.
  await filter.fill('user_5');
  await page.keyboard.press('Enter');
  await row(page, 'user_5').getByRole('button', { name: 'Copy for user_5', exact: true }).filter({ hasText: 'Copied ✓' }).waitFor();
  assert.equal(await host.clipboard.readText(), `Authorization: Bearer ${fakeToken(5)}`);

  // An expired token offers no Copy: its primary action is Renew & copy, and its menu's copy formats
  // are disabled, each saying why before any click.
  await page.keyboard.press('Escape');
  const expiredRow = row(page, 'user_1');
  await expiredRow.getByRole('button', { name: 'Renew and copy for user_1', exact: true }).waitFor();
  assert.equal(await expiredRow.getByRole('button', { name: 'Copy for user_1', exact: true }).count(), 0);
  await expiredRow.getByRole('button', { name: 'More actions for user_1' }).click();
  const menu = page.getByRole('menu', { name: 'Actions for user_1' });
  await menu.waitFor();
  const formats = menu.getByRole('menuitem', { name: /^Copy/ });
  assert.ok((await formats.count()) > 0, 'the copy formats are listed');
  for (const item of await formats.all()) assert.equal(await item.getAttribute('aria-disabled'), 'true', `${await item.getAttribute('aria-label')} is disabled on an expired token`);
  await menu.getByText(/renew/i).first().waitFor();
  await page.keyboard.press('Escape');

  // The time-left sort puts the expired ones first.
  await page.getByRole('button', { name: 'Sort by time left' }).click();
  assert.deepEqual((await labels(page)).slice(0, 4), ['user_1', 'user_11', 'user_2', 'user_3']);
  await page.getByRole('button', { name: 'Sort by time left' }).click();
  assert.equal((await labels(page))[0], 'Generic');

  // Rename from the row menu: a dialog with the name selected; Enter renames, the userid stays in view.
  await filter.fill('');
  await row(page, 'user_9').getByRole('button', { name: 'More actions for user_9' }).click();
  await page.getByRole('menuitem', { name: 'Rename user_9' }).click();
  const renameDialog = page.getByRole('dialog', { name: 'Rename user_9' });
  const nameField = renameDialog.getByRole('textbox', { name: 'Name' });
  assert.equal(await page.evaluate(() => (globalThis as unknown as PageGlobal).document.activeElement?.getAttribute('id')), await nameField.getAttribute('id'), 'focus starts in the name field');
  await page.keyboard.type('nightly bot');
  await page.keyboard.press('Enter');
  await row(page, 'nightly bot').locator('.muted').filter({ hasText: 'user_9' }).waitFor();
  assert.equal(await renameDialog.count(), 0, 'the dialog closed');

  // The active summary: the active account, its time left, one Copy.
  const summary = page.getByRole('region', { name: 'Active account' });
  assert.match(await summary.innerText(), /Generic[\s\S]*Valid[\s\S]*\d+ min left/);
  await summary.getByRole('button', { name: 'Copy for Generic (active)' }).click();
  await summary.getByRole('button', { name: 'Copy for Generic (active)' }).filter({ hasText: 'Copied ✓' }).waitFor();
  assert.equal(await host.clipboard.readText(), `Authorization: Bearer ${fakeToken(0)}`);
  await statusLine(page).filter({ hasText: /^Copied header for Generic · clipboard clears in \d+ s$/ }).waitFor();
  assert.deepEqual(session.pageErrors, []);
});

/** Starts a sign-in through the window's bridge (the sign-in form is another part of the window) and approves it. */
async function signInThroughBridge(current: UiSession, userid: string): Promise<void> {
  await current.page.evaluate((id) => {
    void (globalThis as unknown as AiriskGlobal).airisk.signIn({ userid: id });
  }, userid);
  await approveInNewTab(current.context, 'approve', { host: current.host });
  await current.page.bringToFront();
}

test('a token that expires while the window is open: Copy turns into Renew & copy, which copies the new token; the row’s error goes with the old token', { timeout: 150_000 }, async () => {
  session = await startUiSession({ configured: true, tokenLifetimeSeconds: 20, viewport: { width: 440, height: 640 } });
  const { page, host, sandbox } = session;
  await signInThroughBridge(session, 'user_42');
  const user42 = row(page, 'user_42');
  await user42.waitFor();
  const summary = page.getByRole('region', { name: 'Active account' });
  // The summary's Copy, checked against AIRisk itself.
  await summary.getByRole('button', { name: 'Copy for user_42 (active)' }).click();
  await statusLine(page).filter({ hasText: /^Copied header for user_42 · clipboard clears in \d+ s$/ }).waitFor();
  const first = await host.clipboard.readText();
  const me = await whoAmI(sandbox, first);
  assert.equal(me.status, 200);
  assert.equal((me.body as { userid: string }).userid, 'user_42');

  // It expires: Copy is no longer offered, neither on the row nor in the summary.
  await user42.getByRole('button', { name: 'Renew and copy for user_42', exact: true }).waitFor({ timeout: 40_000 });
  await summary.getByRole('button', { name: 'Renew and copy for user_42 (active)' }).waitFor();
  assert.match(await user42.innerText(), /Expired/);

  // Enter on the filter's first match still asks main, which refuses: the error stays on the row…
  const filter = page.getByRole('searchbox', { name: 'Filter accounts' });
  await filter.fill('user_42');
  await page.keyboard.press('Enter');
  const error = user42.locator('.row-error');
  await error.filter({ hasText: /renew it first/ }).waitFor();
  await statusLine(page).filter({ hasText: /renew it first/ }).waitFor();
  await checkScreen(page, 'list-row-error');
  await page.keyboard.press('Escape');

  // …until Renew & copy brings a new token, which is copied as soon as it arrives.
  await user42.getByRole('button', { name: 'Renew and copy for user_42', exact: true }).click();
  await approveInNewTab(session.context, 'approve', { host });
  await page.bringToFront();
  await statusLine(page).filter({ hasText: /^Copied header for user_42 · clipboard clears in \d+ s$/ }).waitFor({ timeout: 15_000 });
  const renewed = await host.clipboard.readText();
  assert.notEqual(renewed, first, 'the new token was copied');
  const again = await whoAmI(sandbox, renewed);
  assert.equal(again.status, 200, 'AIRisk accepts the copied header');
  assert.equal((again.body as { userid: string }).userid, 'user_42');
  assert.equal(await error.count(), 0, 'the old token’s error is gone');
  assert.equal((await appState(page)).accounts.find((account) => account.label === 'user_42')?.status !== 'expired', true);
  await user42.getByRole('button', { name: 'Copy for user_42', exact: true }).waitFor();
  assert.deepEqual(session.pageErrors, []);
});

const SIZES = [
  { width: 440, height: 640 },
  { width: 360, height: 420 },
  { width: 800, height: 900 },
] as const;

/**
 * The page's DOM nodes (elements, text, comments), counted in the document. Not Chromium's heap
 * "Nodes" metric: axe-core, run at the previous size, keeps references to rows the virtual list has
 * since let go, and the metric counts those too (bench row 8 measures with no axe on the page).
 */
async function liveNodes(page: Page): Promise<number> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as { document: { createTreeWalker(root: unknown, show: number): { nextNode(): unknown } } };
    const walker = document.createTreeWalker(document, 0xffffffff);
    let count = 1;
    while (walker.nextNode() !== null) count++;
    return count;
  });
}

for (const count of [4, 1000]) {
  test(`the window with ${count} accounts at 440×640, 360×420 and 800×900, light and dark: accessible, one row height, under 800 nodes`, { timeout: 180_000 }, async () => {
    session = await startUiSession({
      configured: true,
      connections: count === 4 ? 1 : 2,
      prepareDataDir: (dataDir, sandbox, second) => {
        const connections = second === undefined ? [{ name: 'AIRisk', baseUrl: sandbox.url }] : [{ name: 'Sandbox A', baseUrl: sandbox.url }, { name: 'Sandbox B', baseUrl: second.url }];
        return fillStoreAt(dataDir, count, Date.now(), { connections, keyFile: NODE_APP_KEY_FILE, ...(count === 4 ? { expiresAfterMs: mixedExpiry } : { expiresAfterMs: (index) => (index - 80) * 7_000 }) });
      },
    });
    const { page } = session;
    await page.getByRole('heading', { name: `Accounts (${count})` }).waitFor();
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.evaluate(() => new Promise<void>((resolve) => (globalThis as unknown as PageGlobal).requestAnimationFrame(resolve)));
      const heights = await page.locator('[role="listitem"]').evaluateAll((rows) => [...new Set(rows.map((element) => (element as unknown as PageElement).offsetHeight))]);
      const odd = await page.locator('[role="listitem"]').evaluateAll((rows) => rows.filter((element) => (element as unknown as PageElement).offsetHeight !== 44).map((element) => (element as unknown as { outerHTML: string }).outerHTML.slice(0, 300)));
      assert.deepEqual(heights, [44], `every row is 44 px high at ${size.width}×${size.height}: ${odd.join('\n')}`);
      const nodes = await liveNodes(page);
      assert.ok(nodes <= 800, `${nodes} DOM nodes at ${size.width}×${size.height} with ${count} accounts`);
      await checkScreen(page, `list-${size.width}x${size.height}-${count}`);
    }
    assert.deepEqual(session.pageErrors, []);
  });
}
