/**
 * The esbuild bundles load as CommonJS on Node 24 (Electron 45's Node) with every dependency
 * inlined — conf and electron-store are ESM-only — and talk to Electron only through
 * `require('electron')`. No Electron binary here, so `electron` is a recording stand-in, which also
 * lets the store, app-protocol and preload glue run for real against it.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { build } from 'esbuild';
import { bundleOptions, buildMain } from '../../scripts/build-main.ts';
import { AIRISK_METHOD_NAMES } from '../../src-main/contract-methods.ts';

/**
 * TEST DOUBLE: a stand-in `electron` module (CommonJS) that records what the bundle asks of it.
 * `app.requestSingleInstanceLock()` answers `false`, so main.cjs takes the "another instance runs"
 * path: it registers the app scheme, asks for the lock and quits, having loaded every module.
 */
const RECORDING_ELECTRON_STAND_IN = `
const calls = [];
const record = (name) => (...args) => { calls.push([name, ...args]); };
module.exports = {
  __calls: calls,
  app: {
    setPath: record('app.setPath'),
    requestSingleInstanceLock: (...args) => { calls.push(['app.requestSingleInstanceLock', ...args]); return false; },
    quit: record('app.quit'),
    exit: record('app.exit'),
    on: record('app.on'),
    getPath: (name) => { calls.push(['app.getPath', name]); return process.env.STAND_IN_USER_DATA; },
    getVersion: () => '0.1.0',
    getAppPath: () => '/stand-in/app',
  },
  protocol: {
    registerSchemesAsPrivileged: record('protocol.registerSchemesAsPrivileged'),
    handle: (scheme, handler) => { calls.push(['protocol.handle', scheme]); module.exports.__handlers[scheme] = handler; },
  },
  __handlers: {},
  ipcMain: { on: record('ipcMain.on'), removeAllListeners: record('ipcMain.removeAllListeners') },
  shell: {},
  __exposed: {},
  contextBridge: { exposeInMainWorld: (key, api) => { calls.push(['contextBridge.exposeInMainWorld', key]); module.exports.__exposed[key] = api; } },
  ipcRenderer: Object.assign(new (require('node:events').EventEmitter)(), {
    invoke: async (channel, ...args) => {
      calls.push(['ipcRenderer.invoke', channel, ...args]);
      if (channel === 'airisk:copy') throw new Error("Error invoking remote method 'airisk:copy': Error: There is no token to copy yet: sign in first.");
      return { channel, args };
    },
  }),
};
`;

let workDir = '';

async function runNode(script: string, env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['-e', script], { cwd: workDir, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, stdout, stderr };
}

