import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test, type TestContext } from 'node:test';
import { DEFAULT_CONNECTION_FIELDS } from '../../src-main/core/settings/stored-settings.ts';
import { createAesGcmCipher } from '../../src-main/core/vault/aes-gcm-cipher.ts';
import type { CipherPort } from '../../src-main/core/vault/cipher-port.ts';
import { unsealClientSecret } from '../../src-main/core/vault/client-secret-seal.ts';
import { openConfDocumentStore } from '../../src-main/core/vault/conf-document-store.ts';
import { createNoEncryptionCipher } from '../../src-main/core/vault/no-encryption-cipher.ts';
import { Vault } from '../../src-main/core/vault/vault.ts';
import { startSandbox, type Sandbox } from '../sandbox/sandbox-server.ts';
import { startHostileServer, type HostileServer } from '../support/hostile-server.ts';
import { createNodeApp, type NodeApp } from '../support/node-app.ts';
import { connectSandbox } from '../support/sandbox-settings.ts';
import { ConsentingBrowser } from '../support/sign-in-fixtures.ts';

const KEY = Buffer.alloc(32, 7);
const STORE_FILE = 'airisk-token-tray.json';

async function tempDirectory(t: TestContext): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'airisk-secret-origin-'));
  t.after(() => rm(directory, { recursive: true, force: true }));
  return directory;
}

/** Opens the vault; a store without connections gets one, "AIRisk", as first-run setup would add. */
async function openVault(directory: string, cipher: CipherPort = createAesGcmCipher(KEY)): Promise<Vault> {
  const { store, recovered } = openConfDocumentStore({ directory });
  const vault = await Vault.open({ store, cipher, recovered });
  if (vault.connections().length === 0) vault.addConnection(DEFAULT_CONNECTION_FIELDS);
  return vault;
}

/** The vault's one connection. */
function only(vault: Vault): string {
  const id = vault.connections()[0]?.id;
  if (id === undefined) throw new Error('the vault has no connection');
  return id;
}

/** The one connection's client secret, as a sign-in would get it, and why not. */
function readSecret(vault: Vault): ReturnType<Vault['readClientSecret']> {
  return vault.readClientSecret(only(vault));
}

async function secretOf(vault: Vault): Promise<string | undefined> {
  return (await readSecret(vault)).secret;
}

function moveTo(vault: Vault, baseUrl: string): void {
  vault.updateConnection(only(vault), { baseUrl });
}

type StoreFile = { settings: Record<string, unknown>; connections?: Record<string, unknown>[] } & Record<string, unknown>;

/** The store file's (first) connection: where a v3 file keeps what v2 kept in settings. */
function connectionIn(document: StoreFile): Record<string, unknown> {
  const connection = document.connections?.[0];
  if (connection === undefined) throw new Error('the store file has no connection');
  return connection;
}

const LEGACY_PROBLEM = (origin: string): string =>
  `The client secret was saved by an earlier version without the AIRisk address it is for; enter it again for ${origin} (needed once after the update). A secret is only ever sent to the address it was entered for.`;

/** Writes a store as versions before the origin binding did: the bare secret encrypted, no origin anywhere. Returns that ciphertext. */
async function writeLegacyStore(directory: string, cipher: CipherPort, baseUrl: string, secret = 'legacy-secret'): Promise<{ ciphertext: string; backend: string }> {
  const clientSecret = { ciphertext: await cipher.encrypt(secret), backend: (await cipher.describe()).backend };
  const settings = { baseUrl, clientId: 'c', clientSecret };
  await writeFile(join(directory, STORE_FILE), JSON.stringify({ schemaVersion: 2, accounts: [], activeAccountId: null, settings }));
  return clientSecret;
}

/** What the store file's client secret decrypts to. */
async function storedSecretPlaintext(directory: string, cipher: CipherPort): Promise<string> {
  const document = JSON.parse(await readFile(join(directory, STORE_FILE), 'utf8')) as StoreFile;
  const stored = (document.connections === undefined ? document.settings.clientSecret : connectionIn(document).clientSecret) as { ciphertext: string };
  return (await cipher.decrypt(stored.ciphertext)).plaintext;
}

/** Edits the store file on disk, as another program running as the same user could. */
async function editStoreFile(directory: string, edit: (document: StoreFile) => void): Promise<void> {
  const path = join(directory, STORE_FILE);
  const document = JSON.parse(await readFile(path, 'utf8')) as StoreFile;
  edit(document);
  await writeFile(path, JSON.stringify(document));
}

