/**
 * The update policy on a hand-driven clock, against a STAND-IN for electron-updater (which needs
 * Electron): it answers checks and downloads as each test scripts them, and records restarts.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CHECK_INTERVAL_MS, CHECK_TIMEOUT_MS, DOWNLOAD_TIMEOUT_MS, FIRST_CHECK_DELAY_MS, RETRY_BASE_MS, RETRY_CAP_MS, retryDelayMs, UpdateDesk, type CheckAnswer, type UpdaterPort } from '../../src-main/core/update/update-desk.ts';
import type { UpdateMode } from '../../src-main/core/update/update-mode.ts';
import { ManualClock } from '../support/manual-clock.ts';

/** TEST STAND-IN for electron-updater: scripted answers, recorded calls. */
class StandInUpdater implements UpdaterPort {
  readonly calls: string[] = [];
  /** What the next checks answer: a version (newer), null (newest), 'hang' (never answers), an answer or an Error; the last one repeats. */
  answers: (string | null | Error | CheckAnswer)[] = [null];
  downloadFails: Error | 'hang' | undefined;
  /** What electron-updater's 'error' event reports during quitAndInstall (it refused), if anything. */
  installRefusal: Error | null = null;
  /** Answers a hanging check late: (answer) => … */
  readonly late: ((answer: CheckAnswer) => void)[] = [];

  async check(): Promise<CheckAnswer> {
    this.calls.push('check');
    const answer = this.answers.length > 1 ? this.answers.shift() : this.answers[0];
    if (answer instanceof Error) throw answer;
    if (answer === 'hang') return new Promise((resolve) => this.late.push(resolve));
    if (answer === undefined || answer === null) return { kind: 'newest' };
    return typeof answer === 'string' ? { kind: 'newer', version: answer } : answer;
  }
  async download(): Promise<void> {
    this.calls.push('download');
    if (this.downloadFails === 'hang') return new Promise(() => undefined);
    if (this.downloadFails !== undefined) throw this.downloadFails;
  }
  quitAndInstall(): Error | null {
    this.calls.push('quitAndInstall');
    return this.installRefusal;
  }
}

const SELF: UpdateMode = { kind: 'self-update' };
const DEB: UpdateMode = { kind: 'notify-only', reason: 'This copy was installed as a .deb package: update it with your package manager (apt), or install the new .deb.' };

function desk(options: { mode?: UpdateMode; modeAtFirstCheck?: () => Promise<UpdateMode>; automatic?: boolean; signInPending?: boolean } = {}) {
  const clock = new ManualClock();
  const updater = new StandInUpdater();
  const notes: string[] = [];
  const flags = { automatic: options.automatic ?? true, signInPending: options.signInPending ?? false, changes: 0 };
  const policy = new UpdateDesk({
    version: '1.2.2',
    mode: options.mode ?? SELF,
    ...(options.modeAtFirstCheck === undefined ? {} : { modeAtFirstCheck: options.modeAtFirstCheck }),
    updater,
    // TEST STAND-IN for Electron's single-instance lock: recorded in the updater's call list, so the order shows.
    instanceLock: { release: () => updater.calls.push('release-lock'), retake: () => updater.calls.push('retake-lock') },
    timers: clock,
    automatic: () => flags.automatic,
    signInPending: () => flags.signInPending,
    notify: (title, body) => notes.push(`${title}: ${body}`),
    onChange: () => (flags.changes += 1),
  });
  return { clock, updater, notes, flags, policy };
}

