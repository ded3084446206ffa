import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AiriskApi, AppState, CopyFormat, SettingsView, TokenDetails } from '../../src-main/contract.ts';
import { AIRISK_METHOD_NAMES } from '../../src-main/contract-methods.ts';
import { TERMINAL_OFF_VIEW, UPDATES_OFF_VIEW } from '../../src-main/core/app/state-view.ts';
import { MAX_TEXT_LENGTH } from '../../src-main/core/ipc/ipc-arguments.ts';
import { bindContractHandlers, isTrustedSenderFrame, UNTRUSTED_SENDER_MESSAGE } from '../../src-main/core/ipc/ipc-binding.ts';
import { channelFor, STATE_CHANNEL } from '../../src-main/core/ipc/ipc-channels.ts';
import { remoteErrorMessage } from '../../src-main/shared/remote-error-message.ts';

/** TEST DOUBLE: what a sender looks like to these tests (the real one is Electron's IpcMainInvokeEvent). */
interface SenderForTests {
  readonly frameUrl: string;
}

type Handler = (sender: SenderForTests, ...args: unknown[]) => Promise<unknown>;

/** TEST DOUBLE: an IPC registrar that records every `handle` call instead of talking to Electron. */
class RecordingIpcRegistrar {
  readonly handlers = new Map<string, Handler>();
  readonly registrations: string[] = [];

  handle(channel: string, handler: Handler): void {
    this.registrations.push(channel);
    this.handlers.set(channel, handler);
  }

  /** Calls a recorded handler like `ipcRenderer.invoke` would reach it. */
  invoke(channel: string, sender: SenderForTests, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (handler === undefined) throw new Error(`no handler for ${channel}`);
    return handler(sender, ...args);
  }
}

/** TEST DOUBLE: an AiriskApi that records calls and returns canned answers (or throws on demand). */
class FakeAiriskServiceForTests implements AiriskApi {
  readonly calls: { method: string; args: unknown[] }[] = [];
  failWith: Error | undefined;

  #record(method: string, args: unknown[]): void {
    this.calls.push({ method, args });
    if (this.failWith !== undefined) throw this.failWith;
  }

  async getState(): Promise<AppState> {
    this.#record('getState', []);
    return { accounts: [], activeAccountId: null, storage: { backend: 'test', strength: 'strong', detail: '' }, warnings: [], signIn: null, lastError: null, connections: [], configured: true, startAtLogin: false, terminal: TERMINAL_OFF_VIEW, renewAll: null, renewable: [], statusChips: [], accountOrder: { name: [], 'time-left': [] }, defaultConnectionId: null, updates: UPDATES_OFF_VIEW, generatedAt: '2030-01-01T00:00:00Z' };
  }
  async signIn(request: { readonly connectionId?: string; readonly userid?: string }) {
    this.#record('signIn', [request]);
    return { ok: true as const, accountId: 'acc-1', message: 'Signed in: the token for user_42 is saved.' };
  }
  async cancelSignIn() {
    this.#record('cancelSignIn', []);
  }
  async openSignInPage() {
    this.#record('openSignInPage', []);
  }
  async submitRedirectedUrl(url: string) {
    this.#record('submitRedirectedUrl', [url]);
  }
  async renew(accountId: string) {
    this.#record('renew', [accountId]);
    return { ok: true as const, accountId, message: 'Signed in.' };
  }
  async renewAll(connectionId: string) {
    this.#record('renewAll', [connectionId]);
    return { connectionId, renewed: [], denied: [], stopped: null, error: null, remaining: [], message: 'Nothing to renew.' };
  }
  async cancelRenewAll() {
    this.#record('cancelRenewAll', []);
  }
  async remove(accountId: string) {
    this.#record('remove', [accountId]);
  }
  async setActive(accountId: string) {
    this.#record('setActive', [accountId]);
  }
  async rename(accountId: string, label: string) {
    this.#record('rename', [accountId, label]);
  }
  async copy(accountId: string | null, format: CopyFormat | null) {
    this.#record('copy', [accountId, format]);
    return { accountId: accountId ?? 'active', format: format ?? 'header', copied: 'header', clearsAt: null };
  }
  async tokenDetails(accountId: string): Promise<TokenDetails> {
    this.#record('tokenDetails', [accountId]);
    return {} as TokenDetails;
  }
  async dismissError() {
    this.#record('dismissError', []);
  }
  async getSettings(): Promise<SettingsView> {
    this.#record('getSettings', []);
    return {} as SettingsView;
  }
  async updateSettings(update: object) {
    this.#record('updateSettings', [update]);
    return { ok: false as const, problems: [], message: '' };
  }
  async saveConnection(id: string | null, update: object) {
    this.#record('saveConnection', [id, update]);
    return { ok: false as const, problems: [] };
  }
  async duplicateConnection(id: string) {
    this.#record('duplicateConnection', [id]);
    return { ok: false as const, problems: [] };
  }
  async removeConnection(id: string) {
    this.#record('removeConnection', [id]);
  }
  async checkConnection(id: string | null, update: object) {
    this.#record('checkConnection', [id, update]);
    return { authorization: { verdict: 'skipped' as const, message: '' }, token: { verdict: 'skipped' as const, message: '' }, lines: [], said: '' };
  }
  async exportConnection(id: string) {
    this.#record('exportConnection', [id]);
    return '{}';
  }
  async importConnection(fileText: string) {
    this.#record('importConnection', [fileText]);
    return { ok: false as const, problems: [] };
  }
  async answerConsent(requestId: string, answer: 'allow' | 'always' | 'deny') {
    this.#record('answerConsent', [requestId, answer]);
  }
  async revokeTerminalSession(sessionId: string | null) {
    this.#record('revokeTerminalSession', [sessionId]);
  }
  async installCommandLineTool() {
    this.#record('installCommandLineTool', []);
    return { ok: false as const, message: 'not here', command: 'true' };
  }
  async checkForUpdates() {
    this.#record('checkForUpdates', []);
    return UPDATES_OFF_VIEW;
  }
  onStateChange(): () => void {
    return () => undefined;
  }
}

