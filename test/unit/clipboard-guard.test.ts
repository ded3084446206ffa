import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inspect } from 'node:util';
import { ClipboardGuard, DEFAULT_CLIPBOARD_CLEAR_MS } from '../../src-main/core/clipboard/clipboard-guard.ts';
import type { ClipboardGuardOptions } from '../../src-main/core/clipboard/clipboard-guard.ts';
import type { ClipboardPort } from '../../src-main/core/clipboard/clipboard-port.ts';
import { MemoryClipboard } from '../../src-main/core/clipboard/memory-clipboard.ts';
import { ManualClock } from '../support/manual-clock.ts';

const TOKEN = 'Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyXzQyIn0.c2lnbmF0dXJl';
const OTHER_TOKEN = 'Authorization: Bearer second.token.value';

/** Lets the guard's queued clipboard operations (promises) run after a timer fired. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function setUp(options: Partial<ClipboardGuardOptions> = {}): { clock: ManualClock; clipboard: MemoryClipboard; guard: ClipboardGuard } {
  const clock = new ManualClock();
  const clipboard = new MemoryClipboard();
  const guard = new ClipboardGuard({ clipboard, timers: clock, ...options });
  return { clock, clipboard, guard };
}

/** A clipboard whose every operation fails the way a broken system clipboard would. */
class BrokenClipboard implements ClipboardPort {
  readonly #inner = new MemoryClipboard();
  failWrite = false;
  failRead = false;
  failClear = false;

  writeText(text: string): Promise<void> {
    return this.failWrite ? Promise.reject(new Error('X11 selection owner went away')) : this.#inner.writeText(text);
  }

  readText(): Promise<string> {
    return this.failRead ? Promise.reject(new Error('read refused')) : this.#inner.readText();
  }

  clear(): Promise<void> {
    return this.failClear ? Promise.reject(new Error('clear refused')) : this.#inner.clear();
  }
}

test('clears the clipboard 60 s after a copy by default', async () => {
  const { clock, clipboard, guard } = setUp();
  assert.equal(DEFAULT_CLIPBOARD_CLEAR_MS, 60_000);
  const { clearsAt } = await guard.copy(TOKEN);
  assert.equal(clearsAt, clock.now() + 60_000);
  assert.equal(await clipboard.readText(), TOKEN);
  assert.equal(clock.pendingCount, 1);

  clock.advance(59_999);
  await settle();
  assert.equal(await clipboard.readText(), TOKEN);
  clock.advance(1);
  await settle();
  assert.equal(await clipboard.readText(), '');
  assert.equal(clock.pendingCount, 0);
  assert.equal(guard.lastError, undefined);
});

test('does not clear what another app copied in between', async () => {
  const { clock, clipboard, guard } = setUp();
  await guard.copy(TOKEN);
  clock.advance(10_000);
  clipboard.writeFromOtherApp('some code the person copied');
  clock.advance(50_000);
  await settle();
  assert.equal(await clipboard.readText(), 'some code the person copied');
  assert.equal(clock.pendingCount, 0);
});

test('clears again when the clipboard holds our text once more (another app copied the same)', async () => {
  const { clock, clipboard, guard } = setUp();
  await guard.copy(TOKEN);
  clipboard.writeFromOtherApp(TOKEN);
  clock.advance(60_000);
  await settle();
  assert.equal(await clipboard.readText(), '', 'same text, still the secret: cleared');
});

test('0 means never clear, not even on flush', async () => {
  const { clock, clipboard, guard } = setUp({ clearAfterMs: 0 });
  assert.deepEqual(await guard.copy(TOKEN), { clearsAt: undefined });
  assert.equal(clock.pendingCount, 0);
  clock.advance(365 * 24 * 3600_000);
  await guard.flush();
  assert.equal(await clipboard.readText(), TOKEN);
});

test('a second copy restarts the countdown with one timer pending', async () => {
  const { clock, clipboard, guard } = setUp();
  await guard.copy(TOKEN);
  clock.advance(30_000);
  const { clearsAt } = await guard.copy(OTHER_TOKEN);
  assert.equal(clearsAt, clock.now() + 60_000);
  assert.equal(clock.pendingCount, 1);
  clock.advance(30_000);
  await settle();
  assert.equal(await clipboard.readText(), OTHER_TOKEN, 'the first countdown no longer applies');
  clock.advance(30_000);
  await settle();
  assert.equal(await clipboard.readText(), '');
  assert.equal(clock.maxPendingCount, 1);
  assert.equal(clock.firedCount, 1);
});

