import type { TrayIconState } from './tray-menu-model.ts';

/** Every tray icon state, in a fixed order (for building and checking the resource files). */
export const TRAY_ICON_STATES: readonly TrayIconState[] = ['empty', 'valid', 'expiring', 'expired'];

/** The tray icon for one state: the file to load and the files that must ship next to it. */
export interface TrayIconFiles {
  /** Path relative to `resources/`, POSIX separators: pass it (joined) to `new Tray()` / `setImage()`. */
  readonly file: string;
  /** Other files for the same icon that Electron picks up by itself (`@2x` variants). */
  readonly companions: readonly string[];
}

/**
 * macOS: a template image `tray/tray-<state>Template.png` (16 px, black + alpha, recoloured by the
 * menu bar) with its `@2x`; Windows: `tray/tray-<state>.ico` (16–32 px in one file); Linux and the
 * rest: `tray/tray-<state>.png` (22 px) with its `@2x` (44 px). Electron loads `@2x` variants on
 * its own when the plain file is loaded by path.
 */
export function trayIconFiles(platform: NodeJS.Platform, state: TrayIconState): TrayIconFiles {
  if (platform === 'darwin') return { file: `tray/tray-${state}Template.png`, companions: [`tray/tray-${state}Template@2x.png`] };
  if (platform === 'win32') return { file: `tray/tray-${state}.ico`, companions: [] };
  return { file: `tray/tray-${state}.png`, companions: [`tray/tray-${state}@2x.png`] };
}

/** The window / app icon relative to `resources/` for the platform (Linux and Windows title bars). */
export function appIconFile(platform: NodeJS.Platform): string {
  if (platform === 'win32') return 'icons/icon.ico';
  if (platform === 'darwin') return 'icons/icon.icns';
  return 'icons/icon.png';
}
