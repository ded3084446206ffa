import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createQuitCoordinator } from '../../src-main/core/process/quit-coordinator.ts';

/** A `before-quit` event as Electron passes it; `prevented` says whether the quit was held. */
function quitRequest(): { prevented: boolean; preventDefault(): void } {
  return {
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
}

test('the first quit is held until the shutdown finished, repeats are held too, then the quit goes through', async () => {
  const steps: string[] = [];
  let finishShutdown: () => void = () => undefined;
  const coordinator = createQuitCoordinator({
    stopWatching: () => steps.push('stop watching'),
    shutdown: () => {
      steps.push('shutdown');
      return new Promise<void>((resolve) => (finishShutdown = resolve));
    },
    cleanUp: () => steps.push('clean up'),
    quit: () => {
      steps.push('quit');
      const last = quitRequest();
      coordinator.beforeQuit(last);
      steps.push(last.prevented ? 'held' : 'let through');
    },
    onError: (error) => steps.push(`error ${String(error)}`),
  });
  const first = quitRequest();
  coordinator.beforeQuit(first);
  assert.equal(first.prevented, true);
  assert.equal(coordinator.stage(), 'shutting-down');
  const repeat = quitRequest();
  coordinator.beforeQuit(repeat);
  assert.equal(repeat.prevented, true, 'a second Quit while shutting down is held, not a second shutdown');
  finishShutdown();
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(steps, ['stop watching', 'shutdown', 'clean up', 'quit', 'let through']);
  assert.equal(coordinator.stage(), 'done');
});

test('a failed shutdown or cleanup is reported and the app still quits', async () => {
  const steps: string[] = [];
  const coordinator = createQuitCoordinator({
    stopWatching: () => undefined,
    shutdown: () => Promise.reject(new Error('disk full')),
    cleanUp: () => {
      throw new Error('tray gone');
    },
    quit: () => steps.push('quit'),
    onError: (error) => steps.push(error instanceof Error ? error.message : String(error)),
  });
  coordinator.beforeQuit(quitRequest());
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(steps, ['disk full', 'tray gone', 'quit']);
});