describe('the bundles and the Electron glue, on a recording electron stand-in', () => {
  before(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'airisk-bundle-'));
    const ok = await buildMain(join(workDir, 'dist', 'main'), () => undefined);
    assert.ok(ok, 'the bundles build without errors or warnings');
    await mkdir(join(workDir, 'node_modules', 'electron'), { recursive: true });
    await writeFile(join(workDir, 'node_modules', 'electron', 'index.js'), RECORDING_ELECTRON_STAND_IN);
  });
  after(() => rm(workDir, { recursive: true, force: true }));

  test('the bundles are CommonJS and require nothing but electron and Node built-ins (main.cjs: and the certificate and updater bundles)', async () => {
    for (const name of ['main.cjs', 'preload.cjs', 'localhost-certificate.cjs', 'updater.cjs']) {
      const code = await readFile(join(workDir, 'dist', 'main', name), 'utf8');
      assert.ok(code.startsWith('"use strict";'), `${name} is strict mode from its first statement`);
      assert.doesNotMatch(code, /\bimport\.meta\b/, `${name} has no import.meta left`);
      assert.doesNotMatch(code, /^\s*(import|export)\s/m, `${name} has no ESM syntax`);
      // Real calls only: ajv keeps `require("ajv/dist/runtime/…")` inside strings for standalone code generation.
      const required = new Set([...code.matchAll(/(?<!['"`])\brequire\("([^"]+)"\)/g)].map((match) => match[1]));
      // main.cjs loads the certificate bundle from next to it, only for an https redirect URI, and the updater's on the first update check.
      const foreign = [...required].filter((id) => !(name === 'main.cjs' && (id === './localhost-certificate.cjs' || id === './updater.cjs')) && id !== 'electron' && !id?.startsWith('node:') && !['fs', 'path', 'os', 'crypto', 'util', 'url', 'events', 'process', 'http', 'https', 'net', 'tls', 'stream', 'buffer', 'assert', 'zlib', 'child_process', 'string_decoder', 'constants', 'worker_threads', 'tty'].includes(id ?? ''));
      assert.deepEqual(foreign, [], `${name} requires only electron and built-ins`);
    }
    const lazy = await runNode(`console.log(typeof require('./dist/main/localhost-certificate.cjs').loadOrCreateLocalhostCertificate)`);
    assert.equal(lazy.stdout.trim(), 'function', `the certificate bundle loads as CommonJS: ${lazy.stderr}`);
    const updater = await runNode(`console.log(typeof require('./dist/main/updater.cjs').createElectronUpdater)`);
    assert.equal(updater.stdout.trim(), 'function', `the updater bundle loads as CommonJS: ${updater.stderr}`);
    assert.doesNotMatch(await readFile(join(workDir, 'dist', 'main', 'main.cjs'), 'utf8'), /autoUpdater|electron-updater/, 'electron-updater is not in main.cjs');
    const preload = await readFile(join(workDir, 'dist', 'main', 'preload.cjs'), 'utf8');
    assert.deepEqual([...new Set([...preload.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]))], ['electron'], 'the sandboxed preload requires electron only');
  });

  test('main.cjs loads every module as CommonJS on Node 24 and, without the lock, quits cleanly', async () => {
    const userData = join(workDir, 'user data');
    const { code, stdout, stderr } = await runNode(
      `const electron = require('electron'); process.argv.push('--data-dir', ${JSON.stringify(userData)}); require('./dist/main/main.cjs'); setImmediate(() => console.log(JSON.stringify(electron.__calls)));`,
    );
    assert.equal(code, 0, stderr);
    const calls = JSON.parse(stdout) as unknown[][];
    assert.deepEqual(calls, [
      ['app.setPath', 'userData', userData],
      ['protocol.registerSchemesAsPrivileged', [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } }]],
      ['app.requestSingleInstanceLock'],
      ['app.quit'],
    ]);
  });

  test('electron-store bundled as CommonJS opens, writes and moves aside a damaged store like conf', async () => {
    const options = bundleOptions(join(workDir, 'store'))[0]?.options;
    assert.ok(options);
    await build({ ...options, entryPoints: ['src-main/electron/electron-store-document.ts'], outfile: join(workDir, 'dist', 'store.cjs'), banner: {}, define: { 'process.env.NODE_ENV': '"production"' } });
    const storeDir = join(workDir, 'store-data');
    await mkdir(storeDir, { recursive: true });
    await writeFile(join(storeDir, 'airisk-token-tray.json'), '{ not json');
    const { code, stdout, stderr } = await runNode(
      `const electron = require('electron');
       const { openElectronStoreDocument } = require('./dist/store.cjs');
       const opened = openElectronStoreDocument(${JSON.stringify(storeDir)});
       opened.store.write({ schemaVersion: 2, probe: true });
       console.log(JSON.stringify({ path: opened.store.path, recovered: opened.recovered, reread: opened.store.read(), calls: electron.__calls }));`,
      { STAND_IN_USER_DATA: join(workDir, 'unused-user-data') },
    );
    assert.equal(code, 0, stderr);
    const result = JSON.parse(stdout) as { path: string; recovered: { movedTo: string; reason: string }; reread: unknown; calls: unknown[][] };
    assert.equal(result.path, join(storeDir, 'airisk-token-tray.json'));
    assert.match(result.recovered.movedTo, /airisk-token-tray\.corrupt-.*\.json$/);
    assert.equal(result.recovered.reason, 'The store file is not valid JSON.');
    assert.deepEqual(result.reread, { schemaVersion: 2, probe: true });
    assert.deepEqual(JSON.parse(await readFile(result.path, 'utf8')), { schemaVersion: 2, probe: true }, 'written to the file');
    assert.ok(result.calls.some(([name, channel]) => name === 'ipcMain.removeAllListeners' && channel === 'electron-store-get-data'), 'electron-store’s renderer channel is closed');
    assert.equal((await readdir(storeDir)).filter((name) => name.includes('.corrupt-')).length, 1);
  });

  test('main.cjs leaves out conf’s schema and migration libraries, and conf fails loudly if ever asked for them', async () => {
    const main = await readFile(join(workDir, 'dist', 'main', 'main.cjs'), 'utf8');
    assert.doesNotMatch(main, /json-schema\.org|SEMVER_SPEC_VERSION/, 'neither ajv nor semver is in main.cjs');
    const options = bundleOptions(join(workDir, 'conf-probe'))[0]?.options;
    assert.ok(options);
    // Built from the repository, where conf resolves, with the main bundle's options and plugins.
    const probe = `import Conf from 'conf';
      const attempt = (options: Record<string, unknown>): string => { try { new Conf({ cwd: process.argv[1] ?? '.', ...options }); return 'opened'; } catch (error) { return (error as Error).message; } };
      console.log(JSON.stringify([attempt({}), attempt({ schema: { probe: { type: 'string' } } }), attempt({ projectVersion: '1.0.0', migrations: { '1.0.0': () => undefined } })]));`;
    const { entryPoints: _mainEntry, ...probeOptions } = options;
    await build({ ...probeOptions, stdin: { contents: probe, resolveDir: process.cwd(), loader: 'ts' }, outfile: join(workDir, 'dist', 'conf-probe.cjs'), banner: {}, define: { 'process.env.NODE_ENV': '"production"' } });
    const { code, stdout, stderr } = await runNode(`process.argv[1] = ${JSON.stringify(join(workDir, 'conf-probe-data'))}; require('./dist/conf-probe.cjs');`);
    assert.equal(code, 0, stderr);
    assert.deepEqual(JSON.parse(stdout), [
      'opened',
      "ajv/dist/2020.js is not in main.cjs: conf's schema and migrations options are not used (see scripts/build-main.ts).",
      "semver is not in main.cjs: conf's schema and migrations options are not used (see scripts/build-main.ts).",
    ]);
  });

  test('the app protocol glue serves dist/renderer with the CSP, and refuses traversal and writes', async () => {
    const options = bundleOptions(join(workDir, 'protocol'))[0]?.options;
    assert.ok(options);
    await build({ ...options, entryPoints: ['src-main/electron/app-protocol.ts'], outfile: join(workDir, 'dist', 'protocol.cjs'), banner: {}, define: { 'process.env.NODE_ENV': '"production"' } });
    const rendererRoot = join(workDir, 'renderer');
    await mkdir(join(rendererRoot, 'assets'), { recursive: true });
    await writeFile(join(rendererRoot, 'index.html'), '<!doctype html><title>t</title>');
    await writeFile(join(rendererRoot, 'assets', 'app.js'), 'export {};');
    await writeFile(join(workDir, 'secret.txt'), 'outside');
    const { code, stdout, stderr } = await runNode(
      `const electron = require('electron');
       require('./dist/protocol.cjs').serveRenderer(${JSON.stringify(rendererRoot)});
       const handler = electron.__handlers.app;
       const ask = async (url, method = 'GET') => {
         const response = await handler(new Request(url, { method }));
         return { url, method, status: response.status, type: response.headers.get('content-type'), csp: response.headers.get('content-security-policy'), body: method === 'HEAD' ? null : await response.text() };
       };
       (async () => {
         const answers = [];
         for (const url of ['app://airisk/', 'app://airisk/assets/app.js', 'app://airisk/..%2fsecret.txt', 'app://airisk/%2e%2e/secret.txt', 'app://airisk/missing.js', 'app://other/index.html']) answers.push(await ask(url));
         answers.push(await ask('app://airisk/index.html', 'HEAD'));
         answers.push(await ask('app://airisk/index.html', 'POST'));
         console.log(JSON.stringify(answers));
       })();`,
    );
    assert.equal(code, 0, stderr);
    const answers = JSON.parse(stdout) as { url: string; method: string; status: number; type: string; csp: string | null; body: string | null }[];
    const summary = answers.map(({ url, method, status, type, body }) => [method, url, status, type, body]);
    assert.deepEqual(summary, [
      ['GET', 'app://airisk/', 200, 'text/html; charset=utf-8', '<!doctype html><title>t</title>'],
      ['GET', 'app://airisk/assets/app.js', 200, 'text/javascript; charset=utf-8', 'export {};'],
      ['GET', 'app://airisk/..%2fsecret.txt', 400, 'text/plain; charset=utf-8', 'Paths may not leave the renderer folder.'],
      ['GET', 'app://airisk/%2e%2e/secret.txt', 404, 'text/plain; charset=utf-8', 'Not found.'],
      ['GET', 'app://airisk/missing.js', 404, 'text/plain; charset=utf-8', 'Not found.'],
      ['GET', 'app://other/index.html', 404, 'text/plain; charset=utf-8', 'Not an app URL.'],
      ['HEAD', 'app://airisk/index.html', 200, 'text/html; charset=utf-8', null],
      ['POST', 'app://airisk/index.html', 405, 'text/plain; charset=utf-8', 'Method not allowed.'],
    ]);
    for (const answer of answers) assert.match(answer.csp ?? '', /^default-src 'none'; script-src 'self'/, `${answer.method} ${answer.url} carries the CSP`);
  });

  test('the preload exposes exactly the contract, invokes airisk:<method>, strips Electron’s error wrapper, passes only the state', async () => {
    const { code, stdout, stderr } = await runNode(
      `const electron = require('electron');
       require('./dist/main/preload.cjs');
       const api = electron.__exposed.airisk;
       (async () => {
         const out = { keys: Object.keys(api).sort() };
         out.answer = await api.signIn({ userid: 'user_42' });
         out.error = await api.copy(null, 'header').then(() => 'resolved', (error) => error.message);
         const seen = [];
         const stop = api.onStateChange((...args) => seen.push(args));
         electron.ipcRenderer.emit('airisk:state', { sender: 'EVENT OBJECT' }, { accounts: [] });
         stop();
         electron.ipcRenderer.emit('airisk:state', { sender: 'EVENT OBJECT' }, { accounts: ['late'] });
         out.seen = seen;
         out.listenersLeft = electron.ipcRenderer.listenerCount('airisk:state');
         console.log(JSON.stringify(out));
       })();`,
    );
    assert.equal(code, 0, stderr);
    const out = JSON.parse(stdout) as { keys: string[]; answer: unknown; error: string; seen: unknown[][]; listenersLeft: number };
    assert.deepEqual(out.keys, [...AIRISK_METHOD_NAMES, 'onStateChange'].sort());
    assert.deepEqual(out.answer, { channel: 'airisk:signIn', args: [{ userid: 'user_42' }] });
    assert.equal(out.error, 'There is no token to copy yet: sign in first.');
    assert.deepEqual(out.seen, [[{ accounts: [] }]], 'one call, with the state only: no event object');
    assert.equal(out.listenersLeft, 0, 'unsubscribed');
  });
});
