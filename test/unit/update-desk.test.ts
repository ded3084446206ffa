/**
 * The update policy on a hand-driven clock, against a STAND-IN for electron-updater (which needs
 * Electron): it answers checks and downloads as each test scripts them, and records restarts.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CHECK_INTERVAL_MS, FIRST_CHECK_DELAY_MS, RETRY_BASE_MS, RETRY_CAP_MS, retryDelayMs, UpdateDesk, type UpdaterPort } from '../../src-main/core/update/update-desk.ts';
import type { UpdateMode } from '../../src-main/core/update/update-mode.ts';
import { ManualClock } from '../support/manual-clock.ts';

/** TEST STAND-IN for electron-updater: scripted answers, recorded calls. */
class StandInUpdater implements UpdaterPort {
  readonly calls: string[] = [];
  /** What the next checks answer: a version, null (up to date) or an Error; the last one repeats. */
  answers: (string | null | Error)[] = [null];
  downloadFails = false;

  async check(): Promise<string | null> {
    this.calls.push('check');
    const answer = this.answers.length > 1 ? this.answers.shift() : this.answers[0];
    if (answer instanceof Error) throw answer;
    return answer ?? null;
  }
  async download(): Promise<void> {
    this.calls.push('download');
    if (this.downloadFails) throw new Error('net::ERR_CONNECTION_RESET');
  }
  quitAndInstall(): void {
    this.calls.push('quitAndInstall');
  }
}

const SELF: UpdateMode = { kind: 'self-update' };
const DEB: UpdateMode = { kind: 'notify-only', reason: 'This copy was installed as a .deb package: update it with your package manager (apt), or install the new .deb.' };

function desk(options: { mode?: UpdateMode; automatic?: boolean; signInPending?: boolean } = {}) {
  const clock = new ManualClock();
  const updater = new StandInUpdater();
  const notes: string[] = [];
  const flags = { automatic: options.automatic ?? true, signInPending: options.signInPending ?? false };
  const policy = new UpdateDesk({
    version: '1.2.2',
    mode: options.mode ?? SELF,
    updater,
    timers: clock,
    automatic: () => flags.automatic,
    signInPending: () => flags.signInPending,
    notify: (title, body) => notes.push(`${title}: ${body}`),
    onChange: () => undefined,
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
    assert.equal(updater.calls.at(-1), 'quitAndInstall');
  });

  test('a failed download offers nothing and retries later', async () => {
    const { clock, updater, notes, policy } = desk();
    updater.answers = ['1.2.3'];
    updater.downloadFails = true;
    await policy.checkNow();
    assert.equal(policy.view().readyVersion, null);
    assert.match(policy.view().status, /^Could not check for updates: net::ERR_CONNECTION_RESET\. Trying again in 5 min\.$/);
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
    assert.equal(view.status, `Version 1.3.0 is available. ${DEB.kind === 'notify-only' ? DEB.reason : ''}`);
    assert.deepEqual(notes, [`Update available: ${view.status}`]);
    assert.deepEqual(policy.restart(), { ok: false, message: 'No update has been downloaded yet.' });
  });

  test('a development run (off): no timer, no check, and it says why', async () => {
    const { clock, updater, policy } = desk({ mode: { kind: 'off', reason: 'This is a development run, not an installed copy: it does not check for updates.' } });
    policy.start();
    assert.equal(clock.pendingCount, 0);
    const view = await policy.checkNow();
    assert.deepEqual(updater.calls, []);
    assert.deepEqual(view, { version: '1.2.2', status: 'This is a development run, not an installed copy: it does not check for updates.', readyVersion: null, canCheck: false });
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
