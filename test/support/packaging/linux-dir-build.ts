/**
 * Runs the real electron-builder CLI (`--linux dir`) against the project, offline, with a stand-in
 * Electron distribution: no Electron binary can be downloaded here, and the dir target only copies
 * the distribution, renames its executable and adds `resources/app.asar` plus extraResources.
 */
import { spawn } from 'node:child_process';
import { access, chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The Electron version the stand-in pretends to be (the one in devDependencies). */
export const STAND_IN_ELECTRON_VERSION = '45.5.0';

/** The files `npm run build` produces and the asar must contain. */
export const BUILT_FILES = ['dist/main/main.cjs', 'dist/main/preload.cjs', 'dist/renderer/index.html'] as const;

/** Output of one process run. */
export interface ProcessResult {
  readonly code: number | null;
  readonly output: string;
}

/** Runs a command, collecting stdout and stderr together. */
export function run(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes sure the built output exists; builds with `npm run build` when any of it is missing.
 * Returns what was done, for the test log.
 */
export async function ensureBuilt(projectDir: string): Promise<string> {
  const missing = [];
  for (const file of BUILT_FILES) if (!(await exists(join(projectDir, file)))) missing.push(file);
  if (missing.length === 0) return 'built output present';
  const manifest = JSON.parse(await readFile(join(projectDir, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  if (manifest.scripts?.['build'] === undefined) {
    throw new Error(`missing ${missing.join(', ')} and package.json has no "build" script to make them`);
  }
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = await run(npm, ['run', 'build'], { cwd: projectDir, env: childEnv() });
  if (result.code !== 0) throw new Error(`npm run build failed (exit ${String(result.code)}):\n${result.output}`);
  for (const file of BUILT_FILES) if (!(await exists(join(projectDir, file)))) throw new Error(`npm run build did not produce ${file}`);
  return `built with npm run build (was missing ${missing.join(', ')})`;
}

/**
 * Writes a folder that looks like an unpacked Electron Linux distribution. electron-builder needs
 * only the `electron` executable (it renames it to `executableName`); the rest mirrors the real
 * layout so license handling and the locales step behave as with a real distribution. (No
 * `default_app.asar`: electron-builder removes it only from distributions it downloads itself.)
 */
export async function createStandInElectron(dir: string): Promise<void> {
  await mkdir(join(dir, 'resources'), { recursive: true });
  await mkdir(join(dir, 'locales'), { recursive: true });
  await writeFile(join(dir, 'electron'), `#!/bin/sh\necho "stand-in for Electron ${STAND_IN_ELECTRON_VERSION}; it cannot run an app" >&2\nexit 1\n`);
  await chmod(join(dir, 'electron'), 0o755);
  await writeFile(join(dir, 'version'), STAND_IN_ELECTRON_VERSION);
  await writeFile(join(dir, 'LICENSE'), 'Stand-in for the Electron MIT license.\n');
  await writeFile(join(dir, 'LICENSES.chromium.html'), '<!doctype html><title>stand-in</title>\n');
  await writeFile(join(dir, 'locales', 'en-US.pak'), 'stand-in');
}

/** The environment for child processes: PATH and HOME only, plus `extra`. */
function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...extra };
}

/** Where nothing listens: any download attempt fails at once instead of reaching the internet. */
const NOWHERE = 'https://127.0.0.1:9/';

/** Options for one electron-builder run. */
export interface LinuxDirBuild {
  readonly projectDir: string;
  /** The project's real configuration file, which the run's temporary configuration extends. */
  readonly configFile: string;
  readonly electronDist: string;
  readonly outputDir: string;
  /** A scratch folder for the temporary configuration and electron-builder's cache. */
  readonly workDir: string;
}

/**
 * Runs `electron-builder --linux dir --x64` with a temporary configuration that extends the real one
 * and changes only what a stand-in Electron needs: `electronDist`, `electronVersion`, the output
 * folder, and `electronFuses: null` (fuses are flipped inside the Electron binary, which a stand-in
 * does not have; `-c.electronFuses=null` on the command line stays the string "null" and fails
 * validation, hence the file). Offline: signing discovery off, download mirrors and proxies point
 * at a closed port, and the cache is a fresh folder.
 */
export async function buildLinuxDir(build: LinuxDirBuild): Promise<ProcessResult & { readonly cacheDir: string }> {
  const cacheDir = join(build.workDir, 'electron-builder-cache');
  const configPath = join(build.workDir, 'electron-builder.stand-in.json');
  const config = {
    extends: build.configFile,
    electronDist: build.electronDist,
    electronVersion: STAND_IN_ELECTRON_VERSION,
    electronFuses: null,
    directories: { output: build.outputDir },
  };
  await writeFile(configPath, JSON.stringify(config, null, 2));
  const cli = createRequire(import.meta.url).resolve('electron-builder/cli.js');
  const env = childEnv({
    CSC_IDENTITY_AUTO_DISCOVERY: 'false',
    ELECTRON_BUILDER_OFFLINE: 'true',
    ELECTRON_BUILDER_CACHE: cacheDir,
    ELECTRON_MIRROR: NOWHERE,
    ELECTRON_BUILDER_BINARIES_MIRROR: NOWHERE,
    HTTP_PROXY: 'http://127.0.0.1:9',
    HTTPS_PROXY: 'http://127.0.0.1:9',
    npm_config_offline: 'true',
  });
  const args = [cli, '--linux', 'dir', '--x64', '--projectDir', build.projectDir, '--config', configPath, '--publish', 'never'];
  const result = await run(process.execPath, args, { cwd: build.projectDir, env });
  return { ...result, cacheDir };
}
