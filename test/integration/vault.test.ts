import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import { DEFAULT_CONNECTION_FIELDS, DEFAULT_SETTINGS } from '../../src-main/core/settings/stored-settings.ts';
import { createAesGcmCipher, loadOrCreateKeyFile } from '../../src-main/core/vault/aes-gcm-cipher.ts';
import type { CipherDescription, CipherPort, ProtectionStrength } from '../../src-main/core/vault/cipher-port.ts';
import { openConfDocumentStore } from '../../src-main/core/vault/conf-document-store.ts';
import { createNoEncryptionCipher } from '../../src-main/core/vault/no-encryption-cipher.ts';
import { Vault, type SaveTokenInput } from '../../src-main/core/vault/vault.ts';

const STORE_FILE = 'airisk-token-tray.json';
/** 2026-11-28T21:03:26.789Z, so moved-aside names are predictable. */
const FIXED_NOW = Date.UTC(2026, 10, 28, 21, 3, 26, 789);
const KEY_A = randomBytes(32);
const KEY_B = randomBytes(32);
const WEAK: Partial<CipherDescription> = { backend: 'basic_text', strength: 'weak', detail: 'Linux basic_text: a hard-coded password, not real protection.' };

// ---- test doubles -------------------------------------------------------------------------------

/** TEST DOUBLE: wraps a cipher and counts encrypt/decrypt calls. */
interface CountingCipherForTests extends CipherPort {
  readonly counts: { encrypt: number; decrypt: number };
}

function countingCipherForTests(inner: CipherPort): CountingCipherForTests {
  const counts = { encrypt: 0, decrypt: 0 };
  return {
    counts,
    describe: () => inner.describe(),
    encrypt: (plaintext) => {
      counts.encrypt += 1;
      return inner.encrypt(plaintext);
    },
    decrypt: (ciphertext) => {
      counts.decrypt += 1;
      return inner.decrypt(ciphertext);
    },
  };
}

/**
 * TEST DOUBLE: a cipher that protects nothing (ciphertext = base64 of the plaintext) and claims the
 * given strength. It proves the vault never lets a weak/none cipher put a token on disk in memory-only mode.
 */
function base64PlaintextCipherForTests(strength: ProtectionStrength): CipherPort {
  return {
    describe: () => Promise.resolve({ backend: `plain-${strength}`, strength, detail: 'Test double: no protection at all.' }),
    encrypt: (plaintext) => Promise.resolve(Buffer.from(plaintext, 'utf8').toString('base64')),
    decrypt: (ciphertext) => Promise.resolve({ plaintext: Buffer.from(ciphertext, 'base64').toString('utf8'), shouldReEncrypt: false }),
  };
}

/**
 * TEST DOUBLE: like safeStorage after a key rotation. It reads the plain AES cipher's ciphertexts but
 * asks for re-encryption; what it writes itself carries a `rotated:` prefix and needs none.
 */
function rotatingCipherForTests(key: Buffer): CipherPort {
  const aes = createAesGcmCipher(key);
  return {
    describe: () => aes.describe(),
    encrypt: async (plaintext) => `rotated:${await aes.encrypt(plaintext)}`,
    decrypt: async (ciphertext) => {
      const rotated = ciphertext.startsWith('rotated:');
      const { plaintext } = await aes.decrypt(rotated ? ciphertext.slice('rotated:'.length) : ciphertext);
      return { plaintext, shouldReEncrypt: !rotated };
    },
  };
}

// ---- helpers ------------------------------------------------------------------------------------

async function tempDirectory(t: TestContext): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'airisk-vault-'));
  t.after(() => rm(directory, { recursive: true, force: true }));
  return directory;
}

/** Opens the vault in `directory`; a store without connections gets one, "AIRisk" (as first-run setup would add), unless `bare`. */
async function openVault(directory: string, cipher: CipherPort = createAesGcmCipher(KEY_A), bare = false): Promise<Vault> {
  const { store, recovered } = openConfDocumentStore({ directory, now: () => FIXED_NOW });
  const vault = await Vault.open({ store, cipher, recovered, now: () => FIXED_NOW });
  if (!bare && vault.connections().length === 0) vault.addConnection(DEFAULT_CONNECTION_FIELDS);
  return vault;
}

/** The id of the vault's first connection (the one openVault adds). */
function firstConnection(vault: Vault): string {
  const id = vault.connections()[0]?.id;
  if (id === undefined) throw new Error('the vault has no connection');
  return id;
}

/** The first connection's client secret as a sign-in would get it (undefined: none, or not usable). */
async function secretOf(vault: Vault): Promise<string | undefined> {
  return (await vault.readClientSecret(firstConnection(vault))).secret;
}

