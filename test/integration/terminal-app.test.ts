/**
 * Terminal access through the real app service: a real sandbox sign-in, the access server the
 * service starts when the setting is turned on, the real `airisk-token` process, and the person's
 * answers given through the service's own `answerConsent` (as the window does). The clock is a
 * ManualClock, so a session can run out without waiting ten minutes.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import type { AppState } from '../../src-main/contract.ts';
import { startSandbox } from '../sandbox/sandbox-server.ts';
import { runCliProcess } from '../support/cli-process.ts';
import { ManualClock } from '../support/manual-clock.ts';
import { createNodeApp, type NodeApp } from '../support/node-app.ts';
import { connectSandbox } from '../support/sandbox-settings.ts';
import { ConsentingBrowser, whoAmI } from '../support/sign-in-fixtures.ts';
import { PROJECT_ROOT } from '../support/browser-host/renderer-build.ts';

const skip = process.platform === 'win32' ? 'the access server listens on a named pipe there; these tests use the Unix socket' : false;
const CLI_PATH = join(PROJECT_ROOT, 'dist', 'cli', 'airisk-token.cjs');

interface Running {
  readonly app: NodeApp;
  readonly clock: ManualClock;
  readonly directory: string;
  /** Every consent prompt the app showed, by account name. */
  readonly prompts: string[];
  cli(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }>;
  whoAmI(header: string): Promise<number>;
}

/** What the person does with a prompt: answer it, or first do something else in the window. */
type Person = 'allow' | 'deny' | ((app: NodeApp, consent: NonNullable<AppState['terminal']['consent']>) => Promise<void>);

/** The app with user_42 signed in on one sandbox and terminal access on; every prompt handled by `person`. */
async function start(t: TestContext, person: Person = 'allow', browser: { openUrl: (url: string) => Promise<void> } = new ConsentingBrowser('approve')): Promise<Running> {
  const directory = await mkdtemp(join(tmpdir(), 'airisk-terminal-app-'));
  const sandbox = await startSandbox();
  const clock = new ManualClock(Date.now());
  const app = await createNodeApp({ directory, openUrl: browser.openUrl, timers: clock, terminal: { version: 'test', cliPath: CLI_PATH } });
  t.after(async () => {
    await app.service.shutdown();
    await sandbox.close();
    await rm(directory, { recursive: true, force: true });
  });
  await connectSandbox(app.service, sandbox);
  const signedIn = await app.service.signIn({ userid: 'user_42' });
  assert.ok(signedIn.ok, 'user_42 signed in');
  const prompts: string[] = [];
  const answered = new Set<string>();
  app.service.onStateChange((state: AppState) => {
    const consent = state.terminal.consent;
    if (consent === null || answered.has(consent.id)) return;
    answered.add(consent.id);
    prompts.push(consent.accountName);
    void (typeof person === 'function' ? person(app, consent) : app.service.answerConsent(consent.id, person));
  });
  const turnedOn = await app.service.updateSettings({ allowTerminalAccess: true });
  assert.ok(turnedOn.ok, 'terminal access turned on');
  assert.match((await app.service.getState()).terminal.endpoint ?? '', /access\.sock$/);
  return {
    app,
    clock,
    directory,
    prompts,
    cli: (args) => runCliProcess(args, { AIRISK_TOKEN_TRAY_DATA_DIR: directory }).exit,
    whoAmI: async (header) => (await whoAmI(sandbox, header.trim().replace(/^Authorization: /, ''))).status,
  };
}

test('an approved terminal gets user_42\'s header, which AIRisk accepts; the account shows the read; the same terminal is not asked again', { skip }, async (t) => {
  const running = await start(t);
  const first = await running.cli(['header', '--user', 'user_42']);
  assert.equal(first.code, 0, first.stderr);
  assert.equal(await running.whoAmI(first.stdout), 200, '/api/me accepts the printed header');
  assert.deepEqual(running.prompts, ['user_42 on AIRisk']);
  const second = await running.cli(['token', '--user', 'user_42']);
  assert.equal(second.code, 0, second.stderr);
  assert.deepEqual(running.prompts, ['user_42 on AIRisk'], 'the session covers the second call');
  const state = await running.app.service.getState();
  assert.match(state.accounts.find((account) => account.userid === 'user_42')?.lastTerminalRead?.client ?? '', /pid \d+/);
  assert.equal(JSON.stringify(state).includes(second.stdout.trim()), false, 'the state never carries the token');
});

