import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTickStore, type TickEnvironment } from '../../src-renderer/lib/tick-store.ts';

/** A hand-driven clock, timer queue and visibility flag. */
function fakeEnvironment(startMs = 1_000_000_250) {
  let now = startMs;
  let hidden = false;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const visibilityListeners = new Set<() => void>();
  let nextId = 1;
  const environment: TickEnvironment = {
    now: () => now,
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