/** Where the first connection's client secret is. */
function secretStored(vault: Vault): 'disk' | 'memory' | 'none' {
  return vault.connections()[0]?.clientSecretStored ?? 'none';
}

function token(vault: Vault, userid: string | null, accessToken: string, overrides: Partial<SaveTokenInput> = {}): SaveTokenInput {
  return {
    connectionId: firstConnection(vault),
    userid,
    accessToken,
    expiration: new Date('2026-12-01T10:00:00Z'),
    obtainedAt: new Date('2026-11-30T10:00:00Z'),
    clockSkewMs: 1500,
    ...overrides,
  };
}

/** A realistic opaque token (JWT-like) so its base64 forms are meaningful to search for. */
function opaqueToken(name: string): string {
  return `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify({ sub: name, nonce: randomBytes(12).toString('hex') })).toString('base64url')}.${randomBytes(32).toString('base64url')}`;
}

/** The plaintext and every base64/base64url rendering of it at the three byte alignments. */
function encodedForms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const forms = [secret];
  for (let offset = 0; offset < 3; offset += 1) {
    for (const encoding of ['base64', 'base64url'] as const) {
      // Drop the first and last 4 characters, which depend on the neighbouring bytes.
      const encoded = bytes.subarray(offset).toString(encoding);
      forms.push(encoded.slice(4, -4));
    }
  }
  return forms;
}

async function assertFileHidesSecrets(directory: string, secrets: readonly string[]): Promise<void> {
  for (const name of await readdir(directory)) {
    const bytes = await readFile(join(directory, name), 'utf8');
    for (const secret of secrets) {
      for (const form of encodedForms(secret)) {
        assert.equal(bytes.includes(form), false, `${name} contains a form of a secret (${form.slice(0, 12)}…)`);
      }
    }
  }
}

async function storedDocument(directory: string): Promise<{ accounts: { id: string; token: { ciphertext: string; backend: string } | null }[]; connections: { clientSecret: { ciphertext: string; backend: string } | null }[] }> {
  return JSON.parse(await readFile(join(directory, STORE_FILE), 'utf8')) as { accounts: { id: string; token: { ciphertext: string; backend: string } | null }[]; connections: { clientSecret: { ciphertext: string; backend: string } | null }[] };
}

// ---- accounts and the active choice -------------------------------------------------------------

