import assert from 'node:assert/strict';
import { test } from 'node:test';
import { acceleratorProblem } from '../../src-main/core/settings/accelerator.ts';

test('accepts Electron accelerators: modifiers (any case, any alias) and one key code; "" turns the shortcut off', () => {
  for (const accelerator of ['', 'CommandOrControl+Shift+A', 'CmdOrCtrl+Alt+T', 'Ctrl+F12', 'Command+Option+Space', 'Super+Plus', 'Control+Shift+/', 'Alt+num5', 'AltGr+F24', 'Meta+PageDown', 'ctrl+shift+a', 'Shift+Alt+VolumeUp', "Ctrl+'", 'Ctrl+Esc']) {
    assert.equal(acceleratorProblem(accelerator), undefined, accelerator);
  }
});

test('refuses what Electron would not register, or would take keys from every program, with a message naming the fix', () => {
  const cases: [string, RegExp][] = [
    ['A', /needs at least one modifier, e\.g\. CommandOrControl\+Shift\+A/],
    ['F5', /needs at least one modifier/],
    ['Shift+A', /modifier besides Shift/],
    ['Ctrl+Shift', /ends with the modifier "Shift"; add the key/],
    ['Ctrl++', /write the \+ key as "Plus"/],
    ['Ctrl+A+B', /more than one key \("A" and "B"\)/],
    ['Hyper+A', /"Hyper" is not a modifier; use Command \(Cmd\), Control \(Ctrl\)/],
    ['Ctrl+F25', /"F25" is not a key Electron knows/],
    ['Ctrl+é', /is not a key Electron knows/],
    ['Ctrl + A', /spaces or invisible characters/],
    ['Ctrl+\u200bA', /spaces or invisible characters/],
    ['Ctrl+Ctrl+A', /names a modifier twice/],
    [`Ctrl+${'A'.repeat(200)}`, /too long/],
  ];
  for (const [accelerator, message] of cases) assert.match(acceleratorProblem(accelerator) ?? 'accepted', message, accelerator);
});
