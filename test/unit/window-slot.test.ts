import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createWindowSlot, type SlotWindow } from '../../src-main/core/window/window-slot.ts';

/** TEST DOUBLE: a window that records what it was asked to do. */
class FakeWindow implements SlotWindow {
  readonly calls: string[] = [];
  destroyed = false;
  minimized = false;
  onClosed: () => void = () => undefined;
  isDestroyed = (): boolean => this.destroyed;
  isMinimized = (): boolean => this.minimized;
  restore = (): void => void this.calls.push('restore');
  show = (): void => void this.calls.push('show');
  focus = (): void => void this.calls.push('focus');
  close = (): void => {
    this.destroyed = true;
    this.onClosed();
  };
}

function slot() {
  const created: FakeWindow[] = [];
  const windows = createWindowSlot((onClosed) => {
    const window = new FakeWindow();
    window.onClosed = onClosed;
    created.push(window);
    return window;
  });
  return { windows, created };
}

test('show creates the window once and then brings the same one to the front', () => {
  const { windows, created } = slot();
  windows.show();
  windows.show();
  assert.equal(created.length, 1);
  assert.deepEqual(created[0]?.calls, ['show', 'focus'], 'a new window shows itself when ready; the second show reuses it');
  assert.equal(windows.current(), created[0]);
});

test('a minimized window is restored before it is shown', () => {
  const { windows, created } = slot();
  windows.show();
  const window = created[0];
  assert.ok(window !== undefined);
  window.minimized = true;
  windows.show();
  assert.deepEqual(window.calls, ['restore', 'show', 'focus']);
});

test('after the window was closed (or destroyed) show creates a new one', () => {
  const { windows, created } = slot();
  windows.show();
  windows.close();
  assert.equal(windows.current(), undefined);
  windows.show();
  assert.equal(created.length, 2);
  const second = created[1];
  assert.ok(second !== undefined);
  second.destroyed = true;
  assert.equal(windows.current(), undefined, 'a destroyed window is never handed out');
  windows.show();
  assert.equal(created.length, 3);
});
