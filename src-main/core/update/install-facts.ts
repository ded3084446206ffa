/**
 * Reads how this copy was installed, for {@link updateMode}: the package type electron-builder
 * writes next to app.asar and whether this process runs from an AppImage (at start-up, cheap), and
 * on macOS whether `codesign` names a Developer ID authority (slow: only before the first check).
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, relative, isAbsolute } from 'node:path';
import type { InstallFacts } from './update-mode.ts';

/** Whether `codesign -dv --verbose=2` output names a Developer ID certificate (an ad-hoc signature names none). */
export function namesDeveloperId(codesignOutput: string): boolean {
  return /^Authority=Developer ID Application: /m.test(codesignOutput);
}

/** Runs codesign on the app bundle; false when it fails (unsigned) or is missing. Its report is on stderr. */
export function macDeveloperIdSigned(appBundle: string, codesign = '/usr/bin/codesign'): Promise<boolean> {
  return new Promise((resolve) => {
    execFile(codesign, ['-dv', '--verbose=2', appBundle], { timeout: 10_000 }, (error, stdout, stderr) => resolve(error === null && namesDeveloperId(`${stdout}\n${stderr}`)));
  });
}

async function packageType(resourcesDir: string): Promise<string | null> {
  try {
    const text = (await readFile(join(resourcesDir, 'package-type'), 'utf8')).trim();
    return text === '' ? null : text;
  } catch {
    return null;
  }
}

/**
 * `$APPIMAGE` when this process runs from that AppImage: its runtime mounts the image at `$APPDIR`
 * and starts the executable inside it. A deb or a development run started from an AppImage's
 * terminal inherits both variables, but its executable is not under `$APPDIR`: undefined then.
 */
export function runningAppImage(env: NodeJS.ProcessEnv, execPath: string): string | undefined {
  const appImage = env['APPIMAGE'];
  const appDir = env['APPDIR'];
  if (appImage === undefined || appImage === '' || appDir === undefined || !isAbsolute(appDir)) return undefined;
  const inside = relative(appDir, execPath);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) ? appImage : undefined;
}

/** The cheap facts of this installation; `macDeveloperIdSigned` stays null (see {@link macDeveloperIdSigned}). */
export async function readInstallFacts(options: { readonly packaged: boolean; readonly platform: NodeJS.Platform; readonly env: NodeJS.ProcessEnv; readonly resourcesDir: string; readonly execPath: string }): Promise<InstallFacts> {
  const { packaged, platform } = options;
  return {
    packaged,
    platform,
    appImage: platform === 'linux' ? runningAppImage(options.env, options.execPath) : undefined,
    packageType: packaged && platform === 'linux' ? await packageType(options.resourcesDir) : null,
    macDeveloperIdSigned: null,
  };
}
