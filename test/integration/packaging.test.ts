import assert from 'node:assert/strict';
import { extractFile, listPackage } from '@electron/asar';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseYaml, validateBuilderConfig } from '../support/packaging/builder-deps.ts';
import { RELEASE_REPOSITORY } from '../../src-main/core/update/release-page.ts';
import { buildLinuxDir, createStandInElectron, ensureBuilt, type ProcessResult } from '../support/packaging/linux-dir-build.ts';

const PROJECT_DIR = fileURLToPath(new URL('../..', import.meta.url));
const CONFIG_FILE = join(PROJECT_DIR, 'electron-builder.yml');

interface FileSet {
  readonly from?: string;
  readonly to?: string;
  readonly filter?: readonly string[];
}
type Targets = string | readonly (string | { readonly target: string })[];

/** The parts of electron-builder's configuration these tests pin (the schema checks the rest). */
interface BuilderConfig {
  readonly appId?: string;
  readonly productName?: string;
  readonly asar?: unknown;
  readonly npmRebuild?: boolean;
  readonly files?: readonly (string | FileSet)[];
  readonly extraResources?: readonly (string | FileSet)[];
  readonly electronFuses?: Readonly<Record<string, boolean>> | null;
  readonly mac?: { readonly target?: Targets; readonly icon?: string; readonly extendInfo?: Readonly<Record<string, unknown>> };
  readonly publish?: { readonly provider?: string; readonly owner?: string; readonly repo?: string; readonly releaseType?: string };
  readonly win?: { readonly target?: Targets; readonly icon?: string };
  readonly linux?: {
    readonly target?: Targets;
    readonly icon?: string;
    readonly category?: string;
    readonly executableName?: string;
    readonly desktop?: { readonly entry?: Readonly<Record<string, string>> };
  };
  readonly deb?: { readonly depends?: readonly string[]; readonly recommends?: readonly string[] };
  readonly appImage?: { readonly artifactName?: string };
}

interface PackageManifest {
  readonly main?: string;
  readonly scripts?: Readonly<Record<string, string>>;
  readonly build?: unknown;
  readonly devDependencies?: Readonly<Record<string, string>>;
  readonly repository?: { readonly type?: string; readonly url?: string };
}

const targetNames = (targets: Targets | undefined): string[] =>
  targets === undefined ? [] : typeof targets === 'string' ? [targets] : targets.map((t) => (typeof t === 'string' ? t : t.target));

let rawConfig: unknown;
let config: BuilderConfig;
let manifest: PackageManifest;

before(async () => {
  rawConfig = parseYaml(await readFile(CONFIG_FILE, 'utf8'), CONFIG_FILE);
  config = rawConfig as BuilderConfig;
  manifest = JSON.parse(await readFile(join(PROJECT_DIR, 'package.json'), 'utf8')) as PackageManifest;
});

