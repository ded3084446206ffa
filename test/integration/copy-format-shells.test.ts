import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { formatForClipboard } from '../../src-main/core/clipboard/copy-format.ts';

/*
 * The shell formats run in real shells. They take only b64token tokens (every such character is
 * tried), and refuse every token beyond that: a quote, a backslash or a `$` would need quoting that
 * differs between shells (fish, PowerShell). What the shell hands to the program must be exactly
 * the token and the base URL (hostile characters in its path included), and nothing may run.
 */

const EVERY_PRINTABLE = Array.from({ length: 0x7e - 0x21 + 1 }, (_, index) => String.fromCharCode(0x21 + index)).join('');
const B64TOKEN_CHARACTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/==';
const TOKENS = [B64TOKEN_CHARACTERS, 'eyJhbGciOiJIUzI1NiJ9.e30.c2ln-_~+/=', 'a', '~root'];
const REFUSED_TOKENS = [EVERY_PRINTABLE, "'", "'\\''", "a'$(touch${IFS}pwned)'b", '`id`', '$HOME', '!!', 'a;b|c&d', '\\', '"\\"', "''", 'a=b', '=a'];
const HOSTILE_BASE = "http://127.0.0.1:8790/a'b;$(id)`x`\\c";
const SHELL_FORMATS = ['curl', 'curl-command', 'httpie', 'export-posix', 'export-powershell'] as const;

test('every shell format refuses a token beyond b64token, without echoing it; header and bare token still copy it', () => {
  for (const token of REFUSED_TOKENS) {
    for (const format of SHELL_FORMATS) {
      assert.throws(
        () => formatForClipboard(token, format, { baseUrl: 'https://api.AIRisk.example.com' }),
        (error: unknown) => error instanceof RangeError && /a shell could read as code/.test(error.message) && (token.length < 3 || !error.message.includes(token)),
        `${format}: ${token}`,
      );
    }
    assert.equal(formatForClipboard(token, 'token'), token);
    assert.equal(formatForClipboard(token, 'header'), `Authorization: Bearer ${token}`);
  }
});

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
    for (const token of TOKENS) {
      const command = formatForClipboard(token, 'curl-command', { baseUrl: HOSTILE_BASE });
      assert.deepEqual(argvFrom(shell, command), ['-H', `Authorization: Bearer ${token}`, quotedHref(HOSTILE_BASE)], `${shell}: ${command}`);
    }
  }
});

test('the curl -H option reaches curl as exactly -H and the header, whatever the token', (t) => {
  if (SHELLS.length === 0) return t.skip('no POSIX shell on this machine');
  for (const shell of SHELLS) {
    for (const token of TOKENS) {
      assert.deepEqual(argvFrom(shell, `curl ${formatForClipboard(token, 'curl')}`), ['-H', `Authorization: Bearer ${token}`], shell);
    }
  }
});

/** The base URL as the commands write it: the parsed URL, a quote or backslash in it percent-encoded. */
const quotedHref = (base: string): string => new URL(base).href.replaceAll("'", '%27').replaceAll('\\', '%5C');

test('httpie reaches http as exactly the base URL and one header item', (t) => {
  if (SHELLS.length === 0) return t.skip('no POSIX shell on this machine');
  for (const shell of SHELLS) {
    for (const token of TOKENS) {
      assert.deepEqual(argvFrom(shell, formatForClipboard(token, 'httpie', { baseUrl: HOSTILE_BASE })), [quotedHref(HOSTILE_BASE), `Authorization:Bearer ${token}`], shell);
    }
  }
});

test('HTTPie itself sends a GET with exactly the Authorization header (http --offline)', (t) => {
  if (spawnSync('http', ['--version'], { stdio: 'ignore' }).status !== 0) return t.skip('HTTPie (http) is not installed on this machine');
  for (const token of TOKENS) {
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
    for (const token of TOKENS) {
      const script = `${formatForClipboard(token, 'export-posix')}\nsh -c 'printf %s "$AIRISK_TOKEN"'`;
      const out = execFileSync(shell, ['-c', script], { encoding: 'utf8', cwd: CWD, env: ENV });
      assert.equal(out, token, shell);
    }
  }
});

test('export-powershell sets $env:AIRISK_TOKEN to exactly the token in PowerShell', (t) => {
  const pwsh = ['pwsh', 'powershell'].find((program) => spawnSync(program, ['-NoProfile', '-Command', 'exit 0'], { stdio: 'ignore' }).status === 0);
  if (pwsh === undefined) return t.skip('PowerShell (pwsh) is not installed on this machine');
  for (const token of TOKENS) {
    const script = `${formatForClipboard(token, 'export-powershell')}\n[Console]::Out.Write($env:AIRISK_TOKEN)`;
    assert.equal(execFileSync(pwsh, ['-NoProfile', '-NonInteractive', '-Command', '-'], { input: script, encoding: 'utf8', cwd: CWD }), token);
  }
});