test('a session that goes unused for its length ends: the next call prompts again', { skip }, async (t) => {
  const running = await start(t);
  assert.equal((await running.cli(['header', '--user', 'user_42'])).code, 0);
  running.clock.advance(9 * 60_000);
  assert.equal((await running.cli(['header', '--user', 'user_42'])).code, 0);
  assert.equal(running.prompts.length, 1, 'used within 10 minutes: no new prompt, and the session is refreshed');
  running.clock.advance(10 * 60_000 + 1000);
  assert.equal((await running.cli(['header', '--user', 'user_42'])).code, 0);
  assert.equal(running.prompts.length, 2, '10 minutes unused: asked again');
});

test('a denied request exits 1 with nothing on stdout', { skip }, async (t) => {
  const running = await start(t, 'deny');
  const { code, stdout, stderr } = await running.cli(['header', '--user', 'user_42']);
  assert.deepEqual([code, stdout], [1, '']);
  assert.match(stderr, /denied/);
});

test('locking the screen and revoking in Settings end every session; turning access off removes the socket (exit 3)', { skip }, async (t) => {
  const running = await start(t);
  assert.equal((await running.cli(['header', '--user', 'user_42'])).code, 0);
  running.app.service.screenLocked();
  assert.deepEqual((await running.app.service.getState()).terminal.sessions, []);
  assert.equal((await running.cli(['header', '--user', 'user_42'])).code, 0);
  assert.equal(running.prompts.length, 2, 'asked again after the lock');
  await running.app.service.revokeTerminalSession(null);
  assert.deepEqual((await running.app.service.getState()).terminal.sessions, []);

  const endpoint = (await running.app.service.getState()).terminal.endpoint ?? '';
  assert.ok((await running.app.service.updateSettings({ allowTerminalAccess: false })).ok);
  assert.equal(existsSync(endpoint), false, 'the socket file is gone');
  const status = await running.cli(['status']);
  assert.equal(status.code, 3);
  assert.match(status.stderr, /not running, or terminal access is off/);
});

test('an expired token is not handed out: exit 1 names the renew command', { skip }, async (t) => {
  const running = await start(t);
  running.clock.advance(61 * 60_000);
  const { code, stdout, stderr } = await running.cli(['header', '--user', 'user_42']);
  assert.deepEqual([code, stdout], [1, '']);
  assert.match(stderr, /expired/);
  assert.match(stderr, /airisk-token login --user user_42/);
});

test('an account removed while its prompt is open: the approval hands out nothing, and the CLI says the account is gone', { skip }, async (t) => {
  const running = await start(t, async (app, consent) => {
    await app.service.remove(consent.accountId);
    await app.service.answerConsent(consent.id, 'allow');
  });
  const { code, stdout, stderr } = await running.cli(['header', '--user', 'user_42']);
  assert.deepEqual([code, stdout], [1, '']);
  assert.match(stderr, /no longer exists/);
});

/** A browser whose person approves only when told to (while `holding`): a sign-in stays under way meanwhile. */
class HeldBrowser {
  holding = false;
  readonly #held: string[] = [];
  readonly #person = new ConsentingBrowser('approve');
  readonly openUrl = (url: string): Promise<void> => {
    if (!this.holding) return this.#person.openUrl(url);
    this.#held.push(url);
    return Promise.resolve();
  };
  release(): void {
    this.holding = false;
    for (const url of this.#held.splice(0)) void this.#person.openUrl(url);
  }
}

test('a terminal asking the app to sign in while another sign-in is under way is told so, and never cancels it', { skip }, async (t) => {
  const browser = new HeldBrowser();
  const running = await start(t, 'allow', browser);
  browser.holding = true;
  const first = running.cli(['login', '--user', 'user_7']);
  while ((await running.app.service.getState()).signIn === null) await new Promise((resolve) => setTimeout(resolve, 20));
  const second = await running.cli(['login', '--user', 'user_8']);
  assert.deepEqual([second.code, second.stdout], [1, '']);
  assert.match(second.stderr, /already under way/);
  browser.release();
  const signedIn = await first;
  assert.equal(signedIn.code, 0, signedIn.stderr);
  assert.equal(await running.whoAmI(signedIn.stdout), 200, 'the first sign-in finished: it was never cancelled');
});
