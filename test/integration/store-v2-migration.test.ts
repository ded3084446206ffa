/**
 * The v2 → v3 store migration against test/fixtures/store-v2.json, a file the schema-v2 code wrote
 * (with the script in `git show 228aa47:test/support/write-v2-fixture.ts`, run at fedf1aa): opened from a real file with the real
 * vault and cipher, it keeps every account, token, label, active flag and setting, on one
 * connection named "AIRisk" whose sealed client secret still decrypts for its origin.
 */
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createAesGcmCipher } from '../../src-main/core/vault/aes-gcm-cipher.ts';
import { openConfDocumentStore } from '../../src-main/core/vault/conf-document-store.ts';
import { Vault } from '../../src-main/core/vault/vault.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

async function openFixture(t: { after: (fn: () => Promise<void>) => void }): Promise<{ vault: Vault; directory: string; v2: Record<string, unknown> }> {
  const directory = await mkdtemp(join(tmpdir(), 'store-v2-migration-'));
  t.after(() => rm(directory, { recursive: true, force: true }));
  await copyFile(join(FIXTURES, 'store-v2.json'), join(directory, 'airisk-token-tray.json'));
  const key = await readFile(join(FIXTURES, 'store-v2.key'));
  const { store } = openConfDocumentStore({ directory });
  const vault = await Vault.open({ store, cipher: createAesGcmCipher(key) });
  const v2 = JSON.parse(await readFile(join(FIXTURES, 'store-v2.json'), 'utf8')) as Record<string, unknown>;
  return { vault, directory, v2 };
}

test('a v2 store written by the v2 code migrates to v3: every account, token, label, active flag and setting survives on one connection "AIRisk"', async (t) => {
  const { vault, directory, v2 } = await openFixture(t);
  const [connection, ...others] = vault.connections();
  assert.deepEqual(others, [], 'the one configuration becomes one connection');
  assert.ok(connection !== undefined);
  assert.deepEqual(
    { ...connection, id: 'x' },
    {
      id: 'x',
      name: 'AIRisk',
      baseUrl: 'https://staging.airisk.example.com',
      authorizePath: '/api/oauth2/Authorize',
      tokenPath: '/api/oauth2/Token',
      clientId: 'tray-client',
      redirectUri: 'http://127.0.0.1:8765/callback',
      bodyEncoding: 'json',
      scope: 'api',
      issuer: 'https://staging.airisk.example.com',
      clientSecretStored: 'disk',
    },
  );
  assert.deepEqual(vault.settings, { expiryLeadSeconds: 600, clipboardClearSeconds: 30, startAtLogin: false, startHidden: true, allowWeakEncryption: false, allowTerminalAccess: false, terminalSessionMinutes: 10, defaultCopyFormat: 'header', globalShortcut: '', checkForUpdatesAutomatically: true });

  const v2Accounts = v2.accounts as { id: string; userid: string | null; label: string; expiration: string; obtainedAt: string; clockSkewMs: number; lastUsedAt: string | null }[];
  const byId = new Map(vault.accounts().map((account) => [account.id, account]));
  assert.equal(byId.size, 3);
  for (const old of v2Accounts) {
    const account = byId.get(old.id);
    assert.ok(account !== undefined, `account ${old.id} survives`);
    assert.deepEqual(
      { userid: account.userid, label: account.label, expiration: account.expiration, obtainedAt: account.obtainedAt, clockSkewMs: account.clockSkewMs, lastUsedAt: account.lastUsedAt, connectionId: account.connectionId, needsSignIn: account.needsSignIn },
      { userid: old.userid, label: old.label, expiration: old.expiration, obtainedAt: old.obtainedAt, clockSkewMs: old.clockSkewMs, lastUsedAt: old.lastUsedAt, connectionId: connection.id, needsSignIn: false },
    );
  }
  assert.equal(byId.get(v2Accounts[2]?.id ?? '')?.label, 'Alice (QA)', 'the renamed label');
  assert.equal(vault.activeAccountId, v2.activeAccountId, 'the active account');
  const tokens = await Promise.all(v2Accounts.map((old) => vault.readToken(old.id)));
  assert.deepEqual(tokens, ['generic-token-v2', 'user-42-token-v2', 'alice-token-v2'], 'every token still decrypts');
  assert.deepEqual(await vault.readClientSecret(connection.id), { secret: 'v2-client-secret' }, 'the sealed secret still decrypts for its origin');
  assert.deepEqual(vault.warnings.map((warning) => warning.kind), ['store-migrated']);
  assert.match(vault.warnings[0]?.message ?? '', /upgraded from schema version 2 to 3/);

  const written = JSON.parse(await readFile(join(directory, 'airisk-token-tray.json'), 'utf8')) as { schemaVersion: number; settings: Record<string, unknown>; connections: { clientSecret: unknown }[] };
  assert.equal(written.schemaVersion, 3, 'the migrated document is written back at once');
  assert.equal('clientId' in written.settings, false, 'settings keep only app-wide settings');
  assert.deepEqual(written.connections[0]?.clientSecret, (v2.settings as Record<string, unknown>).clientSecret, 'the sealed secret is carried over as it was');
});

test('the migrated store opens again as v3 without migrating twice', async (t) => {
  const { vault, directory } = await openFixture(t);
  await vault.flush();
  const key = await readFile(join(FIXTURES, 'store-v2.key'));
  const again = await Vault.open({ store: openConfDocumentStore({ directory }).store, cipher: createAesGcmCipher(key) });
  assert.deepEqual(again.warnings, []);
  assert.deepEqual(again.connections(), vault.connections());
  assert.deepEqual(again.accounts(), vault.accounts());
});
