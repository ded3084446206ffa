import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test, type TestContext } from 'node:test';
import { createAesGcmCipher } from '../../src-main/core/vault/aes-gcm-cipher.ts';
import type { CipherPort } from '../../src-main/core/vault/cipher-port.ts';
import { unsealClientSecret } from '../../src-main/core/vault/client-secret-seal.ts';
import { openConfDocumentStore } from '../../src-main/core/vault/conf-document-store.ts';
import { createNoEncryptionCipher } from '../../src-main/core/vault/no-encryption-cipher.ts';
import { Vault } from '../../src-main/core/vault/vault.ts';
import { startSandbox, type Sandbox } from '../sandbox/sandbox-server.ts';
import { startHostileServer, type HostileServer } from '../support/hostile-server.ts';
import { createNodeApp, type NodeApp } from '../support/node-app.ts';
import { sandboxSettings } from '../support/sandbox-settings.ts';
import { ConsentingBrowser } from '../support/sign-in-fixtures.ts';

const KEY = Buffer.alloc(32, 7);
const STORE_FILE = 'airisk-token-tray.json';

async function tempDirectory(t: TestContext): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'airisk-secret-origin-'));
  t.after(() => rm(directory, { recursive: true, force: true }));
  return directory;
}

async function openVault(directory: string, cipher: CipherPort = createAesGcmCipher(KEY)): Promise<Vault> {
  const { store, recovered } = openConfDocumentStore({ directory });
  return Vault.open({ store, cipher, recovered });
}