describe('the vault binds the client secret to the base URL\'s origin', () => {
  test('another origin does not get the secret until it is entered again; a path change keeps it; a new secret binds to the new origin', async (t) => {
    const vault = await openVault(await tempDirectory(t));
    moveTo(vault, 'https://a.example');
    await vault.setClientSecret(only(vault), 'secret-a');
    moveTo(vault, 'https://a.example/airisk');
    assert.equal(await secretOf(vault), 'secret-a', 'same origin, other path');
    moveTo(vault, 'https://b.example');
    assert.equal(await secretOf(vault), undefined);
    const problem = 'The client secret was saved for https://a.example; enter it again for https://b.example. A secret is only ever sent to the address it was entered for.';
    assert.deepEqual(await readSecret(vault), { secret: undefined, problem, savedFor: 'https://a.example' });
    await vault.setClientSecret(only(vault), 'secret-b');
    assert.deepEqual(await readSecret(vault), { secret: 'secret-b' });
  });

  test('a secret kept in memory only is bound the same way', async (t) => {
    const vault = await openVault(await tempDirectory(t), createNoEncryptionCipher());
    moveTo(vault, 'https://a.example');
    await vault.setClientSecret(only(vault), 'secret-memory');
    assert.equal(vault.connections()[0]?.clientSecretStored, 'memory');
    assert.equal(await secretOf(vault), 'secret-memory');
    moveTo(vault, 'https://b.example');
    assert.equal(await secretOf(vault), undefined);
    assert.match((await readSecret(vault)).problem ?? '', /saved for https:\/\/a\.example/);
  });

  test('a bare secret saved before the binding is never sent: it must be entered again once, and is then sealed', async (t) => {
    const directory = await tempDirectory(t);
    const cipher = createAesGcmCipher(KEY);
    await writeLegacyStore(directory, cipher, 'https://a.example');
    const vault = await openVault(directory, cipher);
    assert.deepEqual(await readSecret(vault), { secret: undefined, problem: LEGACY_PROBLEM('https://a.example') });
    assert.equal(await storedSecretPlaintext(directory, cipher), 'legacy-secret', 'nothing was rewritten on read');
    await vault.setClientSecret(only(vault), 'legacy-secret');
    assert.deepEqual(await readSecret(vault), { secret: 'legacy-secret' });
    assert.deepEqual(unsealClientSecret(await storedSecretPlaintext(directory, cipher)), { secret: 'legacy-secret', origin: 'https://a.example' });
  });

  test('a bare secret restored over a sealed one, with the base URL edited and the recorded origin deleted, is not handed out for the new origin', async (t) => {
    const directory = await tempDirectory(t);
    const cipher = createAesGcmCipher(KEY);
    const bare = await writeLegacyStore(directory, cipher, 'https://a.example');
    await readSecret(await openVault(directory, cipher));
    await editStoreFile(directory, (document) => {
      Object.assign(connectionIn(document), { clientSecret: bare, baseUrl: 'https://evil.example' });
      delete connectionIn(document).clientSecretOrigin;
    });
    const replayed = await openVault(directory, cipher);
    assert.deepEqual(await readSecret(replayed), { secret: undefined, problem: LEGACY_PROBLEM('https://evil.example') });
    assert.equal(await storedSecretPlaintext(directory, cipher), 'legacy-secret', 'not sealed to the edited origin');
  });

  test('editing the plain settings — base URL and the recorded origin — cannot redirect the sealed secret', async (t) => {
    const directory = await tempDirectory(t);
    const vault = await openVault(directory);
    moveTo(vault, 'https://a.example');
    await vault.setClientSecret(only(vault), 'secret-a');
    await editStoreFile(directory, (document) => {
      connectionIn(document).baseUrl = 'http://127.0.0.1:9';
      connectionIn(document).clientSecretOrigin = 'http://127.0.0.1:9';
    });
    const edited = await openVault(directory);
    assert.deepEqual(await readSecret(edited), {
      secret: undefined,
      problem: 'The client secret was saved for https://a.example; enter it again for http://127.0.0.1:9. A secret is only ever sent to the address it was entered for.',
      savedFor: 'https://a.example',
    });
  });
});