describe('accounts', () => {
  test('the first account becomes active', async (t) => {
    const vault = await openVault(await tempDirectory(t));
    assert.equal(vault.activeAccountId, null);
    const first = await vault.saveToken(token(vault, 'user_42', 'tok-1'));
    assert.equal(vault.activeAccountId, first.id);
    await vault.saveToken(token(vault, null, 'tok-2'));
    assert.equal(vault.activeAccountId, first.id, 'a later account does not take over');
  });

  test('a new account gets a random id, the default label and the token metadata', async (t) => {
    const vault = await openVault(await tempDirectory(t));
    const generic = await vault.saveToken(token(vault, null, 'tok-g'));
    const user = await vault.saveToken(token(vault, 'user_42', 'tok-u', { clockSkewMs: -320 }));
    assert.match(generic.id, /^[0-9a-f-]{36}$/);
    assert.notEqual(generic.id, user.id);
    assert.equal(generic.label, 'Generic');
    assert.equal(user.label, 'user_42');
    assert.deepEqual(
      { expiration: user.expiration, obtainedAt: user.obtainedAt, clockSkewMs: user.clockSkewMs, lastUsedAt: user.lastUsedAt, needsSignIn: user.needsSignIn, tokenStored: user.tokenStored },
      { expiration: '2026-12-01T10:00:00.000Z', obtainedAt: '2026-11-30T10:00:00.000Z', clockSkewMs: -320, lastUsedAt: null, needsSignIn: false, tokenStored: 'disk' },
    );
  });

  test('signing in again with the same userid replaces the token and keeps label, id, last use and the active choice', async (t) => {
    const vault = await openVault(await tempDirectory(t));
    const generic = await vault.saveToken(token(vault, null, 'tok-g'));
    const first = await vault.saveToken(token(vault, 'user_42', 'old-token'));
    vault.rename(first.id, 'Team 42');
    vault.markUsed(first.id);
    vault.setActive(first.id);
    const again = await vault.saveToken(token(vault, 'user_42', 'new-token', { expiration: new Date('2027-01-01T00:00:00Z'), obtainedAt: new Date('2026-12-31T00:00:00Z'), clockSkewMs: 9 }));
    assert.equal(again.id, first.id);
    assert.equal(again.label, 'Team 42');
    assert.equal(again.lastUsedAt, new Date(FIXED_NOW).toISOString());
    assert.equal(again.expiration, '2027-01-01T00:00:00.000Z');
    assert.equal(again.obtainedAt, '2026-12-31T00:00:00.000Z');
    assert.equal(again.clockSkewMs, 9);
    assert.equal(vault.activeAccountId, first.id);
    assert.equal(vault.accounts().length, 2);
    assert.equal(await vault.readToken(first.id), 'new-token');
    assert.equal(await vault.readToken(generic.id), 'tok-g');
  });

  test('accounts are listed generic first, then userids case-insensitively', async (t) => {
    const vault = await openVault(await tempDirectory(t));
    for (const userid of ['bob', 'Carol', 'alice', null, 'Bob2']) await vault.saveToken(token(vault, userid, `tok-${userid ?? 'generic'}`));
    assert.deepEqual(vault.accounts().map((account) => account.userid), [null, 'alice', 'bob', 'Bob2', 'Carol']);
  });

  test('removing the active account picks the generic one, then the first in display order, then none', async (t) => {
    const vault = await openVault(await tempDirectory(t));
    const carol = await vault.saveToken(token(vault, 'carol', 't1'));
    const generic = await vault.saveToken(token(vault, null, 't2'));
    const alice = await vault.saveToken(token(vault, 'Alice', 't3'));
    const bob = await vault.saveToken(token(vault, 'bob', 't4'));
    vault.setActive(bob.id);
    vault.remove(bob.id);
    assert.equal(vault.activeAccountId, generic.id, 'generic first');
    vault.remove(generic.id);
    assert.equal(vault.activeAccountId, alice.id, 'then the first userid, case-insensitively');
    vault.remove(carol.id);
    assert.equal(vault.activeAccountId, alice.id, 'removing an inactive account keeps the choice');
    vault.remove(alice.id);
    assert.equal(vault.activeAccountId, null);
    assert.deepEqual(vault.accounts(), []);
  });

  test('accounts, labels, the active choice, settings and tokens persist across reopen', async (t) => {
    const directory = await tempDirectory(t);
    const vault = await openVault(directory);
    await vault.saveToken(token(vault, null, 'tok-g'));
    const user = await vault.saveToken(token(vault, 'user_7', 'tok-7'));
    vault.rename(user.id, '  Seven  ');
    vault.setActive(user.id);
    vault.markUsed(user.id);
    vault.updateConnection(firstConnection(vault), { clientId: 'client-abc' });
    await vault.updateSettings({ clipboardClearSeconds: 30 });

    const reopened = await openVault(directory);
    assert.deepEqual(reopened.accounts(), vault.accounts());
    assert.equal(reopened.activeAccountId, user.id);
    assert.equal(reopened.accounts()[1]?.label, 'Seven');
    assert.deepEqual(reopened.settings, { ...DEFAULT_SETTINGS, clipboardClearSeconds: 30 });
    assert.deepEqual(reopened.connections(), vault.connections());
    assert.equal(reopened.connections()[0]?.clientId, 'client-abc');
    assert.equal(await reopened.readToken(user.id), 'tok-7');
    assert.deepEqual(reopened.warnings, []);
  });

  test('labels are trimmed, 1 to 64 characters, without control characters', async (t) => {
    const vault = await openVault(await tempDirectory(t));
    const { id } = await vault.saveToken(token(vault, null, 'tok'));
    assert.throws(() => vault.rename(id, '   '), /A label cannot be empty\./);
    assert.throws(() => vault.rename(id, 'x'.repeat(65)), /at most 64 characters; this one has 65/);
    assert.throws(() => vault.rename(id, 'tab\there'), /control characters/);
    vault.rename(id, ` ${'é'.repeat(64)} `);
    assert.equal(vault.accounts()[0]?.label, 'é'.repeat(64));
  });

  test('unknown account ids throw a clear error', async (t) => {
    const vault = await openVault(await tempDirectory(t));
    const message = /There is no account with id "nope"\./;
    await assert.rejects(vault.readToken('nope'), message);
    assert.throws(() => vault.markUsed('nope'), message);
    assert.throws(() => vault.remove('nope'), message);
    assert.throws(() => vault.setActive('nope'), message);
    assert.throws(() => vault.rename('nope', 'x'), message);
  });

  test('a token with an unusable userid or empty value is refused', async (t) => {
    const vault = await openVault(await tempDirectory(t));
    await assert.rejects(vault.saveToken(token(vault, 'two words', 'tok')), /A userid has 1 to 128 characters/);
    await assert.rejects(vault.saveToken(token(vault, 'user', '')), /The access token is empty/);
    await assert.rejects(vault.saveToken(token(vault, 'user', 'tok', { expiration: new Date(Number.NaN) })), /expiration is not a valid date/);
    assert.deepEqual(vault.accounts(), []);
  });

  test('markUsed records the time from the clock', async (t) => {
    const vault = await openVault(await tempDirectory(t));
    const { id } = await vault.saveToken(token(vault, null, 'tok'));
    vault.markUsed(id);
    assert.equal(vault.accounts()[0]?.lastUsedAt, '2026-11-28T21:03:26.789Z');
  });

  test('onChange fires after every persisted change and stops after unsubscribing', async (t) => {
    const directory = await tempDirectory(t);
    const vault = await openVault(directory);
    const seen: string[] = [];
    const unsubscribe = vault.onChange(() => seen.push(vault.accounts().map((account) => account.label).join(',')));
    const { id } = await vault.saveToken(token(vault, null, 'tok'));
    vault.rename(id, 'Renamed');
    vault.markUsed(id);
    await vault.updateSettings({ startHidden: true });
    assert.deepEqual(seen, ['Generic', 'Renamed', 'Renamed', 'Renamed']);
    assert.equal((await openVault(directory)).accounts()[0]?.label, 'Renamed', 'the change was on disk when the listener ran');
    unsubscribe();
    vault.remove(id);
    assert.equal(seen.length, 4);
  });
});

