import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { browserCandidates, type BrowserSearchContext } from '../../scripts/browser/browser-locations.ts';
import { findBrowser, isRunnableFile } from '../../scripts/browser/find-browser.ts';
import { failureLine, isDebianLike, runQuietly, type InstallStep } from '../../scripts/browser/install-steps.ts';
import { ensureBrowser } from '../../scripts/ensure-browser.ts';

const linux = (env: NodeJS.ProcessEnv, playwrightExecutable?: string): BrowserSearchContext => ({ platform: 'linux', env, homeDirectory: '/home/dev', playwrightExecutable });

test('an explicit CHROMIUM_PATH is the only candidate, so a typo is never papered over', () => {
  assert.deepEqual(browserCandidates(linux({ CHROMIUM_PATH: '/opt/my/chrome', PATH: '/usr/bin' }, '/pw/chrome')), [{ path: '/opt/my/chrome', source: 'CHROMIUM_PATH' }]);
});

test("candidates run Playwright's own browser first, then installed browsers, then the PATH, without repeats", () => {
  const candidates = browserCandidates(linux({ PATH: '/usr/bin:/home/dev/bin' }, '/pw/chrome'));
  assert.deepEqual(candidates[0], { path: '/pw/chrome', source: 'Playwright' });
  assert.deepEqual(candidates[1], { path: '/usr/bin/chromium', source: 'installed' });
  assert.ok(candidates.some((candidate) => candidate.path === '/home/dev/bin/google-chrome' && candidate.source === 'PATH'));
  assert.equal(candidates.filter((candidate) => candidate.path === '/usr/bin/chromium').length, 1, '/usr/bin on the PATH repeats no installed location');
});

test('Windows and macOS look in their conventional install folders', () => {
  const windows = browserCandidates({ platform: 'win32', env: { PROGRAMFILES: 'C:\\Program Files', LOCALAPPDATA: 'C:\\Users\\dev\\AppData\\Local', Path: 'C:\\tools' }, homeDirectory: 'C:\\Users\\dev', playwrightExecutable: undefined });
  assert.ok(windows.some((candidate) => candidate.path === 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'));
  assert.ok(windows.some((candidate) => candidate.path === 'C:\\Users\\dev\\AppData\\Local\\Microsoft\\Edge\\Application\\msedge.exe'));
  assert.ok(windows.some((candidate) => candidate.path === 'C:\\tools\\chrome.exe' && candidate.source === 'PATH'));
  const mac = browserCandidates({ platform: 'darwin', env: {}, homeDirectory: '/Users/dev', playwrightExecutable: undefined });
  assert.ok(mac.some((candidate) => candidate.path === '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'));
  assert.ok(mac.some((candidate) => candidate.path === '/Users/dev/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'));
});

test('findBrowser takes the first candidate that is a runnable file, skipping folders and non-executables', (t) => {
  if (process.platform === 'win32') return t.skip('POSIX execute bits do not exist on Windows');
  const dir = mkdtempSync(join(tmpdir(), 'browser-find-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const [first, second, third] = ['a', 'b', 'c'].map((name) => join(dir, name));
  mkdirSync(join(first ?? '', 'chromium'), { recursive: true }); // a folder named like the browser
  mkdirSync(second ?? '');
  writeFileSync(join(second ?? '', 'chromium'), '#!/bin/sh\n'); // not executable
  mkdirSync(third ?? '');
  writeFileSync(join(third ?? '', 'chromium'), '#!/bin/sh\n');
  chmodSync(join(third ?? '', 'chromium'), 0o755);
  const context: BrowserSearchContext = { platform: 'linux', env: { PATH: [first, second, third].join(':') }, homeDirectory: dir, playwrightExecutable: join(dir, 'missing-playwright-chrome') };
  const onlyInTemp = (path: string): boolean => path.startsWith(dir) && isRunnableFile(path);
  assert.deepEqual(findBrowser(context, onlyInTemp), { path: join(third ?? '', 'chromium'), source: 'PATH' });
});

// The install steps below are stand-ins: a real download or apt-get install cannot be repeated in a test.
const step = (name: string, result: string | undefined, onRun: () => void = () => undefined, notApplicable?: string): InstallStep => ({
  name,
  notApplicable: () => notApplicable,
  run: () => {
    onRun();
    return Promise.resolve(result);
  },
});

test('a browser already there is used as is and nothing is installed', async () => {
  let ran = false;
  const outcome = await ensureBrowser({ find: () => ({ path: '/usr/bin/chromium', source: 'installed' }), steps: [step('download', undefined, () => (ran = true))], explicitPath: undefined, noBrowser: 'none' });
  assert.deepEqual(outcome, { ok: true, browser: { path: '/usr/bin/chromium', source: 'installed' }, line: 'browser for the UI tests: /usr/bin/chromium (installed)' });
  assert.equal(ran, false);
});

test('with no browser, the next step is tried after a failed one, and the line says what was done', async () => {
  let installed = false;
  const outcome = await ensureBrowser({
    find: () => (installed ? { path: '/usr/bin/chromium', source: 'installed' } : undefined),
    steps: [step('playwright install chromium', 'Error: Download failure'), step("Debian's chromium package", undefined, () => (installed = true))],
    explicitPath: undefined,
    noBrowser: 'none',
  });
  assert.equal(outcome.ok, true);
  assert.equal(outcome.line, "browser for the UI tests: none was installed, so Debian's chromium package installed /usr/bin/chromium; before that playwright install chromium: Error: Download failure");
});

test('when every step fails or does not apply, the outcome names each reason and the fixes', async () => {
  const outcome = await ensureBrowser({ find: () => undefined, steps: [step('download', 'Error: offline'), step('apt', 'x', () => assert.fail('must not run'), 'needs root')], explicitPath: undefined, noBrowser: 'No browser. Fix it.' });
  assert.deepEqual(outcome, { ok: false, line: 'No browser. Fix it.\nTried: download: Error: offline; apt: needs root.' });
});

test('a CHROMIUM_PATH that does not exist fails without installing anything', async () => {
  const outcome = await ensureBrowser({ find: () => undefined, steps: [step('download', undefined, () => assert.fail('must not run'))], explicitPath: '/typo/chrome', noBrowser: 'CHROMIUM_PATH is wrong' });
  assert.deepEqual(outcome, { ok: false, line: 'CHROMIUM_PATH is wrong' });
});

test("Debian's package is offered on Debian, Ubuntu and their derivatives only", () => {
  assert.equal(isDebianLike('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n'), true);
  assert.equal(isDebianLike('ID=linuxmint\nID_LIKE="ubuntu debian"\n'), true);
  assert.equal(isDebianLike('ID=fedora\n'), false);
  assert.equal(isDebianLike(''), false);
});

test("a failed command's reason is its error line without colours, and a real failing process reports it", async () => {
  assert.equal(failureLine('\x1b[2mDownloading x\x1b[22m\nError: Download failure, code=1\n    at foo\n'), 'Error: Download failure, code=1');
  assert.equal(failureLine('one\nlast words\n'), 'last words');
  const reason = await runQuietly(process.execPath, ['-e', 'console.log("working"); console.error("Error: boom"); process.exit(3)'], { timeoutMs: 10_000 });
  assert.equal(reason, 'Error: boom');
  assert.equal(await runQuietly(process.execPath, ['-e', ''], { timeoutMs: 10_000 }), undefined);
});
