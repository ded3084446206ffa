import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { formatForClipboard } from '../../src-main/core/clipboard/copy-format.ts';

/*
 * The shell formats run in real shells with hostile tokens: every printable ASCII character a
 * server could put in a header-safe token, and the sequences that break naive quoting. What the
 * shell hands to the program must be exactly the token and the base URL, and nothing may run.
 */

const EVERY_PRINTABLE = Array.from({ length: 0x7e - 0x21 + 1 }, (_, index) => String.fromCharCode(0x21 + index)).join('');
const HOSTILE_TOKENS = [EVERY_PRINTABLE, "'", "'\\''", "a'$(touch${IFS}pwned)'b", '`id`', '$HOME', '~root', '!!', 'a;b|c&d', '\\', '\\\\', '"\\"', "''"];
const HOSTILE_BASE = "http://127.0.0.1:8790/a'b;$(id)`x`";

/** A bare environment (no BASH_ENV, no profile) and an empty folder: a command the quoting let run would leave a file there. */
const ENV = { PATH: process.env.PATH ?? '/usr/bin:/bin' };
const CWD = mkdtempSync(join(tmpdir(), 'airisk-copy-shells-'));
after(() => assert.deepEqual(readdirSync(CWD), [], 'a quoted token ran a command'));

function has(program: string): boolean {
  return spawnSync(program, ['-c', 'exit 0'], { stdio: 'ignore', env: ENV }).status === 0;
}

const SHELLS = ['sh', 'bash', 'dash', 'zsh'].filter(has);

/** Runs `script` in `shell` with a `curl` and an `http` function that print their arguments, NUL-separated. */
function argvFrom(shell: string, command: string): string[] {
  const script = `curl() { printf '%s\\0' "$@"; }\nhttp() { printf '%s\\0' "$@"; }\n${command}`;
  const out = execFileSync(shell, ['-c', script], { encoding: 'utf8', cwd: CWD, env: ENV });
  return out.split('\0').slice(0, -1);
}

test('curl-command reaches curl as exactly -H, the header and the base URL in every POSIX shell, whatever the token', (t) => {
  if (SHELLS.length === 0) return t.skip('no POSIX shell on this machine');
  for (const shell of SHELLS) {
    for (const token of HOSTILE_TOKENS) {
      const command = formatForClipboard(token, 'curl-command', { baseUrl: HOSTILE_BASE });
      assert.deepEqual(argvFrom(shell, command), ['-H', `Authorization: Bearer ${token}`, new URL(HOSTILE_BASE).href], `${shell}: ${command}`);
    }
  }
});

test('the curl -H option reaches curl as exactly -H and the header, whatever the token', (t) => {
  if (SHELLS.length === 0) return t.skip('no POSIX shell on this machine');
  for (const shell of SHELLS) {
    for (const token of [...HOSTILE_TOKENS, 'eyJhbGciOiJIUzI1NiJ9.e30.c2ln-_~+/=']) {
      assert.deepEqual(argvFrom(shell, `curl ${formatForClipboard(token, 'curl')}`), ['-H', `Authorization: Bearer ${token}`], shell);
    }
  }
});

/** HTTPie reads backslashes in items as escapes, differently by version: the httpie format refuses such tokens. */
const HTTPIE_TOKENS = HOSTILE_TOKENS.filter((token) => !token.includes('\\'));

test('httpie reaches http as exactly the base URL and one header item, whatever the token without a backslash', (t) => {
  if (SHELLS.length === 0) return t.skip('no POSIX shell on this machine');
  for (const shell of SHELLS) {
    for (const token of HTTPIE_TOKENS) {
      assert.deepEqual(argvFrom(shell, formatForClipboard(token, 'httpie', { baseUrl: HOSTILE_BASE })), [new URL(HOSTILE_BASE).href, `Authorization:Bearer ${token}`], shell);
    }
  }
});

test('HTTPie itself sends a GET with exactly the Authorization header (http --offline), whatever the token without a backslash', (t) => {
  if (spawnSync('http', ['--version'], { stdio: 'ignore' }).status !== 0) return t.skip('HTTPie (http) is not installed on this machine');
  for (const token of [...HTTPIE_TOKENS, EVERY_PRINTABLE.replace('\\', '')]) {
    const command = formatForClipboard(token, 'httpie', { baseUrl: 'http://127.0.0.1:9/' });
    // --ignore-stdin: the test's stdin is a pipe, which HTTPie would send as a body (a terminal's is not).
    const out = execFileSync('sh', ['-c', command.replace(/^http /, 'http --offline --ignore-stdin --print=H --pretty=none ')], { encoding: 'utf8', cwd: CWD });
    const lines = out.split(/\r?\n/);
    assert.ok(lines.includes(`Authorization: Bearer ${token}`), out);
    assert.match(lines[0] ?? '', /^GET \/ HTTP\/1\.1$/);
  }
});

test('export-posix sets AIRISK_TOKEN to exactly the token in every POSIX shell, and runs nothing', (t) => {
  if (SHELLS.length === 0) return t.skip('no POSIX shell on this machine');
  for (const shell of SHELLS) {
    for (const token of HOSTILE_TOKENS) {
      const script = `${formatForClipboard(token, 'export-posix')}\nsh -c 'printf %s "$AIRISK_TOKEN"'`;
      const out = execFileSync(shell, ['-c', script], { encoding: 'utf8', cwd: CWD, env: ENV });
      assert.equal(out, token, shell);
    }
  }
});

test('export-powershell sets $env:AIRISK_TOKEN to exactly the token in PowerShell', (t) => {
  const pwsh = ['pwsh', 'powershell'].find((program) => spawnSync(program, ['-NoProfile', '-Command', 'exit 0'], { stdio: 'ignore' }).status === 0);
  if (pwsh === undefined) return t.skip('PowerShell (pwsh) is not installed on this machine');
  for (const token of HOSTILE_TOKENS) {
    const script = `${formatForClipboard(token, 'export-powershell')}\n[Console]::Out.Write($env:AIRISK_TOKEN)`;
    assert.equal(execFileSync(pwsh, ['-NoProfile', '-NonInteractive', '-Command', '-'], { input: script, encoding: 'utf8', cwd: CWD }), token);
  }
});