// ---- the store file -----------------------------------------------------------------------------

describe('store file', () => {
  test('the file is created with mode 0600 and an older 0644 file is tightened on write', { skip: process.platform === 'win32' }, async (t) => {
    const directory = await tempDirectory(t);
    const vault = await openVault(directory);
    await vault.saveToken(token(vault, null, 'tok'));
    const path = join(directory, STORE_FILE);
    assert.equal((await stat(path)).mode & 0o777, 0o600);
    await chmod(path, 0o644);
    vault.markUsed(vault.accounts()[0]?.id ?? '');
    assert.equal((await stat(path)).mode & 0o777, 0o600);
  });

  const unreadable: [string, string, RegExp][] = [
    ['is not JSON', '{"schemaVersion": 2, "accounts": [', /The store file is not valid JSON\./],
    ['is empty', '', /The store file is empty\./],
    ['is JSON but not an object', '[1, 2, 3]', /The store file holds JSON that is not an object\./],
    ['fails validation', JSON.stringify({ schemaVersion: 2, accounts: [{ id: 'x' }], activeAccountId: null }), /The store file is not a valid store: accounts\[0\]\.label is not text\./],
  ];
  for (const [problem, content, reason] of unreadable) {
    test(`a store file that ${problem} is moved aside with its bytes intact and the app starts empty`, async (t) => {
      const directory = await tempDirectory(t);
      await writeFile(join(directory, STORE_FILE), content);
      const vault = await openVault(directory);
      const movedTo = join(directory, 'airisk-token-tray.corrupt-2026-11-28T21-03-26Z.json');
      assert.equal(await readFile(movedTo, 'utf8'), content);
      assert.deepEqual(vault.accounts(), []);
      assert.deepEqual(vault.settings, DEFAULT_SETTINGS);
      assert.equal(vault.warnings.length, 1);
      assert.equal(vault.warnings[0]?.kind, 'store-recovered');
      assert.match(vault.warnings[0]?.message ?? '', reason);
      assert.ok(vault.warnings[0]?.message.includes(movedTo), 'the warning says where the file went');
      await vault.saveToken(token(vault, null, 'tok'));
      assert.equal(await readFile(movedTo, 'utf8'), content, 'later writes never touch the moved file');
      assert.deepEqual((await readdir(directory)).sort(), ['airisk-token-tray.corrupt-2026-11-28T21-03-26Z.json', STORE_FILE]);
    });
  }

  test('a second recovery in the same second does not overwrite the first moved file', async (t) => {
    const directory = await tempDirectory(t);
    await writeFile(join(directory, STORE_FILE), 'first');
    await openVault(directory);
    await writeFile(join(directory, STORE_FILE), 'second');
    const vault = await openVault(directory);
    assert.equal(await readFile(join(directory, 'airisk-token-tray.corrupt-2026-11-28T21-03-26Z.json'), 'utf8'), 'first');
    assert.equal(await readFile(join(directory, 'airisk-token-tray.corrupt-2026-11-28T21-03-26Z-2.json'), 'utf8'), 'second');
    assert.equal(vault.warnings[0]?.kind, 'store-recovered');
  });

  test('a store file from a newer schema version is moved aside, not overwritten', async (t) => {
    const directory = await tempDirectory(t);
    const newer = JSON.stringify({ schemaVersion: 4, accounts: [], somethingNew: true }, null, '\t');
    await writeFile(join(directory, STORE_FILE), newer);
    const vault = await openVault(directory);
    const movedTo = join(directory, 'airisk-token-tray.newer-2026-11-28T21-03-26Z.json');
    assert.equal(await readFile(movedTo, 'utf8'), newer);
    assert.equal(vault.warnings[0]?.kind, 'store-recovered');
    assert.match(vault.warnings[0]?.message ?? '', /written by a newer version of AIRisk Token Tray \(store schema version 4; this version reads up to 3\)/);
    await vault.saveToken(token(vault, null, 'tok'));
    assert.equal(await readFile(movedTo, 'utf8'), newer);
  });

  test('a version 1 store file is migrated, written back as version 3, and says so once', async (t) => {
    const directory = await tempDirectory(t);
    const key = createAesGcmCipher(KEY_A);
    const ciphertext = await key.encrypt('tok-old');
    await writeFile(
      join(directory, STORE_FILE),
      JSON.stringify({
        schemaVersion: 1,
        tokens: { user_1: { expiration: '2026-12-01T10:00:00Z', obtainedAt: '2026-11-30T10:00:00Z', lastUsedAt: null, token: { ciphertext, backend: 'node-aes-256-gcm' } } },
        active: 'user_1',
      }),
    );
    const vault = await openVault(directory, key);
    assert.deepEqual(vault.warnings.map((warning) => warning.kind), ['store-migrated']);
    assert.match(vault.warnings[0]?.message ?? '', /upgraded from schema version 1 to 3/);
    const [account] = vault.accounts();
    assert.equal(account?.label, 'user_1');
    assert.equal(vault.activeAccountId, account?.id);
    assert.equal(await vault.readToken(account?.id ?? ''), 'tok-old');
    assert.equal(JSON.parse(await readFile(join(directory, STORE_FILE), 'utf8')).schemaVersion, 3);
    assert.deepEqual(vault.connections().map((connection) => connection.name), ['AIRisk'], 'on one connection "AIRisk"');
    assert.equal(account?.connectionId, vault.connections()[0]?.id);
    assert.deepEqual((await openVault(directory, key)).warnings, []);
  });

  test('the file never contains a token or the client secret, in plain text or base64', async (t) => {
    const directory = await tempDirectory(t);
    const secrets = [opaqueToken('generic'), opaqueToken('user_1'), `secret-${randomBytes(16).toString('hex')}`];
    const [generic, user, clientSecret] = secrets as [string, string, string];
    const vault = await openVault(directory);
    await vault.saveToken(token(vault, null, generic));
    const account = await vault.saveToken(token(vault, 'user_1', user));
    await vault.setClientSecret(firstConnection(vault), clientSecret);
    await vault.readToken(account.id);
    vault.markUsed(account.id);
    await assertFileHidesSecrets(directory, secrets);
    const reopened = await openVault(directory);
    assert.equal(await reopened.readToken(account.id), user);
    assert.equal(await secretOf(reopened), clientSecret);
  });
});

