import assert from 'node:assert/strict';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { withLoginShellPath } from '../../../src-main/core/terminal/login-shell-path.ts';

const skip = process.platform === 'win32' ? 'needs a POSIX shell script as the login shell' : false;

/** A stand-in login shell: prints a profile line, then runs the command it is given with a terminal's PATH. */
async function fakeShell(directory: string, terminalPath: string): Promise<string> {
  const shell = join(directory, 'login-shell');
  await writeFile(shell, `#!/bin/sh\necho "Welcome back"\nPATH='${terminalPath}'\nexport PATH\nshift\nexec /bin/sh -c "$1"\n`);
  await chmod(shell, 0o755);
  return shell;
}

test('macOS: the login shell\'s PATH entries are added after the app\'s own, once each, whatever its profile prints', { skip }, async (t) => {
  const directory = await mkdtemp(join(tmpdir(), 'airisk-login-shell-'));
  t.after(() => rm(directory, { recursive: true, force: true }));
  const shell = await fakeShell(directory, '/opt/homebrew/bin:/usr/bin:/Users/me/.local/bin');
  assert.equal(await withLoginShellPath('/usr/bin:/bin', { SHELL: shell }, 'darwin'), '/usr/bin:/bin:/opt/homebrew/bin:/Users/me/.local/bin');
});

test('macOS: a login shell that fails or is missing leaves PATH as it was', { skip }, async () => {
  assert.equal(await withLoginShellPath('/usr/bin:/bin', { SHELL: '/nonexistent/shell' }, 'darwin'), '/usr/bin:/bin');
});

test('Linux and Windows: PATH is taken as it is (no shell is started)', async () => {
  assert.equal(await withLoginShellPath('/usr/bin', { SHELL: '/nonexistent/shell' }, 'linux'), '/usr/bin');
  assert.equal(await withLoginShellPath('C:\\\\Windows', {}, 'win32'), 'C:\\\\Windows');
});