type StoreFile = { settings: Record<string, unknown> } & Record<string, unknown>;

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
    await vault.updateSettings({ baseUrl: 'https://a.example' });
    await vault.setClientSecret('secret-a');
    await vault.updateSettings({ baseUrl: 'https://a.example/airisk' });
    assert.equal(await vault.readClientSecret(), 'secret-a', 'same origin, other path');
    await vault.updateSettings({ baseUrl: 'https://b.example' });
    assert.equal(await vault.readClientSecret(), undefined);
    const problem = 'The client secret was saved for https://a.example; enter it again for https://b.example. A secret is only ever sent to the address it was entered for.';
    assert.deepEqual(await vault.readClientSecretForBaseUrl(), { secret: undefined, problem });
    assert.equal(vault.clientSecretProblem, problem);
    await vault.setClientSecret('secret-b');
    assert.equal(await vault.readClientSecret(), 'secret-b');
    assert.equal(vault.clientSecretProblem, undefined);
    assert.equal(vault.settings.clientSecretOrigin, 'https://b.example');
  });

  test('a secret kept in memory only is bound the same way', async (t) => {
    const vault = await openVault(await tempDirectory(t), createNoEncryptionCipher());
    await vault.updateSettings({ baseUrl: 'https://a.example' });
    await vault.setClientSecret('secret-memory');
    assert.equal(vault.clientSecretStored, 'memory');
    assert.equal(await vault.readClientSecret(), 'secret-memory');
    await vault.updateSettings({ baseUrl: 'https://b.example' });
    assert.equal(await vault.readClientSecret(), undefined);
    assert.match(vault.clientSecretProblem ?? '', /saved for https:\/\/a\.example/);
  });

  test('a store written before the binding keeps its secret for the stored base URL, sealed with that origin on first read', async (t) => {
    const directory = await tempDirectory(t);
    const cipher = createAesGcmCipher(KEY);
    const legacy = { ciphertext: await cipher.encrypt('legacy-secret'), backend: 'node-aes-256-gcm' };
    const settings = { baseUrl: 'https://a.example', clientId: 'c', clientSecret: legacy };
    await writeFile(join(directory, STORE_FILE), JSON.stringify({ schemaVersion: 2, accounts: [], activeAccountId: null, settings }));
    const vault = await openVault(directory, cipher);
    assert.equal(vault.clientSecretProblem, undefined);
    assert.equal(await vault.readClientSecret(), 'legacy-secret');
    const stored = (JSON.parse(await readFile(join(directory, STORE_FILE), 'utf8')) as StoreFile).settings;
    assert.equal(stored.clientSecretOrigin, 'https://a.example');
    const resealed = stored.clientSecret as { ciphertext: string };
    assert.deepEqual(unsealClientSecret((await cipher.decrypt(resealed.ciphertext)).plaintext), { secret: 'legacy-secret', origin: 'https://a.example' });
  });

  test('editing the plain settings — base URL and the recorded origin — cannot redirect the sealed secret', async (t) => {
    const directory = await tempDirectory(t);
    const vault = await openVault(directory);
    await vault.updateSettings({ baseUrl: 'https://a.example' });
    await vault.setClientSecret('secret-a');
    await editStoreFile(directory, (document) => {
      document.settings.baseUrl = 'http://127.0.0.1:9';
      document.settings.clientSecretOrigin = 'http://127.0.0.1:9';
    });
    const edited = await openVault(directory);
    assert.equal(edited.clientSecretProblem, undefined, 'the plain fields agree with each other');
    assert.deepEqual(await edited.readClientSecretForBaseUrl(), { secret: undefined, problem: 'The client secret was saved for https://a.example; enter it again for http://127.0.0.1:9. A secret is only ever sent to the address it was entered for.' });
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
    assert.equal((await first.service.updateSettings(sandboxSettings(sandbox))).ok, true);
    await first.service.shutdown();
    await editStoreFile(directory, edit);
    return { app: await startApp(t, browser, directory), browser };
  }

  for (const [what, edit] of [
    ['its base URL', (document: StoreFile) => void (document.settings.baseUrl = hostile.origin)],
    ['its base URL and the recorded origin', (document: StoreFile) => void Object.assign(document.settings, { baseUrl: hostile.origin, clientSecretOrigin: hostile.origin })],
    ['its base URL (the recorded origin deleted)', (document: StoreFile) => void Object.assign(document.settings, { baseUrl: hostile.origin, clientSecretOrigin: undefined })],
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

  test('Settings asks for the secret again and says why; entering it binds it to the new origin and the sign-in works', async (t) => {
    const browser = new ConsentingBrowser('approve');
    const app = await startApp(t, browser);
    assert.equal((await app.service.updateSettings(sandboxSettings(sandbox))).ok, true);
    // localhost and 127.0.0.1 are different origins, though the same sandbox answers on both.
    const localhost = sandbox.url.replace('127.0.0.1', 'localhost');
    const moved = await app.service.updateSettings({ baseUrl: localhost });
    assert.ok(moved.ok);
    assert.equal(moved.settings.clientSecretSet, false);
    assert.equal(moved.settings.clientSecretProblem, `The client secret was saved for ${sandbox.url}; enter it again for ${localhost}. A secret is only ever sent to the address it was entered for.`);
    const refused = await app.service.signIn({});
    assert.equal(refused.ok, false);
    assert.deepEqual(browser.opened, []);

    const again = await app.service.updateSettings({ baseUrl: localhost, clientSecret: sandbox.demoClient.clientSecret });
    assert.ok(again.ok);
    assert.deepEqual([again.settings.clientSecretSet, again.settings.clientSecretProblem], [true, null]);
    assert.equal((await app.service.signIn({})).ok, true);
  });

  test('a base URL changed within the same origin keeps the secret', async (t) => {
    const app = await startApp(t, new ConsentingBrowser('approve'));
    assert.equal((await app.service.updateSettings(sandboxSettings(sandbox))).ok, true);
    const moved = await app.service.updateSettings({ baseUrl: `${sandbox.url}/airisk` });
    assert.ok(moved.ok);
    assert.deepEqual([moved.settings.clientSecretSet, moved.settings.clientSecretProblem], [true, null]);
  });
});