// ---- protection ---------------------------------------------------------------------------------

describe('protection', () => {
  test('a weak cipher without opt-in keeps tokens in memory only, says why, and needs a sign-in after restart', async (t) => {
    const directory = await tempDirectory(t);
    const cipher = countingCipherForTests(createAesGcmCipher(KEY_A, WEAK));
    const vault = await openVault(directory, cipher);
    const secret = opaqueToken('weak');
    const saved = await vault.saveToken(token(vault, 'user_1', secret));
    assert.equal(saved.tokenStored, 'memory');
    assert.equal(saved.needsSignIn, false);
    assert.equal(await vault.readToken(saved.id), secret);
    assert.equal(cipher.counts.encrypt, 0, 'nothing was encrypted');
    assert.deepEqual(vault.warnings.map((warning) => warning.kind), ['tokens-in-memory-only']);
    assert.match(vault.warnings[0]?.message ?? '', /No keyring is available \(basic_text\), so tokens are kept in memory only/);
    assert.match(vault.warnings[0]?.message ?? '', /install or unlock GNOME Keyring or KWallet, or allow weak encryption in Settings/);
    assert.equal((await storedDocument(directory)).accounts[0]?.token, null);
    await assertFileHidesSecrets(directory, [secret]);

    const restarted = await openVault(directory, createAesGcmCipher(KEY_A, WEAK));
    const [account] = restarted.accounts();
    assert.equal(account?.userid, 'user_1', 'the metadata was persisted');
    assert.equal(account?.needsSignIn, true);
    assert.equal(account?.tokenStored, 'none');
    assert.equal(await restarted.readToken(saved.id), undefined);
  });

  test('a weak cipher with opt-in encrypts and persists tokens, with a weak-protection warning', async (t) => {
    const directory = await tempDirectory(t);
    const vault = await openVault(directory, createAesGcmCipher(KEY_A, WEAK));
    await vault.updateSettings({ allowWeakEncryption: true });
    const secret = opaqueToken('weak-opt-in');
    const saved = await vault.saveToken(token(vault, null, secret));
    assert.equal(saved.tokenStored, 'disk');
    assert.deepEqual(vault.warnings.map((warning) => warning.kind), ['weak-encryption']);
    assert.match(vault.warnings[0]?.message ?? '', /weak protection \(basic_text\)/);
    assert.equal((await storedDocument(directory)).accounts[0]?.token?.backend, 'basic_text');
    await assertFileHidesSecrets(directory, [secret]);
    const restarted = await openVault(directory, createAesGcmCipher(KEY_A, WEAK));
    assert.equal(await restarted.readToken(saved.id), secret);
  });

  test('opting in to weak encryption stores memory-only tokens and the secret; opting out takes them off disk again', async (t) => {
    const directory = await tempDirectory(t);
    const vault = await openVault(directory, createAesGcmCipher(KEY_A, WEAK));
    const { id } = await vault.saveToken(token(vault, null, 'tok-memory'));
    await vault.setClientSecret(firstConnection(vault), 'secret-memory');
    assert.equal(secretStored(vault), 'memory');
    assert.equal((await storedDocument(directory)).connections[0]?.clientSecret, null);

    await vault.updateSettings({ allowWeakEncryption: true });
    assert.equal(vault.accounts()[0]?.tokenStored, 'disk');
    assert.equal(secretStored(vault), 'disk');
    const onDisk = await storedDocument(directory);
    assert.notEqual(onDisk.accounts[0]?.token, null);
    assert.notEqual(onDisk.connections[0]?.clientSecret, null);
    assert.equal(await vault.readToken(id), 'tok-memory');

    await vault.updateSettings({ allowWeakEncryption: false });
    assert.equal(vault.accounts()[0]?.tokenStored, 'memory');
    assert.equal(secretStored(vault), 'memory');
    const offDisk = await storedDocument(directory);
    assert.equal(offDisk.accounts[0]?.token, null);
    assert.equal(offDisk.connections[0]?.clientSecret, null);
    assert.equal(await vault.readToken(id), 'tok-memory');
    assert.equal(await secretOf(vault), 'secret-memory');
  });

  test('no encryption at all keeps tokens and the client secret in memory only, even with opt-in', async (t) => {
    const directory = await tempDirectory(t);
    for (const cipher of [createNoEncryptionCipher(), base64PlaintextCipherForTests('none')]) {
      const vault = await openVault(directory, cipher);
      await vault.updateSettings({ allowWeakEncryption: true });
      const secret = opaqueToken('none');
      const saved = await vault.saveToken(token(vault, null, secret));
      await vault.setClientSecret(firstConnection(vault), 'client-secret-none');
      assert.equal(saved.tokenStored, 'memory');
      assert.equal(secretStored(vault), 'memory');
      assert.equal(await vault.readToken(saved.id), secret);
      assert.equal(await secretOf(vault), 'client-secret-none');
      assert.deepEqual(vault.warnings.map((warning) => warning.kind), ['tokens-in-memory-only']);
      assert.match(vault.warnings[0]?.message ?? '', /No encryption is available on this system/);
      await assertFileHidesSecrets(directory, [secret, 'client-secret-none']);
    }
  });

  test('a weak test double that does not encrypt at all never reaches the file without opt-in', async (t) => {
    const directory = await tempDirectory(t);
    const vault = await openVault(directory, base64PlaintextCipherForTests('weak'));
    const secret = opaqueToken('weak-plain');
    await vault.saveToken(token(vault, 'user_1', secret));
    await vault.setClientSecret(firstConnection(vault), 'client-secret-weak');
    await assertFileHidesSecrets(directory, [secret, 'client-secret-weak']);
  });

  test('a token that no longer decrypts marks only its account as needing a sign-in', async (t) => {
    const directory = await tempDirectory(t);
    const before = await openVault(directory, createAesGcmCipher(KEY_A));
    const lost = await before.saveToken(token(before, 'user_lost', 'tok-lost'));
    const after = await openVault(directory, createAesGcmCipher(KEY_B));
    const kept = await after.saveToken(token(after, 'user_new', 'tok-new'));
    let changes = 0;
    after.onChange(() => (changes += 1));
    assert.equal(after.accounts().find((account) => account.id === lost.id)?.needsSignIn, false, 'not known before it is read');
    assert.equal(await after.readToken(lost.id), undefined);
    assert.equal(changes, 1, 'the UI is told');
    const record = after.accounts().find((account) => account.id === lost.id);
    assert.equal(record?.needsSignIn, true);
    assert.equal(record?.label, 'user_lost', 'its metadata is kept');
    assert.equal(await after.readToken(kept.id), 'tok-new', 'the other accounts still work');
    assert.equal(after.accounts().find((account) => account.id === kept.id)?.needsSignIn, false);

    const again = await after.saveToken(token(after, 'user_lost', 'tok-fresh'));
    assert.equal(again.id, lost.id);
    assert.equal(again.needsSignIn, false);
    assert.equal(await after.readToken(lost.id), 'tok-fresh');
  });

  test('shouldReEncrypt makes the vault store the re-encrypted token and client secret', async (t) => {
    const directory = await tempDirectory(t);
    const old = await openVault(directory, createAesGcmCipher(KEY_A));
    const { id } = await old.saveToken(token(old, null, 'tok-rotate'));
    await old.setClientSecret(firstConnection(old), 'secret-rotate');
    const before = await storedDocument(directory);
    assert.ok(before.accounts[0]?.token?.ciphertext.startsWith('v1:'));

    const rotating = await openVault(directory, rotatingCipherForTests(KEY_A));
    let changes = 0;
    rotating.onChange(() => (changes += 1));
    assert.equal(await rotating.readToken(id), 'tok-rotate');
    assert.equal(await secretOf(rotating), 'secret-rotate');
    assert.equal(changes, 2);
    const after = await storedDocument(directory);
    assert.ok(after.accounts[0]?.token?.ciphertext.startsWith('rotated:v1:'));
    assert.match(JSON.stringify(after.connections[0]?.clientSecret), /"ciphertext":"rotated:v1:/);
    assert.equal(await (await openVault(directory, rotatingCipherForTests(KEY_A))).readToken(id), 'tok-rotate');
  });

  test('opening the vault decrypts nothing; every read decrypts once, nothing is cached', async (t) => {
    const directory = await tempDirectory(t);
    const writer = await openVault(directory);
    const ids: string[] = [];
    for (const userid of [null, 'a', 'b']) ids.push((await writer.saveToken(token(writer, userid, `tok-${userid ?? 'g'}`))).id);
    await writer.setClientSecret(firstConnection(writer), 'secret');

    const cipher = countingCipherForTests(createAesGcmCipher(KEY_A));
    const vault = await openVault(directory, cipher);
    vault.accounts();
    void vault.warnings;
    void vault.settings;
    assert.deepEqual(cipher.counts, { encrypt: 0, decrypt: 0 });
    assert.equal(await vault.readToken(ids[1] ?? ''), 'tok-a');
    assert.equal(cipher.counts.decrypt, 1);
    assert.equal(await vault.readToken(ids[1] ?? ''), 'tok-a');
    assert.equal(cipher.counts.decrypt, 2);
    assert.equal(await secretOf(vault), 'secret');
    assert.equal(cipher.counts.decrypt, 3);
  });

  test('the protection the cipher describes is exposed as it is', async (t) => {
    const vault = await openVault(await tempDirectory(t), createAesGcmCipher(KEY_A));
    assert.deepEqual(vault.protection, {
      backend: 'node-aes-256-gcm',
      strength: 'strong',
      detail: 'Tokens are encrypted with AES-256-GCM using a key file held by this Node host (development and test use).',
    });
  });
});

// ---- settings and the client secret -------------------------------------------------------------

describe('settings', () => {
  test('updateSettings persists app-wide settings; a connection field or the client secret in it is never stored', async (t) => {
    const directory = await tempDirectory(t);
    const vault = await openVault(directory);
    await vault.updateSettings({ startAtLogin: true });
    assert.deepEqual((await openVault(directory)).settings, { ...DEFAULT_SETTINGS, startAtLogin: true });
    const sneaky = { clientSecret: { ciphertext: 'x', backend: 'y' }, baseUrl: 'https://evil.example' } as unknown as Parameters<Vault['updateSettings']>[0];
    await vault.updateSettings(sneaky);
    assert.equal('baseUrl' in vault.settings || 'clientSecret' in vault.settings, false);
    const stored = await readFile(join(directory, STORE_FILE), 'utf8');
    assert.equal(stored.includes('evil.example'), false, 'an unknown setting is dropped, never written');
    assert.equal(secretStored(vault), 'none');
  });

  test('updateConnection persists a connection\'s fields', async (t) => {
    const directory = await tempDirectory(t);
    const vault = await openVault(directory);
    vault.updateConnection(firstConnection(vault), { baseUrl: 'https://airisk.test', bodyEncoding: 'json' });
    const [reopened] = (await openVault(directory)).connections();
    assert.deepEqual([reopened?.baseUrl, reopened?.bodyEncoding, reopened?.name], ['https://airisk.test', 'json', 'AIRisk']);
  });

  test('a setting of the wrong type is refused and nothing is written', async (t) => {
    const directory = await tempDirectory(t);
    const vault = await openVault(directory);
    await vault.updateSettings({ startHidden: true });
    const before = await readFile(join(directory, STORE_FILE), 'utf8');
    const wrong = { expiryLeadSeconds: 'soon' } as unknown as Parameters<Vault['updateSettings']>[0];
    await assert.rejects(vault.updateSettings(wrong), /Refusing to write an inconsistent store document\. .*settings\.expiryLeadSeconds is not a number/);
    assert.equal(await readFile(join(directory, STORE_FILE), 'utf8'), before);
    assert.equal(vault.settings.expiryLeadSeconds, DEFAULT_SETTINGS.expiryLeadSeconds);
  });

  test('the client secret is encrypted into settings, readable after reopen, and cleared with null', async (t) => {
    const directory = await tempDirectory(t);
    const vault = await openVault(directory);
    assert.equal(await secretOf(vault), undefined);
    assert.equal(secretStored(vault), 'none');
    await vault.setClientSecret(firstConnection(vault), 's3cr3t-value');
    assert.equal(secretStored(vault), 'disk');
    assert.equal((await storedDocument(directory)).connections[0]?.clientSecret?.backend, 'node-aes-256-gcm');
    assert.equal(await secretOf(await openVault(directory)), 's3cr3t-value');
    await vault.setClientSecret(firstConnection(vault), null);
    assert.equal((await storedDocument(directory)).connections[0]?.clientSecret, null);
    assert.equal(await secretOf(await openVault(directory)), undefined);
  });

  test('a client secret that no longer decrypts reads as undefined', async (t) => {
    const directory = await tempDirectory(t);
    const first = await openVault(directory, createAesGcmCipher(KEY_A));
    await first.setClientSecret(firstConnection(first), 'secret');
    assert.equal(await secretOf(await openVault(directory, createAesGcmCipher(KEY_B))), undefined);
  });
});

// ---- the Node cipher and its key file -----------------------------------------------------------

describe('AES-256-GCM cipher', () => {
  test('round-trips text, with a version prefix and a fresh IV per message', async () => {
    const cipher = createAesGcmCipher(KEY_A);
    const first = await cipher.encrypt('héllo token');
    const second = await cipher.encrypt('héllo token');
    assert.match(first, /^v1:[A-Za-z0-9+/]+=*$/);
    assert.notEqual(first, second);
    assert.deepEqual(await cipher.decrypt(first), { plaintext: 'héllo token', shouldReEncrypt: false });
  });

  test('a tampered ciphertext, another key or an unknown format is refused', async () => {
    const cipher = createAesGcmCipher(KEY_A);
    const ciphertext = await cipher.encrypt('token');
    const bytes = Buffer.from(ciphertext.slice(3), 'base64');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    await assert.rejects(cipher.decrypt(`v1:${bytes.toString('base64')}`), /cannot be decrypted with this key/);
    await assert.rejects(createAesGcmCipher(KEY_B).decrypt(ciphertext), /cannot be decrypted with this key/);
    await assert.rejects(cipher.decrypt(`v9:${ciphertext.slice(3)}`), /unknown format version/);
    await assert.rejects(cipher.decrypt('v1:AAAA'), /too short/);
    assert.throws(() => createAesGcmCipher(randomBytes(16)), /32 bytes long; this one has 16/);
  });

  test('the key file is created once with mode 0600 and then reused', async (t) => {
    const directory = await tempDirectory(t);
    const path = join(directory, 'nested', 'dev-key.bin');
    const [first, concurrent] = await Promise.all([loadOrCreateKeyFile(path), loadOrCreateKeyFile(path)]);
    assert.equal(first.length, 32);
    assert.deepEqual(concurrent, first, 'two concurrent creators agree on one key');
    assert.deepEqual(await loadOrCreateKeyFile(path), first);
    if (process.platform !== 'win32') assert.equal((await stat(path)).mode & 0o777, 0o600);
    assert.deepEqual(await readdir(join(directory, 'nested')), ['dev-key.bin'], 'no temporary files are left');
  });

  test('a key file of the wrong size is refused and left untouched', async (t) => {
    const directory = await tempDirectory(t);
    const path = join(directory, 'dev-key.bin');
    await writeFile(path, 'short');
    await assert.rejects(loadOrCreateKeyFile(path), /holds 5 bytes, not 32; it is left untouched/);
    assert.equal(await readFile(path, 'utf8'), 'short');
  });
});
