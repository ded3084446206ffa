import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTickStore, type TickEnvironment } from '../../src-renderer/lib/tick-store.ts';

/** A hand-driven clock, timer queue and visibility flag. */
function fakeEnvironment(startMs = 1_000_000_250) {
  // `now` runs with the timers; the wall clock is `now` plus what it was set by.
  let now = startMs;
  let wallClockShift = 0;
  let hidden = false;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const visibilityListeners = new Set<() => void>();
  let nextId = 1;
  const environment: TickEnvironment = {
    now: () => now + wallClockShift,
    setTimeout(callback, ms) {
      const id = nextId++;
      timers.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    isHidden: () => hidden,
    onVisibilityChange(listener) {
      visibilityListeners.add(listener);
      return () => visibilityListeners.delete(listener);
    },
  };
  return {
    environment,
    pendingTimers: () => timers.size,
    visibilityListenerCount: () => visibilityListeners.size,
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, timer]) => timer.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (due === undefined) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].callback();
      }
      now = until;
    },
    /** Sets the wall clock by `deltaMs` (a person or NTP did it); armed timers keep their delays. */
    shiftWallClock(deltaMs: number) {
      wallClockShift += deltaMs;
    },
    setHidden(value: boolean) {
      hidden = value;
      for (const listener of [...visibilityListeners]) listener();
    },
  };
}

test('ticks once a second, on the whole second, while someone listens', () => {
  const fake = fakeEnvironment();
  const store = createTickStore(fake.environment);
  const seen: number[] = [];
  const unsubscribe = store.subscribe(() => seen.push(store.getSnapshot()));
  fake.advance(3000);
  assert.deepEqual(seen, [1_000_001_000, 1_000_002_000, 1_000_003_000]);
  unsubscribe();
});

test('one timer serves every listener', () => {
  const fake = fakeEnvironment();
  const store = createTickStore(fake.environment);
  const stops = Array.from({ length: 500 }, () => store.subscribe(() => undefined));
  assert.equal(fake.pendingTimers(), 1);
  for (const stop of stops) stop();
  assert.equal(fake.pendingTimers(), 0);
});

test('stops when nothing is mounted and stops listening for visibility', () => {
  const fake = fakeEnvironment();
  const store = createTickStore(fake.environment);
  const unsubscribe = store.subscribe(() => undefined);
  assert.equal(store.running(), true);
  assert.equal(fake.visibilityListenerCount(), 1);
  unsubscribe();
  assert.equal(store.running(), false);
  assert.equal(fake.pendingTimers(), 0);
  assert.equal(fake.visibilityListenerCount(), 0);
});

test('stops while the document is hidden and ticks at once when it shows again', () => {
  const fake = fakeEnvironment();
  const store = createTickStore(fake.environment);
  let calls = 0;
  store.subscribe(() => {
    calls += 1;
  });
  fake.setHidden(true);
  assert.equal(store.running(), false);
  fake.advance(60_000);
  assert.equal(calls, 0);
  fake.setHidden(false);
  assert.equal(calls, 1, 'a catch-up tick on becoming visible');
  assert.equal(store.getSnapshot(), 1_000_060_000);
  assert.equal(store.running(), true);
});

test('when idle, the snapshot still reads the current whole second', () => {
  const fake = fakeEnvironment();
  const store = createTickStore(fake.environment);
  fake.advance(5_500);
  assert.equal(store.getSnapshot(), 1_000_005_000);
});

test('a listener that says how long its value holds is woken only then, on the whole second', () => {
  const fake = fakeEnvironment(); // 1_000_000_250
  const store = createTickStore(fake.environment);
  const seen: number[] = [];
  // A value that changes at 1_000_010_500 and then every 30 s.
  const steadyFor = (nowMs: number): number => (nowMs < 1_000_010_500 ? 1_000_010_500 - nowMs : 30_000 - ((nowMs - 1_000_010_500) % 30_000));
  store.subscribe(() => seen.push(store.getSnapshot()), steadyFor);
  fake.advance(70_000);
  assert.deepEqual(seen, [1_000_011_000, 1_000_041_000], 'the first whole second at or after each change, and nothing between');
  assert.equal(fake.pendingTimers(), 1);
});

test('the earliest listener sets the timer; one that never changes needs none; at most one tick a second', () => {
  const fake = fakeEnvironment();
  const store = createTickStore(fake.environment);
  let slow = 0;
  let fast = 0;
  const stopNever = store.subscribe(() => undefined, () => Infinity);
  assert.equal(store.running(), false, 'nothing can change: no timer');
  store.subscribe(() => (slow += 1), () => 60_000);
  assert.equal(store.running(), true);
  fake.advance(59_000);
  assert.equal(slow, 0);
  const stopFast = store.subscribe(() => (fast += 1), () => 0);
  fake.advance(3000);
  assert.equal(fast, 3, 'a value that may change any time is looked at every second, no more');
  assert.equal(slow, 1, 'a listener is told only when its own value may have changed, not at every tick');
  stopFast();
  assert.equal(fake.pendingTimers(), 1);
  stopNever();
});

test('the snapshot is always the current whole second, so a value rendered between ticks is right', () => {
  const fake = fakeEnvironment();
  const store = createTickStore(fake.environment);
  store.subscribe(() => undefined, () => 3_600_000);
  fake.advance(125_000);
  assert.equal(store.getSnapshot(), 1_000_125_000);
});

test('a wall clock set back does not freeze a value until the old time comes round again', () => {
  const fake = fakeEnvironment();
  const store = createTickStore(fake.environment);
  const seen: number[] = [];
  // "N min left": steady until the next whole minute of the (wall) clock.
  store.subscribe(() => seen.push(store.getSnapshot()), (nowMs) => 60_000 - (nowMs % 60_000));
  fake.advance(10_000);
  fake.shiftWallClock(-3_600_000);
  fake.advance(20_000);
  assert.deepEqual(seen, [996_420_000], 'told when its timer fired, an hour early on the new clock');
  fake.advance(120_000);
  assert.deepEqual(seen, [996_420_000, 996_480_000, 996_540_000], 'then at every minute of the new clock');
});
