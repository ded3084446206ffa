import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ExpiryScheduler } from '../../src-main/core/expiry/expiry-scheduler.ts';
import type { StatusChange } from '../../src-main/core/expiry/expiry-scheduler.ts';
import { nextStatusChangeAt, tokenStatus } from '../../src-main/core/expiry/token-status.ts';
import type { ExpiryFacts } from '../../src-main/core/expiry/token-status.ts';
import { MAX_TIMER_DELAY_MS, systemTimers } from '../../src-main/core/ports/timer-port.ts';
import { ManualClock } from '../support/manual-clock.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const LEAD = 5 * MINUTE;

function setUp(leadMs = LEAD): { clock: ManualClock; scheduler: ExpiryScheduler; batches: (readonly StatusChange[])[] } {
  const clock = new ManualClock();
  const scheduler = new ExpiryScheduler({ timers: clock, leadMs });
  const batches: (readonly StatusChange[])[] = [];
  scheduler.onChange((changes) => batches.push(changes));
  return { clock, scheduler, batches };
}

/** Expires `ms` from the clock's now, on a server clock `skewMs` ahead. */
function expiringIn(clock: ManualClock, ms: number, skewMs = 0): ExpiryFacts {
  return { expirationMs: clock.now() + skewMs + ms, clockSkewMs: skewMs };
}

/** Deterministic pseudo-random integers in [0, n), so a failing run can be repeated. */
function seededRandom(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
}

/** Every local instant in (from, to] at which some account's status changes. */
function boundariesIn(accounts: ReadonlyMap<string, ExpiryFacts>, from: number, to: number, leadMs: number): { instants: Set<number>; crossings: number } {
  const instants = new Set<number>();
  let crossings = 0;
  for (const facts of accounts.values()) {
    for (let at = nextStatusChangeAt(facts, from, leadMs); at !== undefined && at <= to; at = nextStatusChangeAt(facts, at, leadMs)) {
      instants.add(at);
      crossings += 1;
    }
  }
  return { instants, crossings };
}

function randomAccounts(clock: ManualClock, count: number, spreadMs: number, seed: number): Map<string, ExpiryFacts> {
  const random = seededRandom(seed);
  const accounts = new Map<string, ExpiryFacts>();
  for (let index = 0; index < count; index += 1) {
    // Whole seconds and a few skews, so many accounts share boundary instants.
    const skewMs = (random(7) - 3) * SECOND;
    accounts.set(`user_${index}`, expiringIn(clock, random(spreadMs / SECOND) * SECOND - MINUTE, skewMs));
  }
  return accounts;
}

test('judges status on the server clock, with positive and negative skew', () => {
  const { clock, scheduler } = setUp();
  scheduler.setAccount('ahead', { expirationMs: clock.now() + 6 * MINUTE, clockSkewMs: 2 * MINUTE });
  scheduler.setAccount('behind', { expirationMs: clock.now() + 4 * MINUTE, clockSkewMs: -2 * MINUTE });
  assert.equal(scheduler.status('ahead'), 'expiring', '4 min left on the server clock');
  assert.equal(scheduler.status('behind'), 'valid', '6 min left on the server clock');
  assert.equal(scheduler.status('nobody'), undefined);
});

test('follows one account through valid → expiring → expired with one timer at a time', () => {
  const { clock, scheduler, batches } = setUp();
  scheduler.setAccount('generic', expiringIn(clock, 10 * MINUTE));
  assert.equal(scheduler.status('generic'), 'valid');
  assert.equal(batches.length, 0, 'adding an account reports nothing');
  assert.equal(clock.pendingCount, 1);
  assert.equal(clock.nextTimerIn(), 5 * MINUTE);

  clock.advance(5 * MINUTE - 1);
  assert.equal(batches.length, 0);
  clock.advance(1);
  assert.deepEqual(batches, [[{ id: 'generic', from: 'valid', to: 'expiring' }]]);
  assert.equal(clock.pendingCount, 1);
  assert.equal(clock.nextTimerIn(), 5 * MINUTE);

  clock.advance(5 * MINUTE);
  assert.deepEqual(batches[1], [{ id: 'generic', from: 'expiring', to: 'expired' }]);
  assert.equal(scheduler.status('generic'), 'expired');
  assert.equal(clock.pendingCount, 0, 'nothing left to wait for');
  clock.advance(DAY);
  assert.equal(batches.length, 2);
  assert.equal(clock.firedCount, 2);
  assert.equal(clock.maxPendingCount, 1);
});

