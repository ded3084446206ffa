/**
 * An edit that lands while a sign-in is still decrypting its client secret (before the sign-in has
 * started and is known to be on that connection) stops that sign-in: the secret or URLs it read are
 * stale. A real sandbox, the real vault and AES cipher, wrapped in a test double that holds decrypt.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import type { AiriskApi } from '../../src-main/contract.ts';
import { createAesGcmCipher, loadOrCreateKeyFile } from '../../src-main/core/vault/aes-gcm-cipher.ts';
import type { CipherPort } from '../../src-main/core/vault/cipher-port.ts';
import { createNodeApp, type NodeApp } from '../support/node-app.ts';
import { connectSandbox, TWO_SANDBOX_NAMES } from '../support/sandbox-settings.ts';
import { ConsentingBrowser } from '../support/sign-in-fixtures.ts';
import { useTwoSandboxes } from '../support/two-sandboxes.ts';

/** TEST DOUBLE: a real cipher whose decrypt, once `hold()` is called, waits until `release()` (a deliberately slow keyring). */
interface HeldDecryptCipherForTests extends CipherPort {
  hold(): void;
  release(): void;
  /** Resolves when a decrypt is waiting. */
  readonly waiting: () => Promise<undefined>;
}

function heldDecryptCipherForTests(inner: CipherPort): HeldDecryptCipherForTests {
  let gate: PromiseWithResolvers<undefined> | undefined;
  let entered = Promise.withResolvers<undefined>();
  return {
    describe: () => inner.describe(),
    encrypt: (plaintext) => inner.encrypt(plaintext),
    decrypt: async (ciphertext) => {
      if (gate !== undefined) {
        entered.resolve(undefined);
        await gate.promise;
      }
      return inner.decrypt(ciphertext);
    },
    hold: () => {
      gate = Promise.withResolvers<undefined>();
      entered = Promise.withResolvers<undefined>();
    },
    release: () => {
      gate?.resolve(undefined);
      gate = undefined;
    },
    waiting: () => entered.promise,
  };
}

const sandboxes = useTwoSandboxes();

async function startApp(t: TestContext): Promise<{ app: NodeApp; cipher: HeldDecryptCipherForTests; browser: ConsentingBrowser; a: string }> {
  const directory = await mkdtemp(join(tmpdir(), 'airisk-sign-in-race-'));
  const cipher = heldDecryptCipherForTests(createAesGcmCipher(await loadOrCreateKeyFile(join(directory, 'test-cipher.key'))));
  const browser = new ConsentingBrowser('approve');
  const app = await createNodeApp({ directory, cipher, openUrl: (url) => browser.openUrl(url), callbackTimeoutMs: 5000 });
  t.after(async () => {
    cipher.release();
    await app.service.shutdown();
    await rm(directory, { recursive: true, force: true });
  });
  const a = await connectSandbox(app.service, sandboxes.a, TWO_SANDBOX_NAMES[0]);
  await connectSandbox(app.service, sandboxes.b, TWO_SANDBOX_NAMES[1]);
  return { app, cipher, browser, a };
}

const edits: [string, (service: AiriskApi, a: string) => Promise<unknown>][] = [
  ['its client id changes', (service, a) => service.saveConnection(a, { clientId: 'another-client' })],
  ['its base URL moves (with a new secret)', (service, a) => service.saveConnection(a, { baseUrl: sandboxes.b.url, clientSecret: sandboxes.b.demoClient.clientSecret })],
  ['a new client secret is saved', (service, a) => service.saveConnection(a, { clientSecret: 'a-newer-secret' })],
  ['it is removed', (service, a) => service.removeConnection(a)],
];

for (const [what, edit] of edits) {
  test(`a sign-in still decrypting its client secret is cancelled when ${what}, and the browser never opens`, async (t) => {
    const { app, cipher, browser, a } = await startApp(t);
    cipher.hold();
    const outcome = app.service.signIn({ connectionId: a });
    await cipher.waiting();
    const edited = edit(app.service, a);
    cipher.release();
    const [ended] = await Promise.all([outcome, edited]);
    assert.equal(ended.ok ? 'ok' : ended.error.code, 'cancelled');
    assert.match(ended.ok ? '' : ended.error.message, /^Sandbox A was changed or removed while the sign-in was starting; sign in again\.$/);
    assert.deepEqual(browser.opened, [], 'no browser was sent anywhere with what was read before the edit');
    assert.equal((await app.service.getState()).lastError, null, 'a cancellation is not shown as an error');
  });
}

test('a rename while the secret is decrypted does not stop the sign-in', async (t) => {
  const { app, cipher, browser, a } = await startApp(t);
  cipher.hold();
  const outcome = app.service.signIn({ connectionId: a });
  await cipher.waiting();
  const renamed = app.service.saveConnection(a, { name: 'Sandbox A renamed' });
  cipher.release();
  const [ended] = await Promise.all([outcome, renamed]);
  await Promise.allSettled(browser.outcomes);
  assert.equal(ended.ok, true);
});

test('Cancel while the secret is still being decrypted stops that sign-in: the browser never opens', async (t) => {
  const { app, cipher, browser, a } = await startApp(t);
  cipher.hold();
  const outcome = app.service.signIn({ connectionId: a });
  await cipher.waiting();
  await app.service.cancelSignIn();
  cipher.release();
  const ended = await outcome;
  assert.equal(ended.ok ? 'ok' : ended.error.code, 'cancelled');
  assert.deepEqual(browser.opened, [], 'no sign-in page opened after the cancel');
  assert.equal((await app.service.getState()).signIn, null);
});
