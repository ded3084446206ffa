/**
 * Finds the Electron binary the way the `electron` package's index.js does (path.txt under
 * node_modules/electron/dist, or ELECTRON_OVERRIDE_DIST_PATH) — without importing the package:
 * since Electron 45 importing it starts a download when the binary is missing, which on a machine
 * without internet hangs or fails instead of answering "not installed".
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Where the binary is, or why there is none. */
export type ElectronBinary = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly reason: string };

/** The executable's path inside `dist/` per platform, as electron's install.js names it. */
function platformPath(platform: NodeJS.Platform): string | undefined {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  if (platform === 'linux' || platform === 'freebsd' || platform === 'openbsd') return 'electron';
  return undefined;
}

/** Looks for the installed Electron binary; never downloads anything. */
export function findElectronBinary(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): ElectronBinary {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { ok: false, reason: 'the electron package is not installed (run npm install)' };
  }
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : platformPath(platform);
  if (relative === undefined) return { ok: false, reason: `Electron has no build for ${platform}` };
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override !== undefined && override !== '' ? join(override, relative) : join(packageDir, 'dist', relative);
  if (!existsSync(binary)) {
    const why = existsSync(pathFile) ? 'the download was removed or is incomplete' : 'it was never downloaded; Electron 45 downloads it on first use, which needs internet';
    return { ok: false, reason: `${binary} does not exist, ${why}` };
  }
  return { ok: true, path: binary };
}

/** The plain explanation `npm start`, `npm run demo` and the Electron tests print when the binary is missing. */
export function missingElectronMessage(reason: string): string {
  return [
    "Electron's binary is not installed on this machine, so the desktop app cannot start here.",
    `  ${reason}.`,
    'It cannot be downloaded without internet. On a machine with internet, get it with',
    '  node node_modules/electron/install.js      (or: npx install-electron)',
    'or copy an unpacked Electron 45 here and point ELECTRON_OVERRIDE_DIST_PATH at its folder.',
    'Everything else works without it: npm test, npm run test:ui, npm run dev:browser, npm run cli.',
  ].join('\n');
}

/** Whether test/electron runs here, skips (with the reason) or fails because Electron is required and cannot run. */
export type ElectronTestPrecondition = { readonly kind: 'run'; readonly binary: string } | { readonly kind: 'skip' | 'fail'; readonly reason: string };

/**
 * The Electron suite's precondition: a binary and (on Linux) a display. Where either is missing it
 * skips, except with `AIRISK_REQUIRE_ELECTRON=1` (CI), where a skip would prove nothing: it fails.
 */
export function electronTestPrecondition(binary: ElectronBinary, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): ElectronTestPrecondition {
  const noDisplay = platform === 'linux' && (env.DISPLAY ?? '') === '' && (env.WAYLAND_DISPLAY ?? '') === '';
  const reason = !binary.ok ? `Electron binary not installed on this machine: ${binary.reason}` : noDisplay ? 'No display for Electron on this Linux machine (run under xvfb-run)' : undefined;
  if (binary.ok && reason === undefined) return { kind: 'run', binary: binary.path };
  const why = reason ?? 'Electron cannot run here';
  return env.AIRISK_REQUIRE_ELECTRON === '1' ? { kind: 'fail', reason: `AIRISK_REQUIRE_ELECTRON=1, so this is a failure, not a skip: ${why}` } : { kind: 'skip', reason: why };
}