test('over 60 s with 1,000 accounts, wakes exactly once per distinct status-change instant', () => {
  const { clock, scheduler, batches } = setUp();
  // Expirations from 1 min ago to 9 min ahead: every account crosses at most a boundary or two in the window.
  const accounts = randomAccounts(clock, 1000, 10 * MINUTE, 42);
  scheduler.setAll(accounts);
  assert.equal(clock.pendingCount, 1);

  const start = clock.now();
  const { instants, crossings } = boundariesIn(accounts, start, start + 60 * SECOND, LEAD);
  assert.ok(instants.size > 10 && instants.size < crossings, `want shared instants (${instants.size} instants, ${crossings} crossings)`);

  const firedBefore = clock.firedCount;
  clock.advance(60 * SECOND);
  assert.equal(clock.firedCount - firedBefore, instants.size, 'one wake-up per distinct instant, none otherwise');
  assert.equal(batches.length, instants.size, 'one batch per wake-up');
  assert.equal(batches.flat().length, crossings, 'every crossing reported once');
  assert.equal(clock.maxPendingCount, 1, 'never more than one timer armed');
  assert.equal(clock.pendingCount, 1);
  for (const [id, facts] of accounts) assert.equal(scheduler.status(id), tokenStatus(facts, clock.now(), LEAD), id);
});

test('accounts crossing a boundary at the same instant come in one firing, one batch', () => {
  const { clock, scheduler, batches } = setUp();
  scheduler.setAccount('a', expiringIn(clock, 10 * MINUTE));
  scheduler.setAccount('b', expiringIn(clock, 10 * MINUTE, 2 * SECOND));
  scheduler.setAccount('c', expiringIn(clock, 5 * MINUTE));
  clock.advance(5 * MINUTE);
  assert.equal(clock.firedCount, 1, 'c expires as a and b turn expiring: one wake-up');
  assert.equal(batches.length, 1);
  assert.deepEqual(
    [...(batches[0] ?? [])].sort((x, y) => x.id.localeCompare(y.id)),
    [
      { id: 'a', from: 'valid', to: 'expiring' },
      { id: 'b', from: 'valid', to: 'expiring' },
      { id: 'c', from: 'expiring', to: 'expired' },
    ],
  );
});

test('re-arms after an account is set, replaced or removed, and after a sign-in', () => {
  const { clock, scheduler, batches } = setUp();
  scheduler.setAccount('later', expiringIn(clock, HOUR));
  assert.equal(clock.nextTimerIn(), HOUR - LEAD);
  scheduler.setAccount('sooner', expiringIn(clock, 20 * MINUTE));
  assert.equal(clock.nextTimerIn(), 15 * MINUTE, 'an earlier boundary re-arms');
  scheduler.setAccount('even-later', expiringIn(clock, 2 * HOUR));
  assert.equal(clock.nextTimerIn(), 15 * MINUTE, 'a later one does not move the timer');
  scheduler.removeAccount('sooner');
  assert.equal(clock.nextTimerIn(), HOUR - LEAD);
  scheduler.removeAccount('no-such-account');
  assert.equal(clock.pendingCount, 1);

  clock.advance(HOUR);
  assert.equal(scheduler.status('later'), 'expired');
  // Signing in again replaces the facts: reported as a change, and followed from now on.
  scheduler.setAccount('later', expiringIn(clock, 8 * HOUR));
  assert.deepEqual(batches.at(-1), [{ id: 'later', from: 'expired', to: 'valid' }]);
  assert.equal(clock.nextTimerIn(), 2 * HOUR - LEAD - HOUR, "even-later's boundary comes first");
  assert.equal(clock.maxPendingCount, 1);
});

