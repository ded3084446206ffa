/**
 * Terminal access in the real window (the built renderer in Debian Chromium, the real app service
 * behind the browser host, the AIRisk sandbox): Settings → Terminal access, and the consent prompt
 * a terminal's request raises, answered with the keyboard and the mouse. The prompt needs the
 * access server in the browser host; until the lead wires it, that journey skips with the reason.
 * Needs `npx vite build` first.
 */
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import type { Page } from 'playwright';
import { runCliProcess } from '../support/cli-process.ts';
import { whoAmI } from '../support/sign-in-fixtures.ts';
import { checkScreen } from './support/check-screen.ts';
import { approveInNewTab, appState, startUiSession } from './support/ui-fixture.ts';
import type { UiSession } from './support/ui-fixture.ts';

let session: UiSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});


async function openTerminalSettings(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('group', { name: 'Terminal access' }).waitFor();
}

test('Settings: terminal access is off by default, with its one-sentence meaning, the session length and the command-line tool', async () => {
  session = await startUiSession({ configured: true, viewport: { width: 440, height: 640 } });
  const { page } = session;
  await page.getByRole('heading', { name: /^Accounts/ }).waitFor();
  assert.equal((await appState(page)).terminal.enabled, false);
  await openTerminalSettings(page);
  const section = page.getByRole('group', { name: 'Terminal access' });
  const toggle = section.getByRole('checkbox', { name: 'Allow terminal access' });
  assert.equal(await toggle.isChecked(), false, 'off by default');
  assert.match((await section.locator('.field-hint').first().innerText()).trim(), /Scripts and shells on this computer may then ask this app for a token/);
  assert.equal(await section.getByRole('spinbutton', { name: 'An approved terminal session ends after' }).inputValue(), '10');
  assert.equal(await section.getByRole('list', { name: 'Approved terminal sessions' }).count(), 0, 'no session while off');
  assert.equal(await section.getByLabel('Socket path').count(), 0, 'no socket while off');
  await section.getByRole('button', { name: 'Install command-line tool' }).waitFor();
  await section.getByRole('checkbox', { name: 'Allow terminal access' }).scrollIntoViewIfNeeded();
  await checkScreen(page, 'terminal-01-settings-off');
  assert.deepEqual(session.pageErrors, []);
});

test('a terminal asks, the prompt names it above any screen; Escape denies, Allow approves; the session shows in Settings and Revoke ends it', { timeout: 120_000 }, async () => {
  session = await startUiSession({ configured: true, viewport: { width: 440, height: 640 } });
  const { page, context, host, sandbox, dataDir } = session;
  const env = { AIRISK_TOKEN_TRAY_DATA_DIR: dataDir };
  await page.getByRole('button', { name: '+ Sign in' }).click();
  await page.getByRole('textbox', { name: 'User id (optional)' }).fill('user_42');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await approveInNewTab(context, 'approve', { host });
  await page.bringToFront();

  await openTerminalSettings(page);
  await page.getByRole('checkbox', { name: 'Allow terminal access' }).check();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByRole('form', { name: 'App settings' }).getByText('Settings saved.').waitFor();
  await page.getByText(/access\.sock|\\\\\.\\pipe\\/).waitFor();

  // Escape denies: the command is refused, and focus started on Deny (a stray Enter never approves).
  const denied = runCliProcess(['header', '--user', 'user_42'], env);
  const prompt = page.getByRole('dialog', { name: 'A terminal asks for a token' });
  await prompt.waitFor();
  assert.match(await prompt.innerText(), /asks for the token of user_42/);
  assert.match(await prompt.innerText(), /answer within \d+ s/i);
  assert.equal(await prompt.getByRole('button', { name: 'Deny' }).evaluate((button) => button === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement), true, 'focus starts on Deny');
  await checkScreen(page, 'terminal-02-consent');
  await page.keyboard.press('Escape');
  await prompt.waitFor({ state: 'detached' });
  assert.equal((await denied.exit).code, 1, 'denied: exit 1');

  // Allow for the session length: the printed header works on AIRisk, and the session is listed.
  const allowed = runCliProcess(['header', '--user', 'user_42'], env);
  await prompt.waitFor();
  await prompt.getByRole('button', { name: /^Allow for 10 minutes$/ }).click();
  const { code, stdout } = await allowed.exit;
  assert.equal(code, 0);
  assert.equal((await whoAmI(sandbox, stdout.trim().replace(/^Authorization: /, ''))).status, 200, '/api/me accepts the printed header');
  const sessions = page.getByRole('list', { name: 'Approved terminal sessions' });
  await sessions.getByText(/expires in \d+ min/).waitFor();
  await checkScreen(page, 'terminal-03-session');

  // The account shows who read it; a revoked session is asked again.
  const state = await appState(page);
  assert.match(state.accounts.find((account) => account.userid === 'user_42')?.lastTerminalRead?.client ?? '', /pid \d+/);
  await sessions.getByRole('button', { name: /^Revoke / }).click();
  await sessions.waitFor({ state: 'detached' });
  const again = runCliProcess(['header', '--user', 'user_42'], env);
  await prompt.waitFor();
  await prompt.getByRole('button', { name: 'Deny' }).click();
  assert.equal((await again.exit).code, 1);
  assert.deepEqual(session.pageErrors, []);
});