describe('electron-builder.yml', () => {
  test("validates against electron-builder's own schema (app-builder-lib/scheme.json)", async () => {
    assert.deepEqual(await validateBuilderConfig(rawConfig), []);
  });

  test('names the app com.airisk.tokentray / AIRisk Token Tray', () => {
    assert.equal(config.appId, 'com.airisk.tokentray');
    assert.equal(config.productName, 'AIRisk Token Tray');
  });

  test('packs only the bundles, the renderer and package.json into an asar: no maps, no node_modules', () => {
    assert.equal(config.asar, true);
    assert.deepEqual(config.files, ['dist/main/**', 'dist/renderer/**', 'package.json', '!**/*.map', '!**/node_modules/**']);
    assert.equal(config.npmRebuild, false, 'nothing native to rebuild: everything is bundled');
  });

  test('ships resources/tray, resources/icons and the airisk-token bundle next to the asar (process.resourcesPath/tray, …/cli)', () => {
    assert.deepEqual(config.extraResources, [
      { from: 'resources/tray', to: 'tray' },
      { from: 'resources/icons', to: 'icons' },
      { from: 'dist/cli', to: 'cli' },
    ]);
  });

  test('flips the production fuses', () => {
    assert.deepEqual(config.electronFuses, {
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      resetAdHocDarwinSignature: true,
    });
  });

  test('builds a macOS dmg and the zip Squirrel.Mac updates from, without a Dock icon, a Windows nsis installer, a Linux AppImage and deb', () => {
    assert.deepEqual(targetNames(config.mac?.target), ['dmg', 'zip']);
    assert.equal(config.mac?.extendInfo?.['LSUIElement'], true);
    assert.deepEqual(targetNames(config.win?.target), ['nsis']);
    assert.deepEqual(targetNames(config.linux?.target), ['AppImage', 'deb']);
  });

  test('Linux: Development category, airisk-token-tray executable, desktop entry name, libsecret for safeStorage', () => {
    assert.equal(config.linux?.category, 'Development');
    assert.equal(config.linux?.executableName, 'airisk-token-tray');
    assert.equal(config.linux?.desktop?.entry?.['Name'], 'AIRisk Token Tray');
    assert.ok(config.deb?.depends?.includes('libsecret-1-0'), 'deb depends on libsecret-1-0');
    assert.ok(config.deb?.depends?.includes('libnotify4'), 'deb depends on libnotify4 (notifications)');
    assert.ok(config.deb?.depends?.includes('libayatana-appindicator3-1 | libappindicator3-1'), 'deb depends on a tray indicator library');
    assert.ok(config.deb?.recommends?.includes('gnome-keyring'), 'deb recommends gnome-keyring');
    assert.match(config.appImage?.artifactName ?? '', /^airisk-token-tray-\$\{version\}-\$\{arch\}\.\$\{ext\}$/);
  });

  test('uploads into a draft GitHub release (release.yml publishes it once every platform is in), to a repository named outright', () => {
    assert.deepEqual(config.publish, { provider: 'github', owner: 'airisk', repo: 'airisk-token-tray', releaseType: 'draft' });
  });

  test('the publish repository, package.json "repository" and the tray\'s download page name the same GitHub repository', () => {
    const { owner, repo } = RELEASE_REPOSITORY;
    assert.deepEqual({ owner: config.publish?.owner, repo: config.publish?.repo }, { owner, repo });
    assert.equal(manifest.repository?.url, `git+https://github.com/${owner}/${repo}.git`);
  });

  test('the deb depends on the libraries the Electron binary links that electron-builder\'s defaults leave out: libgbm1, ALSA (either package name)', () => {
    assert.ok(config.deb?.depends?.includes('libgbm1'), 'libgbm.so.1');
    assert.ok(config.deb?.depends?.includes('libasound2 | libasound2t64'), 'libasound.so.2 (libasound2t64 on Ubuntu 24.04)');
  });

  test('every icon the configuration names exists', async () => {
    for (const icon of [config.mac?.icon, config.win?.icon, config.linux?.icon]) {
      assert.ok(icon !== undefined, 'each platform names its icon');
      assert.ok((await stat(join(PROJECT_DIR, icon))).isFile(), icon);
    }
  });

  test('package.json: `dist` builds then packs, `main` is the bundled entry, no "build" section', () => {
    assert.equal(manifest.scripts?.['dist'], 'npm run build && electron-builder');
    assert.equal(manifest.main, 'dist/main/main.cjs');
    assert.equal(manifest.build, undefined, 'the configuration lives in electron-builder.yml only');
  });
});

