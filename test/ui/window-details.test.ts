/**
 * Token details, the copy formats and the settings of issue 12 in the real UI (the built renderer
 * in Debian Chromium, the real app service behind the browser host, the AIRisk sandbox): the
 * details dialog with the JWT's decoded header and claims, the exp-mismatch warning (the sandbox's
 * `token-exp-mismatch` fault), a copy in each format from the row menu (what the host clipboard
 * holds), the default format of the one-click copy, the connection form's Advanced fold and "Show
 * what I type", and the warning when the expiry lead outlasts the tokens. axe checks each screen in
 * both themes at 440×640 and 800×900 (test-results/screenshots/details-…, settings-…). Needs
 * `npx vite build` first.
 */
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import type { Locator, Page } from 'playwright';
import type { CopyOutcome, SignInOutcome } from '../../src-main/contract.ts';
import { whoAmI } from '../support/sign-in-fixtures.ts';
import { checkScreen } from './support/check-screen.ts';
import { approveInNewTab, appState, startUiSession, type AiriskGlobal, type UiSession } from './support/ui-fixture.ts';

let session: UiSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const SMALL = { width: 440, height: 640 };
const LARGE = { width: 800, height: 900 };

/** Signs in for `userid` through the window's bridge (the sign-in screen has its own tests), approving in the consent tab. */
async function signIn({ page, context, host }: UiSession, userid: string): Promise<void> {
  const outcome = page.evaluate((id) => (globalThis as unknown as AiriskGlobal).airisk.signIn({ userid: id }), userid);
  await approveInNewTab(context, 'approve', { host });
  const ended: SignInOutcome = await outcome;
  assert.ok(ended.ok, ended.ok ? '' : ended.error.message);
  await page.bringToFront();
  await row(page, userid).waitFor();
}