const TRUSTED: SenderForTests = { frameUrl: 'app://airisk/index.html' };
const UNTRUSTED: SenderForTests = { frameUrl: 'https://evil.example.com/' };

function bound(): { registrar: RecordingIpcRegistrar; service: FakeAiriskServiceForTests } {
  const registrar = new RecordingIpcRegistrar();
  const service = new FakeAiriskServiceForTests();
  bindContractHandlers(registrar, service, (sender) => isTrustedSenderFrame(sender.frameUrl, 'app://airisk'));
  return { registrar, service };
}

test('exactly one handler per contract method, on airisk:<method>', () => {
  const { registrar } = bound();
  assert.deepEqual(registrar.registrations, AIRISK_METHOD_NAMES.map((method) => `airisk:${method}`));
  assert.equal(new Set(registrar.registrations).size, AIRISK_METHOD_NAMES.length);
  assert.equal(registrar.registrations.includes(STATE_CHANNEL), false, 'the event channel is not an invoke channel');
  assert.equal(channelFor('copy'), 'airisk:copy');
});

test('calls reach the service with their arguments and answers come back', async () => {
  const { registrar, service } = bound();
  assert.deepEqual(await registrar.invoke('airisk:copy', TRUSTED, null, 'header'), { accountId: 'active', format: 'header', copied: 'header', clearsAt: null });
  assert.deepEqual(await registrar.invoke('airisk:signIn', TRUSTED, { userid: 'user_42' }), { ok: true, accountId: 'acc-1', message: 'Signed in: the token for user_42 is saved.' });
  await registrar.invoke('airisk:signIn', TRUSTED, {});
  await registrar.invoke('airisk:signIn', TRUSTED, { connectionId: 'conn-2', userid: 'user_42' });
  await registrar.invoke('airisk:saveConnection', TRUSTED, null, { name: 'Staging' });
  await registrar.invoke('airisk:importConnection', TRUSTED, '{"format":"airisk-token-tray/connection"}');
  await registrar.invoke('airisk:rename', TRUSTED, 'acc-1', 'Team 42');
  await registrar.invoke('airisk:updateSettings', TRUSTED, { expiryLeadSeconds: 60, startAtLogin: true });
  await registrar.invoke('airisk:getState', TRUSTED);
  await registrar.invoke('airisk:copy', TRUSTED, 'acc-1', null);
  await registrar.invoke('airisk:tokenDetails', TRUSTED, 'acc-1');
  await registrar.invoke('airisk:dismissError', TRUSTED);
  assert.deepEqual(service.calls, [
    { method: 'copy', args: [null, 'header'] },
    { method: 'signIn', args: [{ userid: 'user_42' }] },
    { method: 'signIn', args: [{}] },
    { method: 'signIn', args: [{ connectionId: 'conn-2', userid: 'user_42' }] },
    { method: 'saveConnection', args: [null, { name: 'Staging' }] },
    { method: 'importConnection', args: ['{"format":"airisk-token-tray/connection"}'] },
    { method: 'rename', args: ['acc-1', 'Team 42'] },
    { method: 'updateSettings', args: [{ expiryLeadSeconds: 60, startAtLogin: true }] },
    { method: 'getState', args: [] },
    { method: 'copy', args: ['acc-1', null] },
    { method: 'tokenDetails', args: ['acc-1'] },
    { method: 'dismissError', args: [] },
  ]);
});