describe('electron-builder --linux dir with a stand-in Electron', { timeout: 240_000 }, () => {
  let workDir: string;
  let unpacked: string;
  let asarPath: string;
  let entries: string[];
  let result: ProcessResult & { readonly cacheDir: string };

  before(async () => {
    // electron-builder starts the app at package.json `main`; without it, it looks for index.js.
    assert.equal(manifest.main, 'dist/main/main.cjs', 'package.json "main" must name the main bundle before packaging');
    const started = Date.now();
    const built = await ensureBuilt(PROJECT_DIR);
    workDir = await mkdtemp(join(tmpdir(), 'airisk-packaging-'));
    const electronDist = join(workDir, 'electron-dist');
    await createStandInElectron(electronDist);
    const outputDir = join(workDir, 'release');
    result = await buildLinuxDir({ projectDir: PROJECT_DIR, configFile: CONFIG_FILE, electronDist, outputDir, workDir });
    unpacked = join(outputDir, 'linux-unpacked');
    asarPath = join(unpacked, 'resources', 'app.asar');
    assert.equal(result.code, 0, `electron-builder failed:\n${result.output}`);
    entries = listPackage(asarPath, { isPack: false }).map((entry) => entry.replaceAll('\\', '/'));
    console.log(`# packaging: ${built}; electron-builder --linux dir took ${Date.now() - started} ms in total`);
  });

  after(async () => {
    if (workDir !== undefined) await rm(workDir, { recursive: true, force: true });
  });

  test('downloads nothing (no Electron, no packaging tools)', async () => {
    assert.doesNotMatch(result.output, /\bdownload(ing|ed)\b/i);
    const cached = await readdir(result.cacheDir).catch(() => []);
    assert.deepEqual(cached, [], 'electron-builder cache stays empty');
  });

  test('app.asar holds the main and preload bundles (and the certificate and updater bundles main loads lazily), the renderer with its assets, and package.json', () => {
    for (const entry of ['/dist/main/main.cjs', '/dist/main/preload.cjs', '/dist/main/localhost-certificate.cjs', '/dist/main/updater.cjs', '/dist/renderer/index.html', '/package.json']) {
      assert.ok(entries.includes(entry), `${entry} in app.asar:\n${entries.join('\n')}`);
    }
    assert.ok(entries.some((entry) => /^\/dist\/renderer\/assets\/.+\.js$/.test(entry)), 'renderer script in assets/');
  });

  test('app.asar holds nothing else: no sources, tests, scripts, maps, node_modules, env or key files', () => {
    const forbidden: readonly [RegExp, string][] = [
      [/^\/(src-main|src-renderer|test|scripts|resources|release|\.git)(\/|$)/, 'source, test, script or resource folder'],
      [/\.(ts|tsx|mts|cts)$/, 'TypeScript source'],
      [/\.map$/, 'source map'],
      [/(^|\/)node_modules(\/|$)/, 'node_modules'],
      [/(^|\/)(electron|vite|playwright|typescript|esbuild|eslint)(\/|$)/, 'dev dependency'],
      [/(^|\/)\.env(\..*)?$/, '.env file'],
      [/\.(pem|key|p12|pfx|crt|cer|der)$/, 'key or certificate'],
      [/(^|\/)electron-builder\.(yml|yaml|json)$/, 'builder configuration'],
    ];
    for (const entry of entries) {
      for (const [pattern, what] of forbidden) assert.doesNotMatch(entry, pattern, `${what} in app.asar: ${entry}`);
      assert.match(entry, /^\/(dist|dist\/main(\/.+)?|dist\/renderer(\/.+)?|package\.json)$/, `unexpected entry in app.asar: ${entry}`);
    }
  });

  test('the packaged package.json names the main bundle and carries no dev dependencies', () => {
    const packaged = JSON.parse(extractFile(asarPath, 'package.json').toString('utf8')) as PackageManifest;
    assert.equal(packaged.main, 'dist/main/main.cjs');
    assert.equal(packaged.devDependencies, undefined);
  });

  test('the bundles require only what exists at run time (Node built-ins, electron and each other; sandboxed preload: fewer)', () => {
    const required = (file: string): string[] => {
      const code = extractFile(asarPath, file).toString('utf8');
      // Calls, not text: skip `.require(`, identifiers ending in "require", and code kept as a string
      // (Ajv's standalone-code templates such as 'require("ajv/dist/runtime/equal").default').
      return [...code.matchAll(/(?<![\w$.'"`])require\(\s*(["'`])([^"'`]+)\1\s*\)/g)].map((match) => match[2] ?? '');
    };
    const nodeBuiltins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
    // main.cjs may also load a bundle of its own from next to it (the localhost certificate code,
    // only for an https redirect URI): that file must be in the asar too.
    const bundlesNextToMain = required('dist/main/main.cjs').filter((name) => name.startsWith('./'));
    assert.deepEqual(bundlesNextToMain.sort(), ['./localhost-certificate.cjs', './updater.cjs'], 'main.cjs loads only the certificate and updater bundles from next to it');
    for (const name of bundlesNextToMain) assert.ok(entries.includes(`/dist/main/${name.slice(2)}`), `${name} (required by main.cjs) is in app.asar`);
    const unbundled = required('dist/main/main.cjs').filter((name) => name !== 'electron' && !nodeBuiltins.has(name) && !bundlesNextToMain.includes(name));
    assert.deepEqual(unbundled, [], 'main.cjs requires modules that are not in the package');
    const certificateUnbundled = required('dist/main/localhost-certificate.cjs').filter((name) => !nodeBuiltins.has(name));
    assert.deepEqual(certificateUnbundled, [], 'localhost-certificate.cjs requires modules that are not in the package');
    assert.deepEqual(required('dist/main/updater.cjs').filter((name) => name !== 'electron' && !nodeBuiltins.has(name)), [], 'updater.cjs requires modules that are not in the package');
    // A sandboxed preload's `require` knows only these (Electron docs, "Process Sandboxing").
    const preloadAllowed = new Set(['electron', 'events', 'timers', 'url', 'node:events', 'node:timers', 'node:url']);
    assert.deepEqual(required('dist/main/preload.cjs').filter((name) => !preloadAllowed.has(name)), [], 'preload.cjs requires modules a sandboxed preload cannot');
  });

  test('tray icons sit in resources/tray next to app.asar, app icons in resources/icons', async () => {
    const shipped = (await readdir(join(unpacked, 'resources', 'tray'))).sort();
    const source = (await readdir(join(PROJECT_DIR, 'resources', 'tray'))).sort();
    assert.deepEqual(shipped, source);
    assert.ok(shipped.includes('tray-validTemplate.png') && shipped.includes('tray-valid.ico') && shipped.includes('tray-valid.png'));
    assert.deepEqual((await readdir(join(unpacked, 'resources', 'icons'))).sort(), ['icon.icns', 'icon.ico', 'icon.png']);
  });

  test('the command-line tool ships as resources/cli/airisk-token.cjs, the one-file bundle npm run build makes', async () => {
    const shipped = await readFile(join(unpacked, 'resources', 'cli', 'airisk-token.cjs'), 'utf8');
    assert.equal(shipped, await readFile(join(PROJECT_DIR, 'dist', 'cli', 'airisk-token.cjs'), 'utf8'));
    assert.match(shipped, /^#!\/usr\/bin\/env node/);
  });

  test('the executable is named airisk-token-tray and Electron\'s license is kept', async () => {
    assert.ok((await stat(join(unpacked, 'airisk-token-tray'))).isFile());
    assert.ok((await stat(join(unpacked, 'LICENSE.electron.txt'))).isFile());
  });
});