/** What the host clipboard holds once the copy under way has written it (it is emptied before). */
async function copied({ host }: UiSession): Promise<string> {
  for (let tries = 0; tries < 100; tries++) {
    const text = await host.clipboard.readText();
    if (text !== '') return text;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return host.clipboard.readText();
}

function row(page: Page, label: string): Locator {
  return page.getByRole('listitem').filter({ has: page.getByText(label, { exact: true }) });
}

/** Opens the row menu of `label` and waits for main's formats in it. */
async function openMenu(page: Page, label: string): Promise<Locator> {
  await page.getByRole('button', { name: `More actions for ${label}` }).click();
  const menu = page.getByRole('menu', { name: `Actions for ${label}` });
  await menu.getByRole('menuitem', { name: 'Details…' }).waitFor();
  return menu;
}

test('the row menu copies in every format, Details shows the decoded JWT, and a JWT whose exp disagrees with AIRisk is flagged', { timeout: 120_000 }, async () => {
  session = await startUiSession({ configured: true, viewport: SMALL });
  const { page, host, sandbox } = session;
  await page.getByRole('heading', { name: /^Accounts/ }).waitFor();
  await signIn(session, 'user_42');

  // Every format from the row menu: the bare token first, then each other format built around it.
  let menu = await openMenu(page, 'user_42');
  assert.deepEqual(await menu.getByRole('menuitem').allInnerTexts().then((texts) => texts.slice(0, 8)), [
    'Header (Authorization: Bearer …)',
    'Bare token',
    'curl -H option',
    'Whole curl command',
    'HTTPie command',
    'export AIRISK_TOKEN (POSIX shells)',
    '$env:AIRISK_TOKEN (PowerShell)',
    'Details…',
  ]);
  await checkScreen(page, 'details-menu-440x640');
  await menu.getByRole('menuitem', { name: 'Copy as Bare token' }).click();
  const token = await copied(session);
  assert.match(token, /^eyJ[\w-]+\.[\w-]+\.[\w-]+$/, 'the bare token');
  const url = new URL(sandbox.url).href;
  const expected: readonly [string, string][] = [
    ['Header (Authorization: Bearer …)', `Authorization: Bearer ${token}`],
    ['curl -H option', `-H "Authorization: Bearer ${token}"`],
    ['Whole curl command', `curl -H 'Authorization: Bearer ${token}' '${url}'`],
    ['HTTPie command', `http '${url}' 'Authorization:Bearer ${token}'`],
    ['export AIRISK_TOKEN (POSIX shells)', `export AIRISK_TOKEN='${token}'`],
    ['$env:AIRISK_TOKEN (PowerShell)', `$env:AIRISK_TOKEN = '${token}'`],
  ];
  for (const [label, text] of expected) {
    await host.clipboard.writeText('');
    menu = await openMenu(page, 'user_42');
    await menu.getByRole('menuitem', { name: `Copy as ${label}` }).click();
    assert.equal(await copied(session), text, label);
  }
  assert.equal((await whoAmI(sandbox, `Authorization: Bearer ${token}`)).status, 200, 'AIRisk takes the copied token');

  // Details: connection, userid, times, and the JWT's header and claims as text.
  menu = await openMenu(page, 'user_42');
  await menu.getByRole('menuitem', { name: 'Details…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Token details: user_42' });
  await dialog.waitFor();
  const facts = await dialog.locator('dl').innerText();
  assert.match(facts, /User id\s+user_42/);
  assert.match(facts, /Expires\s+.*\d.*\n\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/, 'expiry in local time and UTC');
  assert.match(facts, /Last copied\s+.*\d.*\n.+ UTC/, 'the copies above count');
  const header = JSON.parse(await dialog.getByLabel('JWT header').innerText()) as Record<string, unknown>;
  assert.deepEqual(header, { alg: 'HS256', typ: 'JWT' });
  const claims = JSON.parse(await dialog.getByLabel('JWT claims').innerText()) as Record<string, unknown>;
  assert.equal(claims.sub, 'user_42');
  assert.equal(claims.client_id, sandbox.demoClient.clientId);
  assert.equal(typeof claims.exp, 'number');
  assert.equal(await dialog.locator('.callout').count(), 0, 'no warning: exp and expiration agree');
  assert.equal(await dialog.getByRole('button', { name: 'Close' }).evaluate((button) => button === button.ownerDocument.activeElement), true, 'focus starts on Close');
  await checkScreen(page, 'details-440x640');
  await page.setViewportSize(LARGE);
  await checkScreen(page, 'details-800x900');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await page.getByRole('button', { name: 'More actions for user_42' }).evaluate((button) => button === button.ownerDocument.activeElement), true, 'focus returns to the menu button');

  // A token whose own exp is 10 min before AIRisk's expiration: the details say so.
  sandbox.setFault('token-exp-mismatch');
  await signIn(session, 'user_7');
  sandbox.setFault(null);
  menu = await openMenu(page, 'user_7');
  await menu.getByRole('menuitem', { name: 'Details…' }).click();
  const mismatch = page.getByRole('dialog', { name: 'Token details: user_7' });
  await mismatch.getByText(/^The token's own expiry \(exp .+\) is 10 min earlier than AIRisk's expiration/).waitFor();
  await checkScreen(page, 'details-exp-mismatch-800x900');
  await page.setViewportSize(SMALL);
  await checkScreen(page, 'details-exp-mismatch-440x640');
  await mismatch.getByRole('button', { name: 'Close' }).click();

  // The default format: the one-click copy (tray, shortcut, copy(null, null)) follows Settings.
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const format = page.getByRole('combobox', { name: 'Copy puts on the clipboard' });
  assert.equal(await format.inputValue(), 'header', 'the header by default');
  await format.selectOption({ label: 'Bare token' });
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByRole('form', { name: 'App settings' }).getByText('Settings saved.').waitFor();
  const outcome: CopyOutcome = await page.evaluate(() => (globalThis as unknown as AiriskGlobal).airisk.copy(null, null));
  assert.equal(outcome.format, 'token');
  assert.match(await host.clipboard.readText(), /^eyJ[\w-]+\.[\w-]+\.[\w-]+$/, 'the one-click copy put the bare token on the clipboard');

  // Nothing JWT-shaped crossed the bridge: the details are decoded in main.
  assert.ok(!host.traffic.some((entry) => entry.includes(token)), 'no token crossed the bridge');
  assert.ok(!host.traffic.some((entry) => /eyJ[\w-]+\.[\w-]+\.[\w-]+/.test(entry)), 'nothing JWT-shaped crossed the bridge');
  assert.deepEqual(session.pageErrors, [], 'no page errors (CSP violations would show here)');
});