test('a lead change re-judges every account and re-arms', () => {
  const { clock, scheduler, batches } = setUp();
  scheduler.setAll([
    ['a', expiringIn(clock, 8 * MINUTE)],
    ['b', expiringIn(clock, 20 * MINUTE)],
    ['c', expiringIn(clock, 3 * MINUTE)],
  ]);
  assert.equal(clock.nextTimerIn(), 3 * MINUTE, 'a turns expiring or c expires, both in 3 min');
  scheduler.setLead(10 * MINUTE);
  assert.equal(scheduler.leadMs, 10 * MINUTE);
  assert.deepEqual(batches, [[{ id: 'a', from: 'valid', to: 'expiring' }]]);
  assert.equal(clock.nextTimerIn(), 3 * MINUTE, 'c expires first');
  scheduler.setLead(0);
  assert.deepEqual(batches[1], [
    { id: 'a', from: 'expiring', to: 'valid' },
    { id: 'c', from: 'expiring', to: 'valid' },
  ]);
  scheduler.setLead(0);
  assert.equal(batches.length, 2, 'the same lead again changes nothing');
  assert.throws(() => scheduler.setLead(-1), RangeError);
  assert.equal(clock.pendingCount, 1);
  assert.equal(clock.maxPendingCount, 1);
});

test('setAll replaces the accounts and reports only status changes of accounts it already knew', () => {
  const { clock, scheduler, batches } = setUp();
  scheduler.setAll(new Map([['a', expiringIn(clock, HOUR)], ['b', expiringIn(clock, HOUR)]]));
  scheduler.setAll(new Map([['a', expiringIn(clock, -MINUTE)], ['c', expiringIn(clock, 2 * MINUTE)]]));
  assert.deepEqual(batches, [[{ id: 'a', from: 'valid', to: 'expired' }]]);
  assert.equal(scheduler.status('b'), undefined);
  assert.equal(scheduler.status('c'), 'expiring');
  assert.equal(clock.nextTimerIn(), 2 * MINUTE);
});

test('after a sleep of hours, resumed() reports what changed meanwhile in one batch and re-arms', () => {
  const { clock, scheduler, batches } = setUp();
  scheduler.setAll([
    ['soon', expiringIn(clock, 10 * MINUTE)],
    ['two-hours', expiringIn(clock, 2 * HOUR, -30 * SECOND)],
    ['four-hours', expiringIn(clock, 4 * HOUR + 2 * MINUTE)],
    ['month', expiringIn(clock, 30 * DAY)],
  ]);
  // The machine sleeps for 4 hours: the wall clock jumps, timers did not run.
  clock.shiftWallClock(4 * HOUR);
  scheduler.resumed();
  assert.deepEqual(batches, [
    [
      { id: 'soon', from: 'valid', to: 'expired' },
      { id: 'two-hours', from: 'valid', to: 'expired' },
      { id: 'four-hours', from: 'valid', to: 'expiring' },
    ],
  ]);
  assert.equal(clock.pendingCount, 1, 'the stale timer was replaced, not doubled');
  assert.equal(clock.nextTimerIn(), 2 * MINUTE);
  clock.advance(2 * MINUTE);
  assert.deepEqual(batches[1], [{ id: 'four-hours', from: 'expiring', to: 'expired' }]);
  assert.equal(clock.nextTimerIn(), 30 * DAY - 4 * HOUR - 2 * MINUTE - LEAD);
  assert.equal(clock.maxPendingCount, 1);
});

test('a timer that fires early (clock set back) reports nothing wrong and re-arms', () => {
  const { clock, scheduler, batches } = setUp();
  scheduler.setAccount('a', expiringIn(clock, 10 * MINUTE));
  clock.shiftWallClock(-30 * SECOND);
  clock.advance(5 * MINUTE);
  assert.equal(clock.firedCount, 1);
  assert.equal(batches.length, 0, 'by the clock, a is still valid');
  assert.equal(scheduler.status('a'), 'valid');
  assert.equal(clock.pendingCount, 1);
  assert.equal(clock.nextTimerIn(), 30 * SECOND);
  clock.advance(30 * SECOND);
  assert.deepEqual(batches, [[{ id: 'a', from: 'valid', to: 'expiring' }]]);
});

test('a late timer (clock jumped ahead without resumed()) reports the status actually reached', () => {
  const { clock, scheduler, batches } = setUp();
  scheduler.setAccount('a', expiringIn(clock, 10 * MINUTE));
  clock.shiftWallClock(HOUR);
  clock.advance(5 * MINUTE);
  assert.deepEqual(batches, [[{ id: 'a', from: 'valid', to: 'expired' }]]);
  assert.equal(clock.pendingCount, 0);
});

test('removing the only account leaves no timer', () => {
  const { clock, scheduler } = setUp();
  scheduler.setAccount('only', expiringIn(clock, HOUR));
  assert.equal(clock.pendingCount, 1);
  scheduler.removeAccount('only');
  assert.equal(clock.pendingCount, 0);
  assert.equal(scheduler.nextChangeAt(), undefined);
});