test('an untrusted sender is refused on every channel and the service is never called', async () => {
  const { registrar, service } = bound();
  for (const channel of registrar.registrations) {
    await assert.rejects(registrar.invoke(channel, UNTRUSTED), (error: unknown) => error instanceof Error && error.message === UNTRUSTED_SENDER_MESSAGE);
  }
  for (const frameUrl of ['app://evil/index.html', 'file:///app/dist/renderer/index.html', 'app://airisk.evil/', 'about:blank', '']) {
    await assert.rejects(registrar.invoke('airisk:getState', { frameUrl }), /^Error: Untrusted sender$/);
  }
  assert.deepEqual(service.calls, []);
});

test('a sender check that throws counts as untrusted', async () => {
  const registrar = new RecordingIpcRegistrar();
  const service = new FakeAiriskServiceForTests();
  bindContractHandlers(registrar, service, () => {
    throw new Error('frame gone');
  });
  await assert.rejects(registrar.invoke('airisk:getState', TRUSTED), /Untrusted sender/);
  assert.deepEqual(service.calls, []);
});

test('a wrong argument count is refused with a message naming the parameters', async () => {
  const { registrar, service } = bound();
  await assert.rejects(registrar.invoke('airisk:copy', TRUSTED, 'acc-1'), { message: 'airisk.copy takes 2 arguments (accountId: text or null, format: text or null); it got 1.' });
  await assert.rejects(registrar.invoke('airisk:getState', TRUSTED, 'extra'), { message: 'airisk.getState takes no arguments; it got 1.' });
  await assert.rejects(registrar.invoke('airisk:signIn', TRUSTED), { message: 'airisk.signIn takes 1 argument (request: an object { connectionId?: text, userid?: text }); it got 0.' });
  assert.deepEqual(service.calls, []);
});

test('wrong argument types are refused with a clear message', async () => {
  const { registrar, service } = bound();
  const refusals: [string, unknown[], RegExp][] = [
    ['airisk:copy', [42, 'header'], /^airisk\.copy: accountId must be text or null; got a number\.$/],
    ['airisk:copy', [null, 7], /^airisk\.copy: format must be text or null; got a number\.$/],
    ['airisk:tokenDetails', [null], /^airisk\.tokenDetails: accountId must be text; got null\.$/],
    ['airisk:dismissError', ['now'], /^airisk\.dismissError takes no arguments; it got 1\.$/],
    ['airisk:renew', [undefined], /^airisk\.renew: accountId must be text; got nothing\.$/],
    ['airisk:rename', ['acc-1', { label: 'x' }], /^airisk\.rename: label must be text; got an object of another kind\.$/],
    ['airisk:signIn', ['user_42'], /^airisk\.signIn: request must be an object \{ connectionId\?: text, userid\?: text \}; got a string\.$/],
    ['airisk:signIn', [{ connectionId: 7 }], /connectionId is a number/],
    ['airisk:saveConnection', [7, {}], /^airisk\.saveConnection: connectionId must be text or null; got a number\.$/],
    ['airisk:saveConnection', [null, { baseUrl: 5 }], /^airisk\.saveConnection: update must be an object of connection fields \(text\); "baseUrl" is a number\.$/],
    ['airisk:saveConnection', [null, { clientSecret: 'x'.repeat(MAX_TEXT_LENGTH + 1) }], /"clientSecret" .*at most 16384/],
    ['airisk:saveConnection', [null, []], /got a list/],
    ['airisk:checkConnection', [null, null], /^airisk\.checkConnection: update must be an object/],
    ['airisk:duplicateConnection', [null], /^airisk\.duplicateConnection: connectionId must be text; got null\.$/],
    ['airisk:removeConnection', [{}], /^airisk\.removeConnection: connectionId must be text/],
    ['airisk:exportConnection', [undefined], /^airisk\.exportConnection: connectionId must be text; got nothing\.$/],
    ['airisk:importConnection', [{ connection: {} }], /^airisk\.importConnection: fileText must be text/],
    ['airisk:importConnection', ['x'.repeat(MAX_TEXT_LENGTH + 1)], /at most 16384/],
    ['airisk:signIn', [{ userid: 42 }], /userid is a number/],
    ['airisk:signIn', [{ userid: 'u', admin: true }], /unknown field "admin"/],
    ['airisk:signIn', [['user_42']], /got a list/],
    ['airisk:updateSettings', [{ clientId: { nested: true } }], /"clientId" is an object of another kind/],
    ['airisk:updateSettings', [null], /got null/],
    ['airisk:submitRedirectedUrl', ['x'.repeat(MAX_TEXT_LENGTH + 1)], /at most 16384/],
  ];
  for (const [channel, args, message] of refusals) {
    await assert.rejects(registrar.invoke(channel, TRUSTED, ...args), { message }, `${channel} ${JSON.stringify(args).slice(0, 60)}`);
  }
  assert.deepEqual(service.calls, []);
});