test('Settings: the lead warning with 3-minute tokens, the default format and shortcut, the Advanced fold and "Show what I type"', { timeout: 120_000 }, async () => {
  session = await startUiSession({ configured: true, viewport: SMALL, tokenLifetimeSeconds: 180 });
  const { page } = session;
  await page.getByRole('heading', { name: /^Accounts/ }).waitFor();
  await signIn(session, 'user_42');
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const tokens = page.getByRole('group', { name: 'Tokens' });
  await tokens.getByText(/^Your tokens last about [23] min, not longer than the 5 min warning: every token shows as “Expiring” from the moment it is issued\./).waitFor();
  await tokens.scrollIntoViewIfNeeded();
  await checkScreen(page, 'settings-lead-warning-440x640');

  // A shortcut the browser host cannot register: saved, and Settings says why in one sentence.
  const shortcut = page.getByRole('textbox', { name: 'Global shortcut' });
  assert.equal(await shortcut.inputValue(), '', 'off by default');
  await shortcut.fill('CommandOrControl+Shift+A');
  const lead = page.getByRole('spinbutton', { name: 'Warn before a token expires' });
  await lead.fill('1');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByRole('form', { name: 'App settings' }).getByText('Settings saved.').waitFor();
  await page.getByText('Global shortcuts work only in the desktop app, not in this window.', { exact: true }).waitFor();
  assert.equal(await tokens.getByText(/^Your tokens last about/).count(), 0, 'a 1-minute lead is shorter than the tokens live');
  // A shortcut main refuses shows main's problem next to the field.
  await shortcut.fill('Shift+A');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByText('One setting needs a change; nothing was saved.').waitFor();
  assert.equal(await shortcut.getAttribute('aria-invalid'), 'true');
  assert.equal(await shortcut.evaluate((input) => input === input.ownerDocument.activeElement), true, 'the refused field has focus');
  assert.match(await page.locator(`[id="${(await shortcut.getAttribute('aria-describedby'))?.split(' ')[0] ?? ''}"]`).innerText(), /besides Shift/);
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await page.setViewportSize(LARGE);
  await checkScreen(page, 'settings-800x900');

  // The connection form: paths and body encoding in a closed Advanced fold; a refused path opens it.
  await page.getByRole('button', { name: 'Edit AIRisk' }).click();
  const fold = page.locator('details.advanced');
  assert.equal(await fold.evaluate((details) => details.hasAttribute('open')), false, 'closed by default');
  assert.equal(await page.getByRole('textbox', { name: 'Token path' }).isVisible(), false);
  await fold.locator('summary').click();
  await page.getByRole('textbox', { name: 'Token path' }).fill('//evil.example/Token');
  await page.getByRole('combobox', { name: 'Token request body' }).locator('option', { hasText: 'JSON' }).waitFor({ state: 'attached' });
  await fold.locator('summary').click();
  await page.getByRole('button', { name: 'Save connection' }).click();
  const tokenPath = page.getByRole('textbox', { name: 'Token path' });
  await page.locator('[aria-invalid="true"]').first().waitFor();
  assert.equal(await fold.evaluate((details) => details.hasAttribute('open')), true, 'the fold opens on its refused field');
  assert.equal(await tokenPath.evaluate((input) => input === input.ownerDocument.activeElement), true, 'and focuses it');
  await checkScreen(page, 'settings-connection-advanced-800x900');

  // "Show what I type": the secret field shows its text only while asked.
  const secret = page.getByLabel('Replace client secret');
  await secret.fill('typed-secret');
  assert.equal(await secret.getAttribute('type'), 'password');
  await page.getByRole('checkbox', { name: 'Show what I type' }).check();
  assert.equal(await secret.getAttribute('type'), 'text');
  assert.equal(await secret.inputValue(), 'typed-secret');
  await page.setViewportSize(SMALL);
  await secret.scrollIntoViewIfNeeded();
  await checkScreen(page, 'settings-connection-440x640');
  await page.getByRole('checkbox', { name: 'Show what I type' }).uncheck();
  assert.equal(await secret.getAttribute('type'), 'password');
  await page.getByRole('button', { name: 'Cancel' }).click();
  assert.equal((await appState(page)).accounts.length, 1);
  assert.deepEqual(session.pageErrors, [], 'no page errors');
});

test('a format the token cannot be used in is dimmed in the row menu, with main’s reason, and choosing it copies nothing', { timeout: 60_000 }, async () => {
  session = await startUiSession({ configured: true, viewport: SMALL, tokenLifetimeSeconds: 2 });
  const { page, host } = session;
  await page.getByRole('heading', { name: /^Accounts/ }).waitFor();
  await signIn(session, 'user_42');
  await row(page, 'user_42').filter({ hasText: 'Expired' }).waitFor({ timeout: 10_000 });
  // The row turns on the window's clock; main's copy rule is what the menu reports: wait for main to agree.
  for (let tries = 0; tries < 50 && (await appState(page)).accounts[0]?.status !== 'expired'; tries++) await new Promise((resolve) => setTimeout(resolve, 100));
  const menu = await openMenu(page, 'user_42');
  const header = menu.getByRole('menuitem', { name: 'Copy as Header (Authorization: Bearer …)' });
  assert.equal(await header.getAttribute('aria-disabled'), 'true');
  const reason = await page.locator(`[id="${(await header.getAttribute('aria-describedby')) ?? ''}"]`).innerText();
  assert.match(reason, /^The token for user_42 expired .*; renew it first\.$/, 'main’s reason, next to the item');
  assert.equal(await menu.getByRole('menuitem', { name: 'Copy as Bare token' }).getAttribute('aria-disabled'), 'true');
  await checkScreen(page, 'details-menu-refused-440x640');
  await host.clipboard.writeText('');
  // Playwright will not click what is aria-disabled; a person can, and nothing happens.
  await header.click({ force: true });
  assert.equal(await menu.isVisible(), true, 'a dimmed item keeps the menu open');
  assert.equal(await host.clipboard.readText(), '', 'and copies nothing');
  await page.keyboard.press('Escape');
  assert.deepEqual(session.pageErrors, [], 'no page errors');
});
