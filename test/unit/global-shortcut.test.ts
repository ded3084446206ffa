import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createShortcutDesk, type ShortcutPort } from '../../src-main/core/settings/global-shortcut.ts';

/** A desktop whose shortcuts in `taken` belong to another program. */
function desktop(taken: readonly string[] = []): ShortcutPort & { readonly calls: string[]; press(accelerator: string): void } {
  const callbacks = new Map<string, () => void>();
  const calls: string[] = [];
  return {
    calls,
    register(accelerator, callback) {
      calls.push(`register ${accelerator}`);
      if (taken.includes(accelerator) || callbacks.has(accelerator)) return false;
      callbacks.set(accelerator, callback);
      return true;
    },
    unregister(accelerator) {
      calls.push(`unregister ${accelerator}`);
      callbacks.delete(accelerator);
    },
    press(accelerator) {
      callbacks.get(accelerator)?.();
    },
  };
}

test('the global shortcut is off by default: an empty accelerator registers nothing', () => {
  const port = desktop();
  const desk = createShortcutDesk(port, () => assert.fail('never pressed'));
  desk.apply('');
  assert.deepEqual(port.calls, []);
  assert.equal(desk.problem, null);
});

test('registers the shortcut, calls press on it, swaps it for a new one and unregisters it when turned off or on quit', () => {
  const port = desktop();
  let presses = 0;
  const desk = createShortcutDesk(port, () => presses++);
  desk.apply('CommandOrControl+Shift+A');
  port.press('CommandOrControl+Shift+A');
  assert.equal(presses, 1);
  desk.apply('CommandOrControl+Shift+A');
  assert.deepEqual(port.calls, ['register CommandOrControl+Shift+A'], 'the same accelerator again changes nothing');
  desk.apply('Alt+F9');
  desk.apply('');
  assert.deepEqual(port.calls, ['register CommandOrControl+Shift+A', 'unregister CommandOrControl+Shift+A', 'register Alt+F9', 'unregister Alt+F9']);
  desk.apply('Alt+F9');
  desk.stop();
  assert.deepEqual(port.calls.slice(-2), ['register Alt+F9', 'unregister Alt+F9']);
  port.press('Alt+F9');
  assert.equal(presses, 1, 'nothing is left registered');
});

test('a shortcut another program holds is reported in one sentence naming it and the fix, and tried again on the next save', () => {
  const port = desktop(['Alt+Space']);
  const desk = createShortcutDesk(port, () => undefined);
  desk.apply('Alt+Space');
  assert.equal(desk.problem, 'Alt+Space could not be registered: another program (or the system) already uses it; choose another shortcut.');
  desk.apply('Alt+Space');
  assert.deepEqual(port.calls, ['register Alt+Space', 'register Alt+Space'], 'a failed registration is retried');
  desk.apply('Alt+F9');
  assert.equal(desk.problem, null);
});

test('a register that throws counts as taken, and a face without global shortcuts says so', () => {
  const throwing = createShortcutDesk({ register: () => { throw new TypeError('conversion failure'); }, unregister: () => undefined }, () => undefined);
  throwing.apply('Super+K');
  assert.match(throwing.problem ?? '', /^Super\+K could not be registered/);
  const none = createShortcutDesk(undefined, () => undefined);
  none.apply('Alt+F9');
  assert.equal(none.problem, 'Global shortcuts work only in the desktop app, not in this window.');
  none.apply('');
  assert.equal(none.problem, null);
});
