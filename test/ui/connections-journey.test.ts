/**
 * Connections in the real UI (the built renderer in Debian Chromium, the real app service behind
 * the browser host, two AIRisk sandboxes on two ports as "Sandbox A" and "Sandbox B"): user_42 signed
 * in on both through the sign-in form's Connection select, the grouped list, each copied header
 * accepted by its own sandbox and refused by the other, an export / import round trip, a check that
 * reports invalid_client for a wrong secret typed into the form (and saves nothing), and removing a
 * connection with tokens. Key screens are checked with axe-core in light and dark and photographed
 * (test-results/screenshots/connections-*). Needs `npm run build` first.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { afterEach, test } from 'node:test';
import type { Locator, Page } from 'playwright';
import type { Sandbox } from '../sandbox/sandbox-server.ts';
import { whoAmI } from '../support/sign-in-fixtures.ts';
import { checkScreen } from './support/check-screen.ts';
import { approveInNewTab, appState, startUiSession } from './support/ui-fixture.ts';
import type { UiSession } from './support/ui-fixture.ts';

const WINDOW = { width: 440, height: 640 } as const;
const SMALL_WINDOW = { width: 360, height: 420 } as const;
/** A secret the sandboxes never issued. */
const WRONG_SECRET = 'not-the-secret-7f3a91c2';

let session: UiSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});


/** user_42's row in the group of `connection` (each row's name says its connection when there are several). */
function accountRow(page: Page, connection: string): Locator {
  return page.getByRole('listitem').filter({ has: page.getByText('user_42', { exact: true }) }).filter({ hasText: `on ${connection}` });
}

function connectionItem(page: Page, name: string): Locator {
  return page.getByRole('group', { name: 'Connections' }).getByRole('listitem').filter({ has: page.getByText(name, { exact: true }) });
}

/** The same screen again in a small window (axe and screenshots), then back to the usual size. */
async function checkSmallScreen(page: Page, name: string): Promise<void> {
  await page.setViewportSize(SMALL_WINDOW);
  await checkScreen(page, `${name}-small`);
  await page.setViewportSize(WINDOW);
}

/** Signs in on `connection`, picked in the "+ Sign in" sheet's Connection select, approved in a new tab (userid '' : the generic token). */
async function signIn(current: UiSession, connection: string, userid: string): Promise<void> {
  const { page, context, host } = current;
  await page.getByRole('button', { name: '+ Sign in' }).click();
  const select = page.getByRole('combobox', { name: 'Connection' });
  await select.selectOption({ label: connection });
  await page.getByRole('textbox', { name: 'User id (optional)' }).fill(userid);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await approveInNewTab(context, 'approve', { host });
  await page.bringToFront();
  const label = userid === '' ? 'Generic' : userid;
  await page.getByRole('listitem').filter({ has: page.getByText(label, { exact: true }) }).filter({ hasText: `on ${connection}` }).waitFor();
}

/** Copy (the default format, the header) on user_42's row of `connection`; returns what the host clipboard then holds. */
async function copyHeader(page: Page, current: UiSession, connection: string): Promise<string> {
  await page.getByRole('button', { name: `Copy for user_42 on ${connection}`, exact: true }).click();
  await page.getByRole('status').filter({ hasText: `Copied header for user_42 on ${connection}` }).waitFor();
  const header = await current.host.clipboard.readText();
  assert.match(header, /^Authorization: Bearer \S+$/);
  return header;
}

async function assertHeaderBelongsTo(header: string, own: Sandbox, other: Sandbox, connection: string): Promise<void> {
  const mine = await whoAmI(own, header);
  assert.equal(mine.status, 200, `${connection}’s header is accepted by its own sandbox`);
  assert.equal((mine.body as { userid: unknown }).userid, 'user_42');
  assert.equal((await whoAmI(other, header)).status, 401, `${connection}’s header is refused by the other sandbox`);
}

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByRole('heading', { name: 'Settings' }).waitFor();
}