/** Lets the stand-in's promises settle after the clock fired a check. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const checks = (updater: StandInUpdater): number => updater.calls.filter((call) => call === 'check').length;

describe('update policy: when it checks', () => {
  test('checks a minute after start, not before, then once a day', async () => {
    const { clock, updater, policy } = desk();
    policy.start();
    clock.advance(FIRST_CHECK_DELAY_MS - 1);
    await settle();
    assert.equal(checks(updater), 0);
    clock.advance(1);
    await settle();
    assert.equal(checks(updater), 1);
    clock.advance(CHECK_INTERVAL_MS - 1);
    await settle();
    assert.equal(checks(updater), 1);
    clock.advance(1);
    await settle();
    assert.equal(checks(updater), 2);
    assert.equal(clock.pendingCount, 1, 'one timer armed at a time');
  });

  test('backs off on failure, doubling from 5 min up to the 6 h cap, and returns to daily after a success', async () => {
    const { clock, updater, policy } = desk();
    updater.answers = [...Array.from({ length: 9 }, () => new Error('getaddrinfo ENOTFOUND github.com')), null];
    policy.start();
    clock.advance(FIRST_CHECK_DELAY_MS);
    await settle();
    const waits: number[] = [];
    for (let failure = 1; failure <= 9; failure += 1) {
      waits.push(clock.nextTimerIn() ?? -1);
      clock.advance(clock.nextTimerIn() ?? 0);
      await settle();
    }
    assert.deepEqual(waits.slice(0, 4), [RETRY_BASE_MS, 2 * RETRY_BASE_MS, 4 * RETRY_BASE_MS, 8 * RETRY_BASE_MS]);
    assert.ok(waits.every((wait) => wait <= RETRY_CAP_MS), JSON.stringify(waits));
    assert.equal(waits.at(-1), RETRY_CAP_MS);
    assert.equal(clock.nextTimerIn(), CHECK_INTERVAL_MS, 'after the success: daily again');
    assert.equal(retryDelayMs(50), RETRY_CAP_MS);
  });

  test('a failure says what happened and when it tries again, in one sentence without the response body', async () => {
    const { clock, updater, policy } = desk();
    updater.answers = [new Error('HttpError: 503 Service Unavailable\n<html>…</html>')];
    policy.start();
    clock.advance(FIRST_CHECK_DELAY_MS);
    await settle();
    assert.equal(policy.view().status, 'Could not check for updates: HttpError: 503 Service Unavailable. Trying again in 5 min.');
  });

  test('automatic checks off: nothing is scheduled, "Check now" still checks, turning them on arms one a minute later', async () => {
    const { clock, updater, flags, policy } = desk({ automatic: false });
    policy.start();
    assert.equal(clock.pendingCount, 0);
    assert.equal(policy.view().status, 'Automatic checks are off.');
    const view = await policy.checkNow();
    assert.equal(checks(updater), 1);
    assert.equal(view.status, 'Up to date: 1.2.2 is the newest version.');
    assert.equal(clock.pendingCount, 0, 'a manual check does not start the daily schedule');
    flags.automatic = true;
    policy.automaticChanged();
    assert.equal(clock.nextTimerIn(), FIRST_CHECK_DELAY_MS);
    flags.automatic = false;
    policy.automaticChanged();
    assert.equal(clock.pendingCount, 0);
  });

  test('after stop (quit) no timer is armed and Check now does nothing', async () => {
    const { clock, updater, policy } = desk();
    policy.start();
    policy.stop();
    assert.equal(clock.pendingCount, 0);
    assert.equal((await policy.checkNow()).canCheck, false);
    assert.equal(checks(updater), 0);
  });
});

describe('update policy: what it does with an update', () => {
  test('downloads, then one notification and "Restart to update to 1.2.3"; it never restarts by itself', async () => {
    const { clock, updater, notes, policy } = desk();
    updater.answers = ['1.2.3'];
    policy.start();
    clock.advance(FIRST_CHECK_DELAY_MS);
    await settle();
    assert.deepEqual(updater.calls, ['check', 'download']);
    assert.equal(policy.view().readyVersion, '1.2.3');
    assert.equal(policy.view().status, 'Version 1.2.3 is downloaded: restart to update.');
    assert.deepEqual(notes, ['Update ready: AIRisk Token Tray 1.2.3 is downloaded. Choose "Restart to update to 1.2.3" in the tray menu when it suits you.']);
    // Days pass, the same version is found again: no second download, no second notification, no restart.
    for (let day = 0; day < 3; day += 1) {
      clock.advance(CHECK_INTERVAL_MS);
      await settle();
    }
    assert.deepEqual(updater.calls, ['check', 'download', 'check', 'check', 'check']);
    assert.equal(notes.length, 1);
    assert.ok(!updater.calls.includes('quitAndInstall'));
  });

  test('restart installs only when asked, and is refused while a sign-in is pending', async () => {
    const { updater, flags, policy } = desk({ signInPending: true });
    assert.deepEqual(policy.restart(), { ok: false, message: 'No update has been downloaded yet.' });
    updater.answers = ['1.2.3'];
    await policy.checkNow();
    assert.deepEqual(policy.restart(), { ok: false, message: 'Finish or cancel the sign-in first: restarting now would lose it.' });
    assert.ok(!updater.calls.includes('quitAndInstall'));
    flags.signInPending = false;
    assert.deepEqual(policy.restart(), { ok: true });
    assert.deepEqual(updater.calls.slice(-2), ['release-lock', 'quitAndInstall']);
  });

  test('restart releases the single-instance lock just before quitAndInstall, so the relaunched AppImage can take it', async () => {
    const { updater, policy } = desk();
    updater.answers = ['1.2.3'];
    await policy.checkNow();
    assert.ok(!updater.calls.includes('release-lock'), 'the lock is kept until the restart');
    assert.deepEqual(policy.restart(), { ok: true });
    assert.deepEqual(updater.calls, ['check', 'download', 'release-lock', 'quitAndInstall']);
  });

  test('restart reports the failure when electron-updater refuses to install, and takes the lock back', async () => {
    const { updater, policy } = desk();
    updater.answers = ['1.2.3'];
    await policy.checkNow();
    updater.installRefusal = new Error("No update filepath provided, can't quit and install");
    assert.deepEqual(policy.restart(), { ok: false, message: "Could not install version 1.2.3: No update filepath provided, can't quit and install." });
    assert.deepEqual(updater.calls.slice(-3), ['release-lock', 'quitAndInstall', 'retake-lock']);
    assert.equal(policy.view().readyVersion, '1.2.3', 'still offered');
  });

  test('a failed download offers nothing and retries later', async () => {
    const { clock, updater, notes, policy } = desk();
    updater.answers = ['1.2.3'];
    updater.downloadFails = new Error('net::ERR_CONNECTION_RESET');
    await policy.checkNow();
    assert.equal(policy.view().readyVersion, null);
    assert.equal(policy.view().status, 'Could not download version 1.2.3: net::ERR_CONNECTION_RESET. Trying again in 5 min.');
    assert.deepEqual(notes, []);
    assert.equal(clock.nextTimerIn(), RETRY_BASE_MS);
  });

  test('cannot self-update here (a deb from apt): never downloads, tells the person once that a newer version exists and why', async () => {
    const { clock, updater, notes, policy } = desk({ mode: DEB });
    updater.answers = ['1.3.0'];
    policy.start();
    clock.advance(FIRST_CHECK_DELAY_MS);
    await settle();
    clock.advance(CHECK_INTERVAL_MS);
    await settle();
    assert.deepEqual(updater.calls, ['check', 'check']);
    const view = policy.view();
    assert.equal(view.readyVersion, null, 'no restart item');
    assert.equal(view.availableVersion, '1.3.0', 'the tray offers the download page');
    assert.equal(view.status, `Version 1.3.0 is available. ${DEB.kind === 'notify-only' ? DEB.reason : ''}`);
    assert.deepEqual(notes, [`Update available: ${view.status} Choose "Version 1.3.0 available — open download page" in the tray menu.`]);
    assert.deepEqual(policy.restart(), { ok: false, message: 'No update has been downloaded yet.' });
  });

  test('a development run (off): no timer, no check, and it says why', async () => {
    const { clock, updater, policy } = desk({ mode: { kind: 'off', reason: 'This is a development run, not an installed copy: it does not check for updates.' } });
    policy.start();
    assert.equal(clock.pendingCount, 0);
    const view = await policy.checkNow();
    assert.deepEqual(updater.calls, []);
    assert.deepEqual(view, { version: '1.2.2', status: 'This is a development run, not an installed copy: it does not check for updates.', readyVersion: null, availableVersion: null, canCheck: false });
  });

  test('Check now while a check runs does not start a second one', async () => {
    const { updater, policy } = desk();
    const first = policy.checkNow();
    assert.equal(policy.view().canCheck, false);
    assert.equal(policy.view().status, 'Checking for updates…');
    await Promise.all([first, policy.checkNow()]);
    assert.equal(checks(updater), 1);
  });
});

describe('update policy: what can go wrong during a check', () => {
  test('an updater that is not active (checkForUpdates() gave null) reads as "cannot check", never as "Up to date"', async () => {
    const { updater, policy } = desk();
    updater.answers = [{ kind: 'inactive' }];
    const view = await policy.checkNow();
    assert.equal(view.status, 'This copy cannot check for updates: the updater is not active in it.');
    assert.doesNotMatch(view.status, /Up to date/);
  });

  test('a check that never answers fails after 2 min and backs off; its late answer changes nothing', async () => {
    const { clock, updater, notes, policy } = desk();
    updater.answers = ['hang'];
    policy.start();
    clock.advance(FIRST_CHECK_DELAY_MS);
    await settle();
    clock.advance(CHECK_TIMEOUT_MS);
    await settle();
    assert.equal(policy.view().status, 'Could not check for updates: the release feed did not answer within 2 min. Trying again in 5 min.');
    assert.equal(clock.nextTimerIn(), RETRY_BASE_MS);
    updater.late[0]?.({ kind: 'newer', version: '1.2.3' });
    await settle();
    assert.deepEqual(updater.calls, ['check'], 'no download from the late answer');
    assert.deepEqual(notes, []);
  });

  test('a download that never finishes fails after 30 min and says the download failed', async () => {
    const { clock, updater, policy } = desk();
    updater.answers = ['1.2.3'];
    updater.downloadFails = 'hang';
    const done = policy.checkNow();
    await settle();
    assert.equal(policy.view().status, 'Downloading version 1.2.3…');
    clock.advance(DOWNLOAD_TIMEOUT_MS);
    await done;
    assert.equal(policy.view().status, 'Could not download version 1.2.3: it did not finish within 30 min. Trying again in 5 min.');
    assert.equal(policy.view().readyVersion, null);
  });

  test('a later check does not hide the downloaded update: "Restart to update" stays while it runs', async () => {
    const { updater, policy } = desk();
    updater.answers = ['1.2.3', 'hang'];
    await policy.checkNow();
    const again = policy.checkNow();
    assert.equal(policy.view().status, 'Checking for updates…');
    assert.equal(policy.view().readyVersion, '1.2.3');
    updater.late[0]?.({ kind: 'newest' });
    await again;
    assert.equal(policy.view().readyVersion, '1.2.3');
    assert.deepEqual(policy.restart(), { ok: true });
  });

  test("an updater error shows as one sanitized sentence: no URL query (signed download links), no control or bidi characters", async () => {
    const { updater, policy } = desk({ automatic: false });
    updater.answers = ['1.2.3'];
    updater.downloadFails = new Error('Cannot download "https://objects.githubusercontent.com/a/b.zip?X-Amz-Signature=SECRET&token=T0KEN#frag", status 403:\u202Eevil\u0007 text\n<html>body</html>');
    await policy.checkNow();
    const status = policy.view().status;
    assert.equal(status, 'Could not download version 1.2.3: Cannot download "https://objects.githubusercontent.com/a/b.zip", status 403:evil text.');
    assert.doesNotMatch(status, /SECRET|T0KEN|\?|<html>|\u202E/);
  });

  test('after stop (quit), a check that was under way neither notifies nor emits', async () => {
    const { updater, notes, flags, policy } = desk();
    updater.answers = ['hang'];
    const running = policy.checkNow();
    policy.stop();
    const changes = flags.changes;
    updater.late[0]?.({ kind: 'newer', version: '1.2.3' });
    await running;
    assert.deepEqual(notes, []);
    assert.equal(flags.changes, changes, 'no state change after stop');
    assert.ok(!updater.calls.includes('download'), 'nothing downloaded after quit');
  });

  test('turning automatic checks off and on during a check does not start a second, concurrent one', async () => {
    const { clock, updater, flags, policy } = desk();
    updater.answers = ['hang', null];
    const running = policy.checkNow();
    flags.automatic = false;
    policy.automaticChanged();
    flags.automatic = true;
    policy.automaticChanged();
    clock.advance(FIRST_CHECK_DELAY_MS);
    await settle();
    assert.equal(checks(updater), 1, 'one check at a time');
    updater.late[0]?.({ kind: 'newest' });
    await running;
    assert.equal(clock.nextTimerIn(), CHECK_INTERVAL_MS, 'then daily');
  });
});

describe('update policy: the slow look at the mode (macOS codesign)', () => {
  test('is taken once, just before the first check, not at start; an unsigned app then only tells', async () => {
    let looks = 0;
    const unsigned: UpdateMode = { kind: 'notify-only', reason: 'This copy is not signed, and macOS installs updates only for signed apps: download the new version from the releases page.' };
    const { clock, updater, policy } = desk({ modeAtFirstCheck: async () => (looks += 1, unsigned) });
    updater.answers = ['1.2.3'];
    policy.start();
    assert.equal(looks, 0, 'nothing runs codesign at start-up');
    assert.equal(policy.view().status, 'Checks for updates a minute after start, then daily.');
    clock.advance(FIRST_CHECK_DELAY_MS);
    await settle();
    await policy.checkNow();
    assert.equal(looks, 1, 'looked once');
    assert.deepEqual(updater.calls, ['check', 'check'], 'never downloads for an unsigned app');
    assert.equal(policy.view().availableVersion, '1.2.3');
  });
});