describe('the app never sends the client secret to an origin it was not saved for', () => {
  let sandbox: Sandbox;
  let hostile: HostileServer;
  before(async () => {
    sandbox = await startSandbox();
    // A look-alike AIRisk: relays to the sandbox, so on old code the whole sign-in works through it.
    hostile = await startHostileServer({ forwardTo: sandbox.url });
  });
  after(async () => {
    await hostile.close();
    await sandbox.close();
  });

  /** An app on `directory` (default a fresh folder), shut down and the folder removed after the test. */
  async function startApp(t: TestContext, browser: ConsentingBrowser, directory?: string): Promise<NodeApp> {
    const folder = directory ?? (await mkdtemp(join(tmpdir(), 'airisk-secret-origin-')));
    const app = await createNodeApp({ directory: folder, openUrl: (url) => browser.openUrl(url), callbackTimeoutMs: 5000 });
    t.after(async () => {
      await app.service.shutdown();
      await rm(folder, { recursive: true, force: true });
    });
    return app;
  }

  /** A configured app whose store file another program then points at the hostile server. */
  async function appWithEditedStore(t: TestContext, edit: (document: StoreFile) => void): Promise<{ app: NodeApp; browser: ConsentingBrowser }> {
    const directory = await mkdtemp(join(tmpdir(), 'airisk-secret-origin-'));
    const browser = new ConsentingBrowser('approve');
    const first = await createNodeApp({ directory, openUrl: (url) => browser.openUrl(url) });
    await connectSandbox(first.service, sandbox);
    await first.service.shutdown();
    await editStoreFile(directory, edit);
    return { app: await startApp(t, browser, directory), browser };
  }

  for (const [what, edit] of [
    ['its base URL', (document: StoreFile) => void (connectionIn(document).baseUrl = hostile.origin)],
    ['its base URL and the recorded origin', (document: StoreFile) => void Object.assign(connectionIn(document), { baseUrl: hostile.origin, clientSecretOrigin: hostile.origin })],
    ['its base URL (the recorded origin deleted)', (document: StoreFile) => void Object.assign(connectionIn(document), { baseUrl: hostile.origin, clientSecretOrigin: undefined })],
  ] as const) {
    test(`a store file edited to point ${what} at a hostile server: the sign-in fails before the browser opens, and the hostile server receives nothing`, async (t) => {
      const { app, browser } = await appWithEditedStore(t, edit);
      const outcome = await app.service.signIn({});
      await Promise.allSettled(browser.outcomes);
      assert.deepEqual(hostile.received.filter((request) => request.body.includes(sandbox.demoClient.clientSecret)), [], 'the hostile server received the client secret');
      assert.deepEqual(hostile.received, []);
      assert.deepEqual(browser.opened, [], 'the browser was opened');
      assert.equal(outcome.ok ? '' : outcome.error.message, `The client secret was saved for ${sandbox.url}; enter it again for ${hostile.origin}. A secret is only ever sent to the address it was entered for.`);
    });
  }

  test('a bare secret from before the binding, restored after its first read with the base URL pointed at a hostile server: the sign-in fails before the browser opens, and the hostile server receives nothing', async (t) => {
    const directory = await mkdtemp(join(tmpdir(), 'airisk-secret-origin-'));
    const cipher = createAesGcmCipher(KEY);
    const browser = new ConsentingBrowser('approve');
    const bare = await writeLegacyStore(directory, cipher, sandbox.url, sandbox.demoClient.clientSecret);
    await editStoreFile(directory, (document) => void Object.assign(document.settings, { clientId: sandbox.demoClient.clientId }));
    const first = await createNodeApp({ directory, cipher, openUrl: (url) => browser.openUrl(url) });
    await first.service.getSettings();
    await first.service.shutdown();
    await editStoreFile(directory, (document) => {
      Object.assign(connectionIn(document), { clientSecret: bare, baseUrl: hostile.origin });
      delete connectionIn(document).clientSecretOrigin;
    });
    const app = await createNodeApp({ directory, cipher, openUrl: (url) => browser.openUrl(url), callbackTimeoutMs: 5000 });
    t.after(async () => {
      await app.service.shutdown();
      await rm(directory, { recursive: true, force: true });
    });
    const outcome = await app.service.signIn({});
    await Promise.allSettled(browser.outcomes);
    assert.deepEqual(hostile.received, [], 'the hostile server received a request');
    assert.deepEqual(browser.opened, [], 'the browser was opened');
    assert.equal(outcome.ok ? '' : outcome.error.message, LEGACY_PROBLEM(hostile.origin));
    const [connection] = (await app.service.getSettings()).connections;
    assert.deepEqual([connection?.clientSecretSet, connection?.clientSecretProblem], [false, LEGACY_PROBLEM(hostile.origin)]);
  });

  test('Settings refuses to move the connection to another origin without the secret, saying why; entering it binds it to the new origin and the sign-in works', async (t) => {
    const browser = new ConsentingBrowser('approve');
    const app = await startApp(t, browser);
    const id = await connectSandbox(app.service, sandbox);
    // localhost and 127.0.0.1 are different origins, though the same sandbox answers on both.
    const localhost = sandbox.url.replace('127.0.0.1', 'localhost');
    const moved = await app.service.saveConnection(id, { baseUrl: localhost });
    assert.deepEqual(moved, { ok: false, problems: [{ field: 'clientSecret', message: `The client secret is kept for ${sandbox.url} only; enter it again for ${localhost}.` }] });
    assert.equal((await app.service.getSettings()).connections[0]?.baseUrl, sandbox.url, 'nothing was saved');

    const again = await app.service.saveConnection(id, { baseUrl: localhost, clientSecret: sandbox.demoClient.clientSecret });
    assert.ok(again.ok);
    assert.deepEqual([again.connection.clientSecretSet, again.connection.clientSecretProblem], [true, null]);
    assert.equal((await app.service.signIn({})).ok, true);
    assert.ok(browser.opened[0]?.startsWith(`${localhost}/`));
  });

  test('a base URL changed within the same origin keeps the secret', async (t) => {
    const app = await startApp(t, new ConsentingBrowser('approve'));
    const id = await connectSandbox(app.service, sandbox);
    const moved = await app.service.saveConnection(id, { baseUrl: `${sandbox.url}/airisk` });
    assert.ok(moved.ok);
    assert.deepEqual([moved.connection.clientSecretSet, moved.connection.clientSecretProblem], [true, null]);
  });
});