test('an expired or never-expiring account needs no timer', () => {
  const { clock, scheduler } = setUp();
  scheduler.setAccount('dead', expiringIn(clock, -MINUTE));
  scheduler.setAccount('forever', { expirationMs: Infinity, clockSkewMs: 0 });
  assert.equal(scheduler.status('dead'), 'expired');
  assert.equal(scheduler.status('forever'), 'valid');
  assert.equal(clock.pendingCount, 0);
});

test('dispose clears the timer and later calls do nothing', () => {
  const { clock, scheduler, batches } = setUp();
  scheduler.setAccount('a', expiringIn(clock, 10 * MINUTE));
  scheduler.dispose();
  assert.equal(clock.pendingCount, 0);
  scheduler.setAccount('b', expiringIn(clock, MINUTE));
  scheduler.resumed();
  clock.advance(DAY);
  assert.equal(clock.pendingCount, 0);
  assert.equal(batches.length, 0);
  assert.equal(scheduler.status('a'), undefined);
});

test('a throwing listener does not stop the others or the timer; unsubscribe works', () => {
  const clock = new ManualClock();
  const errors: unknown[] = [];
  const scheduler = new ExpiryScheduler({ timers: clock, onListenerError: (error) => errors.push(error) });
  const seen: string[] = [];
  scheduler.onChange(() => {
    throw new Error('tray exploded');
  });
  const unsubscribe = scheduler.onChange((changes) => seen.push(...changes.map((change) => change.to)));
  scheduler.setAccount('a', expiringIn(clock, 10 * MINUTE));
  clock.advance(5 * MINUTE);
  assert.deepEqual(seen, ['expiring']);
  assert.equal(errors.length, 1);
  assert.equal(clock.pendingCount, 1);
  unsubscribe();
  clock.advance(5 * MINUTE);
  assert.deepEqual(seen, ['expiring']);
});

test('10,000 accounts over a simulated day: one wake-up per distinct instant', () => {
  const { clock, scheduler, batches } = setUp();
  const accounts = randomAccounts(clock, 10_000, DAY, 7);
  const started = performance.now();
  scheduler.setAll(accounts);
  const start = clock.now();
  const { instants, crossings } = boundariesIn(accounts, start, start + DAY, LEAD);
  clock.advance(DAY);
  const elapsed = performance.now() - started;
  assert.equal(clock.firedCount, instants.size);
  assert.equal(batches.flat().length, crossings);
  assert.equal(clock.maxPendingCount, 1);
  assert.equal(clock.pendingCount, 0, 'everything has expired');
  assert.ok(elapsed < 5000, `took ${Math.round(elapsed)} ms`);
});

test('on the system timers, a boundary 30 days away is waited out in chunks instead of overflowing', (context) => {
  context.mock.timers.enable({ apis: ['setTimeout', 'Date'], now: Date.UTC(2025, 2, 31) });
  const scheduler = new ExpiryScheduler({ timers: systemTimers, leadMs: 0 });
  const changes: StatusChange[] = [];
  scheduler.onChange((batch) => changes.push(...batch));
  scheduler.setAccount('month', { expirationMs: Date.now() + 30 * DAY, clockSkewMs: 0 });
  context.mock.timers.tick(MAX_TIMER_DELAY_MS);
  assert.deepEqual(changes, [], 'no early firing at the 2^31-1 ms limit');
  context.mock.timers.tick(30 * DAY - MAX_TIMER_DELAY_MS - 1);
  assert.deepEqual(changes, []);
  context.mock.timers.tick(1);
  assert.deepEqual(changes, [{ id: 'month', from: 'valid', to: 'expired' }]);
  scheduler.dispose();
});

test('system timers can be cleared, also while waiting out a long delay', (context) => {
  context.mock.timers.enable({ apis: ['setTimeout'] });
  let fired = 0;
  const short = systemTimers.setTimeout(() => (fired += 1), 10);
  systemTimers.clearTimeout(short);
  const long = systemTimers.setTimeout(() => (fired += 1), 2 * MAX_TIMER_DELAY_MS);
  context.mock.timers.tick(MAX_TIMER_DELAY_MS + 5);
  systemTimers.clearTimeout(long);
  context.mock.timers.tick(2 * MAX_TIMER_DELAY_MS);
  systemTimers.clearTimeout(long);
  assert.equal(fired, 0);
});