test('changing the delay re-times the pending clear from the copy', async () => {
  const { clock, clipboard, guard } = setUp();
  await guard.copy(TOKEN);
  clock.advance(10_000);
  guard.setClearAfter(30_000);
  assert.equal(guard.clearAfterMs, 30_000);
  assert.equal(clock.nextTimerIn(), 20_000);
  assert.equal(clock.pendingCount, 1);
  guard.setClearAfter(5_000);
  clock.advance(0);
  await settle();
  assert.equal(await clipboard.readText(), '', 'already past: cleared at once');

  await guard.copy(TOKEN);
  guard.setClearAfter(0);
  assert.equal(clock.pendingCount, 0);
  await guard.flush();
  assert.equal(await clipboard.readText(), TOKEN, 'never means never');
  assert.throws(() => guard.setClearAfter(-1), RangeError);
  assert.throws(() => guard.setClearAfter(Number.NaN), RangeError);
  assert.throws(() => new ClipboardGuard({ clipboard, timers: clock, clearAfterMs: Infinity }), RangeError);
});

test('flush clears our copy now and cancels the timer', async () => {
  const { clock, clipboard, guard } = setUp();
  await guard.copy(TOKEN);
  await guard.flush();
  assert.equal(await clipboard.readText(), '');
  assert.equal(clock.pendingCount, 0);
});

test('flush leaves what another app copied', async () => {
  const { clipboard, guard } = setUp();
  await guard.copy(TOKEN);
  clipboard.writeFromOtherApp('not ours');
  await guard.flush();
  assert.equal(await clipboard.readText(), 'not ours');
});

test('flush waits for a copy still in progress and clears it', async () => {
  const { clipboard, guard } = setUp();
  const copied = guard.copy(TOKEN);
  await guard.flush();
  await copied;
  assert.equal(await clipboard.readText(), '');
});

test('the guard keeps no plaintext', async () => {
  const { guard } = setUp();
  await guard.copy(TOKEN);
  const secret = 'c2lnbmF0dXJl';
  for (const view of [JSON.stringify(guard), inspect(guard, { showHidden: true, depth: Infinity, getters: true })]) {
    assert.ok(!view.includes(secret), view);
  }
});

test('a failing write rejects copy() with a clear message and keeps the earlier clear', async () => {
  const clock = new ManualClock();
  const clipboard = new BrokenClipboard();
  const guard = new ClipboardGuard({ clipboard, timers: clock });
  await guard.copy(TOKEN);
  clipboard.failWrite = true;
  await assert.rejects(guard.copy(OTHER_TOKEN), (error: unknown) => {
    assert.ok(error instanceof Error);
    assert.match(error.message, /^Could not put the text on the clipboard: X11 selection owner went away$/);
    assert.ok(error.cause instanceof Error);
    assert.ok(!error.message.includes('second.token'));
    return true;
  });
  clock.advance(60_000);
  await settle();
  assert.equal(await clipboard.readText(), '', 'the first copy is still cleared');
});

test('a failing clear on the timer does not crash: it lands in lastError and onError, and flush retries', async () => {
  const clock = new ManualClock();
  const clipboard = new BrokenClipboard();
  const errors: Error[] = [];
  const guard = new ClipboardGuard({ clipboard, timers: clock, onError: (error) => errors.push(error) });
  await guard.copy(TOKEN);
  clipboard.failClear = true;
  clock.advance(60_000);
  await settle();
  assert.equal(errors.length, 1);
  assert.equal(guard.lastError, errors[0]);
  assert.match(guard.lastError?.message ?? '', /^Could not clear the copied token from the clipboard: clear refused$/);
  assert.equal(await clipboard.readText(), TOKEN);

  clipboard.failClear = false;
  await guard.flush();
  assert.equal(await clipboard.readText(), '', 'cleared on quit after all');

  await guard.copy(TOKEN);
  clipboard.failRead = true;
  await guard.flush();
  assert.equal(errors.length, 2, 'flush never rejects');
});

test('a throwing onError hook does not crash the timer', async () => {
  const clock = new ManualClock();
  const clipboard = new BrokenClipboard();
  const guard = new ClipboardGuard({
    clipboard,
    timers: clock,
    onError: () => {
      throw new Error('hook broke');
    },
  });
  await guard.copy(TOKEN);
  clipboard.failRead = true;
  clock.advance(60_000);
  await settle();
  assert.match(guard.lastError?.message ?? '', /read refused/);
});

test('dispose cancels the pending clear; a later copy is refused', async () => {
  const { clock, clipboard, guard } = setUp();
  await guard.copy(TOKEN);
  guard.dispose();
  assert.equal(clock.pendingCount, 0);
  await assert.rejects(guard.copy(TOKEN), /shut down/);
  await guard.flush();
  assert.equal(await clipboard.readText(), TOKEN);
});