/** Check connection in the open form; resolves with the token step's line. */
async function runCheck(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Check connection' }).click();
  const results = page.getByRole('list', { name: 'Check results' });
  await results.waitFor();
  return results.getByRole('listitem').filter({ hasText: 'Token endpoint and client' }).innerText();
}

test('connections: user_42 on two sandboxes, headers kept apart, export and import, a failing check, removal — accessible in both themes', { timeout: 240_000 }, async () => {
  session = await startUiSession({ configured: true, connections: 2, viewport: WINDOW });
  const { page, host, sandbox } = session;
  const second = session.secondSandbox;
  assert.ok(second !== undefined, 'two sandboxes were started');
  const live = page.getByRole('status');

  // 1. user_42 on both connections, picked in the sign-in form; the list groups them.
  await page.getByRole('heading', { name: 'Accounts (0)' }).waitFor();
  await signIn(session, 'Sandbox A', 'user_42');
  await page.getByRole('button', { name: '+ Sign in' }).click();
  const select = page.getByRole('combobox', { name: 'Connection' });
  assert.deepEqual(await select.getByRole('option').allInnerTexts(), ['Sandbox A', 'Sandbox B'], 'the options are the names');
  const originHint = page.locator(`[id="${(await select.getAttribute('aria-describedby')) ?? ''}"]`);
  assert.equal(await originHint.innerText(), sandbox.url, 'the chosen connection’s origin is shown under the select, not cut off inside it');
  await page.keyboard.press('Escape');
  await signIn(session, 'Sandbox B', 'user_42');
  await page.getByRole('heading', { name: 'Accounts (2)' }).waitFor();
  assert.deepEqual(await page.locator('.list-heading-name').allInnerTexts(), ['Sandbox A', 'Sandbox B'], 'one group per connection, in order');
  const signedIn = await appState(page);
  assert.equal(new Set(signedIn.accounts.map((account) => account.connectionId)).size, 2, 'two accounts on two connections');
  await checkScreen(page, 'connections-01-grouped-list');
  await page.setViewportSize(SMALL_WINDOW);
  const title = await page.getByRole('heading', { name: 'AIRisk Token Tray' }).boundingBox();
  assert.ok(title !== null && title.height < 30, `the title keeps to one line beside the tabs at 360 px (${title?.height ?? 0} px high)`);
  const tabs = await page.getByRole('navigation', { name: 'Screens' }).boundingBox();
  assert.ok(tabs !== null && tabs.x + tabs.width <= SMALL_WINDOW.width - 8, `the tabs end inside the header's padding at 360 px (at ${tabs === null ? '?' : tabs.x + tabs.width} px)`);
  await page.setViewportSize(WINDOW);
  await checkSmallScreen(page, 'connections-01-grouped-list');

  // 2. Each header works on its own sandbox only.
  const headerA = await copyHeader(page, session, 'Sandbox A');
  await assertHeaderBelongsTo(headerA, sandbox, second, 'Sandbox A');
  const headerB = await copyHeader(page, session, 'Sandbox B');
  await assertHeaderBelongsTo(headerB, second, sandbox, 'Sandbox B');
  assert.notEqual(headerA, headerB);

  // 3. Export Sandbox A (a download without the secret), import it back.
  await openSettings(page);
  await connectionItem(page, 'Sandbox B').waitFor();
  const editBox = await page.getByRole('button', { name: 'Edit Sandbox A', exact: true }).boundingBox();
  const removeBox = await page.getByRole('button', { name: 'Remove Sandbox A', exact: true }).boundingBox();
  assert.equal(removeBox?.y, editBox?.y, 'at 440 px a connection’s four actions share one line');
  await checkScreen(page, 'connections-02-settings');
  await page.setViewportSize(SMALL_WINDOW);
  const exportBox = await page.getByRole('button', { name: 'Export Sandbox A', exact: true }).boundingBox();
  const wrappedBox = await page.getByRole('button', { name: 'Remove Sandbox A', exact: true }).boundingBox();
  assert.ok(exportBox !== null && wrappedBox !== null && wrappedBox.x + wrappedBox.width >= exportBox.x + exportBox.width, 'wrapped at 360 px, Remove keeps to the right end');
  await page.setViewportSize(WINDOW);
  await checkSmallScreen(page, 'connections-02-settings');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export Sandbox A', exact: true }).click()]);
  assert.equal(download.suggestedFilename(), 'Sandbox A.airisk-connection.json');
  const exportedPath = await download.path();
  const exported = await readFile(exportedPath, 'utf8');
  assert.ok(!exported.includes(sandbox.demoClient.clientSecret), 'the exported file holds no client secret');
  assert.doesNotMatch(exported, /secret/i, 'the exported file has no secret field at all');
  const file = JSON.parse(exported) as { format?: unknown; connection?: { name?: unknown; baseUrl?: unknown; clientId?: unknown } };
  assert.equal(file.format, 'airisk-token-tray/connection');
  assert.deepEqual([file.connection?.name, file.connection?.baseUrl, file.connection?.clientId], ['Sandbox A', sandbox.url, sandbox.demoClient.clientId]);
  await live.filter({ hasText: 'Exported Sandbox A as Sandbox A.airisk-connection.json, without its client secret.' }).waitFor();

  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import…' }).click()]);
  await chooser.setFiles(exportedPath);
  await page.getByRole('heading', { name: 'Edit Sandbox A (imported)' }).waitFor();
  await page.getByText(`Enter the client secret for Sandbox A (imported) only if ${sandbox.url} is your AIRisk.`, { exact: true }).waitFor();
  assert.equal(await page.locator(':focus').getAttribute('id'), 'connection-clientSecret', 'the imported connection opens on its secret');
  assert.equal(await page.getByLabel('Client secret (currently not set)', { exact: true }).count(), 1, 'nothing to replace: the field asks for the secret');
  await checkScreen(page, 'connections-03-imported');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await connectionItem(page, 'Sandbox A (imported)').getByText('Needs a client secret before anyone can sign in.').waitFor();
  const imported = (await appState(page)).connections.find((connection) => connection.name === 'Sandbox A (imported)');
  assert.equal(imported?.configured, false, 'the import is listed, waiting for its secret');

  // 4. A wrong secret typed into the form: the check says invalid_client, and nothing is saved.
  await page.getByRole('button', { name: 'Edit Sandbox A', exact: true }).click();
  await page.getByRole('heading', { name: 'Edit Sandbox A' }).waitFor();
  await page.getByLabel('Replace client secret').fill(WRONG_SECRET);
  const refused = await runCheck(page);
  assert.match(refused, /Token endpoint and client: Failed/);
  assert.match(refused, /invalid_client/);
  assert.match(refused, /client id or secret/);
  await checkScreen(page, 'connections-04-check-invalid-client');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Edit Sandbox A', exact: true }).click();
  await page.getByText('(currently set)').waitFor();
  assert.equal(await page.getByLabel('Replace client secret').inputValue(), '', 'the typed secret is gone with the cancelled form');
  assert.match(await runCheck(page), /Token endpoint and client: OK/, 'the stored secret still works');
  await page.getByRole('button', { name: 'Cancel' }).click();

  // 5. Remove Sandbox B, which holds the active account's token and the generic one.
  await page.getByRole('button', { name: 'Accounts', exact: true }).click();
  await signIn(session, 'Sandbox B', '');
  await page.getByRole('button', { name: 'More actions for user_42 on Sandbox B', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Make active for user_42 on Sandbox B', exact: true }).click();
  await accountRow(page, 'Sandbox B').and(page.locator('.row-active')).waitFor();
  await page.getByRole('region', { name: 'Active account' }).getByText('· Sandbox B').waitFor();
  const beforeRemoval = await appState(page);
  const connectionA = beforeRemoval.connections.find((connection) => connection.name === 'Sandbox A');
  const idOnA = beforeRemoval.accounts.find((account) => account.connectionId === connectionA?.id)?.id;
  assert.ok(idOnA !== undefined && beforeRemoval.activeAccountId !== idOnA, 'the active account is Sandbox B’s');
  await openSettings(page);
  await page.getByRole('button', { name: 'Remove Sandbox B', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove Sandbox B?' });
  await dialog.waitFor();
  await dialog.getByText('This removes its 2 tokens.', { exact: true }).waitFor();
  await checkScreen(page, 'connections-05-confirm-remove');
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
  await live.filter({ hasText: 'Removed Sandbox B.' }).waitFor();
  assert.equal(await connectionItem(page, 'Sandbox B').count(), 0);
  const afterRemoval = await appState(page);
  assert.deepEqual(
    afterRemoval.accounts.map((account) => account.id),
    [idOnA],
    'only Sandbox A’s user_42 is left: Sandbox B’s two tokens went with it',
  );
  assert.equal(afterRemoval.activeAccountId, idOnA, 'the active account moved to the one left');

  // The imported one has no tokens: no count in its question. Then the last connection stays.
  await page.getByRole('button', { name: 'Remove Sandbox A (imported)', exact: true }).click();
  const plain = page.getByRole('dialog', { name: 'Remove Sandbox A (imported)?' });
  await plain.waitFor();
  assert.equal(await plain.getByText(/This removes/).count(), 0, 'a connection without tokens does not speak of tokens');
  await plain.getByRole('button', { name: 'Remove', exact: true }).click();
  await live.filter({ hasText: 'Removed Sandbox A (imported).' }).waitFor();
  const lastRemove = page.getByRole('button', { name: 'Remove Sandbox A', exact: true });
  assert.equal(await lastRemove.isDisabled(), true, 'the last connection cannot be removed');
  const reasonId = (await lastRemove.getAttribute('aria-describedby')) ?? '';
  assert.equal(await page.locator(`[id="${reasonId}"]`).innerText(), 'The last connection cannot be removed.');
  await checkScreen(page, 'connections-06-last-connection');

  await page.getByRole('button', { name: 'Accounts', exact: true }).click();
  await page.getByRole('heading', { name: 'Accounts (1)' }).waitFor();
  assert.equal(await page.locator('.list-heading-name').count(), 0, 'one connection: no groups');
  assert.equal(await page.getByRole('combobox', { name: 'Connection' }).count(), 0, 'one connection: no Connection select');

  // 7. Nothing secret crossed the bridge: no token at all; a client secret only in the requests that send one.
  const traffic = host.traffic;
  for (const header of [headerA, headerB]) {
    const token = header.replace('Authorization: Bearer ', '');
    assert.ok(!traffic.some((entry) => entry.includes(token)), 'no token crossed the bridge');
  }
  assert.ok(!traffic.some((entry) => /eyJ[\w-]+\.[\w-]+\.[\w-]+/.test(entry)), 'nothing JWT-shaped crossed the bridge');
  const withSecret = traffic.filter((entry) => entry.includes(sandbox.demoClient.clientSecret) || entry.includes(WRONG_SECRET));
  assert.ok(withSecret.length > 0, 'the typed secret was sent for the check');
  assert.ok(
    withSecret.every((entry) => entry.startsWith('request saveConnection ') || entry.startsWith('request checkConnection ')),
    'a client secret went only into saveConnection and checkConnection requests',
  );
  assert.equal(traffic.filter((entry) => entry.includes(sandbox.demoClient.clientSecret)).length, 0, 'the stored secret was never sent to the window');

  assert.deepEqual(session.pageErrors, [], 'no page errors (CSP violations would show here)');
});