test('terminal calls reach the service, and a consent answer other than allow, always or deny is refused before it', async () => {
  const { registrar, service } = bound();
  await registrar.invoke('airisk:answerConsent', TRUSTED, 'req-1', 'deny');
  await registrar.invoke('airisk:revokeTerminalSession', TRUSTED, null);
  await registrar.invoke('airisk:revokeTerminalSession', TRUSTED, 'session-1');
  await registrar.invoke('airisk:installCommandLineTool', TRUSTED);
  await registrar.invoke('airisk:checkForUpdates', TRUSTED);
  await assert.rejects(registrar.invoke('airisk:checkForUpdates', TRUSTED, 'now'), /takes no arguments|takes 0 arguments/);
  const refusals: [unknown[], RegExp][] = [
    [['req-1', 'yes'], /^airisk\.answerConsent: answer must be one of "allow", "always", "deny"; got "yes"\.$/],
    [['req-1', 'ALLOW'], /got "ALLOW"/],
    [['req-1', true], /got a boolean/],
    [[7, 'allow'], /^airisk\.answerConsent: requestId must be text; got a number\.$/],
    [['req-1'], /takes 2 arguments \(requestId: text, answer: one of "allow", "always", "deny"\)/],
  ];
  for (const [args, message] of refusals) await assert.rejects(registrar.invoke('airisk:answerConsent', TRUSTED, ...args), { message }, JSON.stringify(args));
  await assert.rejects(registrar.invoke('airisk:revokeTerminalSession', TRUSTED), /takes 1 argument \(sessionId: text or null\)/);
  assert.deepEqual(service.calls, [
    { method: 'answerConsent', args: ['req-1', 'deny'] },
    { method: 'revokeTerminalSession', args: [null] },
    { method: 'revokeTerminalSession', args: ['session-1'] },
    { method: 'installCommandLineTool', args: [] },
    { method: 'checkForUpdates', args: [] },
  ]);
});

test('class instances are not plain objects', async () => {
  const { registrar } = bound();
  await assert.rejects(registrar.invoke('airisk:updateSettings', TRUSTED, new Date()), /got an object of another kind/);
  await assert.rejects(registrar.invoke('airisk:signIn', TRUSTED, Object.create({ userid: 'inherited' })), /got an object of another kind/);
});

test('errors cross as plain Errors: the message only, no stack from main, no cause, no custom fields', async () => {
  const { registrar, service } = bound();
  const original = Object.assign(new TypeError('There is no token to copy yet: sign in first.', { cause: new Error('secret detail') }), { code: 'E_SECRET', token: 'eyJ…' });
  service.failWith = original;
  let caught: unknown;
  try {
    await registrar.invoke('airisk:copy', TRUSTED, null, 'header');
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof Error);
  assert.equal(Object.getPrototypeOf(caught), Error.prototype, 'a plain Error, not the TypeError');
  assert.equal(caught.message, 'There is no token to copy yet: sign in first.');
  assert.equal(caught.cause, undefined);
  assert.deepEqual(Object.keys(caught), []);
  assert.equal(caught.stack, 'Error: There is no token to copy yet: sign in first.');
});

test('a thrown non-Error becomes an Error with its text', async () => {
  const { registrar, service } = bound();
  service.failWith = undefined;
  service.getState = () => Promise.reject('plain string');
  await assert.rejects(registrar.invoke('airisk:getState', TRUSTED), { message: 'plain string' });
});

test('the preload strips Electron’s wrapper from a remote error', () => {
  assert.equal(remoteErrorMessage(new Error("Error invoking remote method 'airisk:copy': Error: There is no token to copy yet: sign in first.")), 'There is no token to copy yet: sign in first.');
  assert.equal(remoteErrorMessage(new Error("Error invoking remote method 'airisk:getState': Error: Untrusted sender")), 'Untrusted sender');
  assert.equal(remoteErrorMessage(new Error('Something else')), 'Something else');
  assert.equal(remoteErrorMessage('text'), 'text');
});
