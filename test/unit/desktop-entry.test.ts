import assert from 'node:assert/strict';
import { test } from 'node:test';
import { desktopEntryText, entryStartsApp, execLine, quoteExecArgument } from '../../src-main/core/autostart/desktop-entry.ts';

/**
 * TEST REFERENCE: reads an `Exec=` value back the way the Desktop Entry Specification says a
 * launcher does — undo the string escapes (`\\`, `\s`, `\n`, `\t`, `\r`), split on unquoted spaces,
 * undo the quoting (`\"`, `` \` ``, `\$`, `\\` inside double quotes), then turn `%%` into `%`.
 * Throws on anything the spec calls invalid (a reserved character outside quotes, a bare field code).
 */
function parseExecValue(value: string): string[] {
  const unescaped = value.replace(/\\(.)/g, (_match, character: string) => ({ s: ' ', n: '\n', t: '\t', r: '\r', '\\': '\\' })[character] ?? `\\${character}`);
  const args: string[] = [];
  let current = '';
  let inQuotes = false;
  let started = false;
  for (let index = 0; index < unescaped.length; index += 1) {
    const character = unescaped[index] ?? '';
    if (inQuotes) {
      if (character === '\\') {
        const next = unescaped[index + 1] ?? '';
        if (!'"`$\\'.includes(next)) throw new Error(`bad escape \\${next} in quotes`);
        current += next;
        index += 1;
      } else if (character === '"') inQuotes = false;
      else current += character;
    } else if (character === ' ') {
      if (started) args.push(current);
      current = '';
      started = false;
    } else if (character === '"') {
      inQuotes = true;
      started = true;
    } else {
      if (/[\t\n"'\\><~|&;$*?#()`]/.test(character)) throw new Error(`reserved character ${character} outside quotes`);
      current += character;
      started = true;
    }
  }
  if (inQuotes) throw new Error('unterminated quote');
  if (started) args.push(current);
  return args.map((argument) => {
    if (/%[^%]/.test(argument.replaceAll('%%', ''))) throw new Error(`field code in ${argument}`);
    return argument.replaceAll('%%', '%');
  });
}

test('plain paths stay unquoted; paths with spaces are quoted', () => {
  assert.equal(quoteExecArgument('/opt/AIRisk/airisk-token-tray'), '/opt/AIRisk/airisk-token-tray');
  assert.equal(quoteExecArgument('--hidden'), '--hidden');
  assert.equal(quoteExecArgument('/home/ann/My Apps/AIRisk.AppImage'), '"/home/ann/My Apps/AIRisk.AppImage"');
});

test('a literal % becomes %% (quoted or not), so it is never read as a field code', () => {
  assert.equal(quoteExecArgument('/tmp/100%/app'), '/tmp/100%%/app');
  assert.equal(quoteExecArgument('/tmp/100% sure/app'), '"/tmp/100%% sure/app"');
  assert.equal(quoteExecArgument('/x/%f'), '/x/%%f');
});

test('quotes, backticks, dollars and backslashes are escaped the spec’s way (backslashes doubled again)', () => {
  assert.equal(quoteExecArgument('/a/$HOME'), '"/a/\\\\$HOME"');
  assert.equal(quoteExecArgument('/a/"q"'), '"/a/\\\\"q\\\\""');
  assert.equal(quoteExecArgument('/a/`x`'), '"/a/\\\\`x\\\\`"');
  assert.equal(quoteExecArgument('C:\\dir'), '"C:\\\\\\\\dir"');
  assert.equal(quoteExecArgument(''), '""');
});

test('control characters are refused', () => {
  assert.throws(() => quoteExecArgument('/a\nb'), /control character/);
  assert.throws(() => quoteExecArgument('/a\tb'), /control character/);
  assert.throws(() => execLine([]), /needs a program/);
});

test('every tricky path survives a round trip through the spec’s own reading rules', () => {
  const paths = [
    '/home/ann/My Apps/AIRisk Token Tray.AppImage',
    '/home/ann/100% legit/app',
    '/srv/a%b%%c',
    "/home/o'brien/app",
    '/weird/$PATH/`cmd`/"q"/\\back\\slash',
    '/x/(1)&;|<>~*?#/app',
    '/ünïcødé/ℵ/app',
  ];
  for (const path of paths) {
    const command = [path, '--hidden'];
    assert.deepEqual(parseExecValue(execLine(command)), command, path);
  }
});

test('the entry has the fields autostart needs, with the Exec line last written by execLine', () => {
  const text = desktopEntryText({ name: 'AIRisk Token Tray', comment: 'Tokens at hand', command: ['/home/ann/My Apps/AIRisk.AppImage', '--hidden'] });
  assert.equal(
    text,
    [
      '[Desktop Entry]',
      'Type=Application',
      'Version=1.5',
      'Name=AIRisk Token Tray',
      'Comment=Tokens at hand',
      'Exec="/home/ann/My Apps/AIRisk.AppImage" --hidden',
      'Terminal=false',
      'X-GNOME-Autostart-enabled=true',
      '',
    ].join('\n'),
  );
  assert.equal(entryStartsApp(text), true);
});

test('an entry that is hidden, disabled, or has no Exec does not start the app', () => {
  const base = '[Desktop Entry]\nType=Application\nExec=/x\n';
  assert.equal(entryStartsApp(base), true);
  assert.equal(entryStartsApp(`${base}Hidden=true\n`), false);
  assert.equal(entryStartsApp(`${base}X-GNOME-Autostart-enabled=false\n`), false);
  assert.equal(entryStartsApp('[Desktop Entry]\nType=Application\n'), false);
  assert.equal(entryStartsApp('[Desktop Entry]\nExec=/x\n[Desktop Action quit]\nHidden=true\n'), true, 'other groups do not count');
  assert.equal(entryStartsApp('[Other]\nExec=/x\n'), false);
});
