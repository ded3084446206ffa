/**
 * The token window's whole journey in the real UI (the built renderer in Debian Chromium, the real
 * app service behind the browser host, the AIRisk sandbox): first-run setup, two sign-ins approved
 * on the consent page in a new tab, Copy (the host clipboard holds a header AIRisk accepts),
 * switching the active account, a denied sign-in with the server's reason, a token expiring and
 * being renewed, and a removal. Every screen is checked with axe-core and photographed in light
 * and dark (test-results/screenshots/). Needs `npx vite build` first.
 */
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import type { Locator, Page } from 'playwright';
import { whoAmI } from '../support/sign-in-fixtures.ts';
import { checkScreen } from './support/check-screen.ts';
import { approveInNewTab, appState, startUiSession } from './support/ui-fixture.ts';
import type { UiSession } from './support/ui-fixture.ts';

/** Long enough for the steps before the wait for expiry, short enough to wait for. */
const TOKEN_LIFETIME_SECONDS = 45;

let session: UiSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

function row(page: Page, label: string): Locator {
  return page.getByRole('listitem').filter({ has: page.getByText(label, { exact: true }) });
}


test('the window: setup, sign-ins, copy, switch, denial, expiry and renewal, removal — accessible in both themes', { timeout: 240_000 }, async () => {
  session = await startUiSession({ tokenLifetimeSeconds: TOKEN_LIFETIME_SECONDS, viewport: { width: 560, height: 760 } });
  const { page, context, host, sandbox } = session;
  const live = page.getByRole('status');
  const copied: string[] = [];

  // First run: setup, validated inline by main.
  await page.getByRole('heading', { name: 'Set up' }).waitFor();
  assert.equal(await page.getByRole('textbox', { name: 'AIRisk base URL' }).inputValue(), 'https://api.AIRisk.example.com');
  assert.equal(await page.getByRole('textbox', { name: 'Redirect URI' }).inputValue(), 'http://127.0.0.1:8765/callback');
  await checkScreen(page, '01-setup');
  await page.getByRole('textbox', { name: 'AIRisk base URL' }).fill(sandbox.url);
  await page.getByRole('textbox', { name: 'Client id' }).fill(sandbox.demoClient.clientId);
  await page.getByLabel('Client secret').fill(sandbox.demoClient.clientSecret);
  await page.getByRole('textbox', { name: 'Redirect URI' }).fill('https://example.com/callback');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  const redirectField = page.getByRole('textbox', { name: 'Redirect URI' });
  await page.locator('[aria-invalid="true"]').first().waitFor();
  assert.equal(await redirectField.getAttribute('aria-invalid'), 'true', 'the refused field is marked');
  const describedBy = (await redirectField.getAttribute('aria-describedby')) ?? '';
  const problem = await page.locator(`[id="${describedBy.split(' ')[0]}"]`).innerText();
  assert.match(problem, /redirect URI/i, 'main’s problem is shown next to its field');
  await checkScreen(page, '02-setup-problem');
  await redirectField.fill('http://127.0.0.1:0/callback');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.getByRole('heading', { name: 'Accounts (0)' }).waitFor();
  await checkScreen(page, '03-accounts-empty');

  // Sign in for the generic token; the consent page opens in a new tab.
  await page.getByRole('button', { name: '+ Sign in' }).click();
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.locator('.progress-line', { hasText: 'Signing in for the generic token: waiting for you in the browser' }).waitFor();
  await checkScreen(page, '04-signing-in');
  await approveInNewTab(context, 'approve', { host });
  await page.bringToFront();
  await row(page, 'Generic').waitFor();

  // Sign in for user_42.
  await page.getByRole('button', { name: '+ Sign in' }).click();
  await page.getByRole('textbox', { name: 'User id (optional)' }).fill('user_42');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await approveInNewTab(context, 'approve', { host });
  await page.bringToFront();
  await row(page, 'user_42').waitFor();
  await page.getByRole('heading', { name: 'Accounts (2)' }).waitFor();
  // The expiry, in local time and UTC, is the row's tooltip and accessible description, written on
  // hover and focus: a row nobody pointed at has none, so no row pays for a date formatter at first paint.
  assert.ok((await page.locator('[role="listitem"]:not([title])').count()) >= 1, 'a row not yet hovered or focused has no tooltip');
  for (const label of ['Generic', 'user_42']) {
    await row(page, label).hover({ position: { x: 4, y: 4 } });
    assert.match((await row(page, label).getAttribute('title')) ?? '', /^Expires .*\d.* local time, \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\.$/, `${label} shows its expiry on hover`);
    assert.match(await row(page, label).innerText(), /\d+ s left|\d+ min left/, `${label} counts down`);
  }
  await checkScreen(page, '05-accounts');

  // Copy (the default format, the header): the host clipboard holds a header AIRisk answers for user_42.
  await page.getByRole('button', { name: 'Copy for user_42', exact: true }).click();
  await row(page, 'user_42').getByText('Copied ✓').waitFor();
  await page.locator('.status-line').filter({ hasText: /^Copied header for user_42 · clipboard clears in \d+ s$/ }).waitFor();
  await live.filter({ hasText: 'Copied header for user_42 — clears in 60 s' }).waitFor();
  const header = await host.clipboard.readText();
  copied.push(header);
  assert.match(header, /^Authorization: Bearer \S+$/);
  const me = await whoAmI(sandbox, header);
  assert.equal(me.status, 200);
  assert.equal((me.body as { userid: string }).userid, 'user_42');
  await checkScreen(page, '06-copied');

  // Switch the active account (row menu): it moves to the top and into the summary. Then copy with
  // the keyboard alone: ArrowUp from the second row to the first (the active one), Enter.
  const activeBefore = (await appState(page)).accounts.find((account) => account.active)?.label;
  const other = activeBefore === 'user_42' ? 'Generic' : 'user_42';
  await page.getByRole('button', { name: `More actions for ${other}` }).click();
  await page.getByRole('menuitem', { name: `Make active for ${other}` }).click();
  await page.getByRole('region', { name: 'Active account' }).locator('.row-label', { hasText: other }).waitFor();
  assert.equal((await appState(page)).accounts.find((account) => account.active)?.label, other);
  await row(page, activeBefore ?? '').focus();
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.locator(':focus').getAttribute('aria-posinset'), '1', 'ArrowUp moved to the first row');
  await page.keyboard.press('Enter');
  await live.filter({ hasText: `Copied header for ${other}` }).waitFor();
  const otherHeader = await host.clipboard.readText();
  copied.push(otherHeader);
  assert.equal(((await whoAmI(sandbox, otherHeader)).body as { userid: unknown }).userid ?? null, other === 'Generic' ? null : other, 'Enter copied the active token, first in the list');

  // A denied sign-in shows the server's exact reason and what to do.
  await page.getByRole('button', { name: '+ Sign in' }).click();
  await page.getByRole('textbox', { name: 'User id (optional)' }).fill('user_9');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await approveInNewTab(context, 'deny', { host });
  await page.bringToFront();
  await page.getByText('AIRisk refused the sign-in (user_9)', { exact: true }).waitFor();
  const reason = (await appState(page)).lastError?.message;
  assert.ok(reason !== undefined && reason.length > 0, 'main reported why');
  await page.getByText(reason, { exact: true }).waitFor();
  await checkScreen(page, '07-sign-in-denied');
  await page.getByRole('button', { name: 'Dismiss', exact: true }).click();

  // Settings, then back.
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByRole('heading', { name: 'Settings' }).waitFor();
  await page.getByRole('group', { name: 'Connections' }).getByText('AIRisk', { exact: true }).waitFor();
  await checkScreen(page, '08-settings');
  await page.getByRole('button', { name: 'Edit AIRisk' }).click();
  await page.getByText('(currently set)').waitFor();
  await checkScreen(page, '08-settings-connection');
  await page.getByRole('button', { name: 'Accounts', exact: true }).click();
  await page.getByRole('heading', { name: 'Accounts (2)' }).waitFor();
  assert.equal(await page.getByText('AIRisk refused the sign-in (user_9)', { exact: true }).count(), 0, 'a dismissed failure stays dismissed');

  // The generic token (signed in first) expires, then is renewed.
  const expired = row(page, 'Generic').filter({ hasText: 'Expired' });
  await expired.waitFor({ timeout: (TOKEN_LIFETIME_SECONDS + 30) * 1000 });
  assert.match(await row(page, 'Generic').innerText(), /Expired\s+(just now|\d+ (s|min) ago)/);
  await checkScreen(page, '09-expired');
  await page.getByRole('button', { name: 'Renew and copy for Generic', exact: true }).click();
  await approveInNewTab(context, 'approve', { host });
  await page.bringToFront();
  await row(page, 'Generic').filter({ hasText: /\d+ s left/ }).waitFor();
  assert.notEqual((await appState(page)).accounts.find((account) => account.label === 'Generic')?.status, 'expired');
  // The countdown runs on the window's own clock, down through every second.
  const secondsLeft = Number(/(\d+) s left/.exec(await row(page, 'Generic').innerText())?.[1]);
  await row(page, 'Generic').filter({ hasText: `${secondsLeft - 2} s left` }).waitFor({ timeout: 5000 });

  // Remove user_42 through its menu, with a confirmation.
  await page.getByRole('button', { name: 'More actions for user_42' }).click();
  await page.getByRole('menu', { name: 'Actions for user_42' }).waitFor();
  await checkScreen(page, '10-row-menu');
  await page.getByRole('menuitem', { name: 'Remove user_42' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove user_42?' });
  await dialog.waitFor();
  await checkScreen(page, '11-confirm-remove');
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await page.getByRole('heading', { name: 'Accounts (1)' }).waitFor();
  assert.equal(await row(page, 'user_42').count(), 0);
  await live.filter({ hasText: 'Removed user_42.' }).waitFor();

  // Nothing secret crossed the bridge: no token at all, and the client secret only in the one
  // request that sets it (write-only: it is never read back, in no answer and no event).
  const traffic = host.traffic;
  for (const value of copied) {
    const token = value.replace('Authorization: Bearer ', '');
    assert.ok(!traffic.some((entry) => entry.includes(token)), 'no token crossed the bridge');
  }
  assert.ok(!traffic.some((entry) => /eyJ[\w-]+\.[\w-]+\.[\w-]+/.test(entry)), 'nothing JWT-shaped crossed the bridge');
  const withSecret = traffic.filter((entry) => entry.includes(sandbox.demoClient.clientSecret));
  assert.ok(withSecret.length > 0 && withSecret.every((entry) => entry.startsWith('request saveConnection ')), 'the client secret went only into saveConnection');

  assert.deepEqual(session.pageErrors, [], 'no page errors (CSP violations would show here)');
});
