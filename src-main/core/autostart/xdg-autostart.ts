import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { desktopEntryText, entryStartsApp } from './desktop-entry.ts';

/** Our entry's file name in the autostart folder. */
export const AUTOSTART_FILE_NAME = 'airisk-token-tray.desktop';

/** The argument that makes a launch start in the tray only. */
export const HIDDEN_ARGUMENT = '--hidden';

/** Where the user's XDG config lives, as the caller sees it (no `process.env` read here). */
export interface XdgEnvironment {
  /** `XDG_CONFIG_HOME` as set (a relative or empty value is ignored, as the spec says). */
  readonly XDG_CONFIG_HOME?: string | undefined;
}

/** `$XDG_CONFIG_HOME/autostart/airisk-token-tray.desktop`, default `~/.config/autostart/…`. */
export function autostartFilePath(env: XdgEnvironment, homeDirectory: string): string {
  const configHome = env.XDG_CONFIG_HOME !== undefined && env.XDG_CONFIG_HOME !== '' && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(homeDirectory, '.config');
  return join(configHome, 'autostart', AUTOSTART_FILE_NAME);
}

/** How this copy of the app is started, as the shell knows it. */
export interface LaunchTarget {
  /** `process.env.APPIMAGE` when running from an AppImage (the mounted executable changes every run). */
  readonly appImage?: string | undefined;
  /** `process.execPath`. */
  readonly execPath: string;
  /** Arguments the executable needs before ours (the app folder when running unpackaged Electron). */
  readonly leadingArguments?: readonly string[];
}

/** The command line the autostart entry runs: the AppImage, else the executable; `--hidden` when asked. */
export function autostartCommand(target: LaunchTarget, hidden: boolean): string[] {
  const program = target.appImage !== undefined && target.appImage !== '' ? target.appImage : target.execPath;
  return [program, ...(target.leadingArguments ?? []), ...(hidden ? [HIDDEN_ARGUMENT] : [])];
}

/** Linux start-at-login through an XDG autostart entry. */
export interface XdgAutostart {
  /** The entry's path. */
  readonly path: string;
  /** Writes (or rewrites) the entry atomically, mode 0644, creating the folder (0700) if needed. */
  enable(options: { readonly hidden: boolean }): Promise<void>;
  /** Removes our entry (only our file); no error when there is none. */
  disable(): Promise<void>;
  /** True when our entry exists and would start the app. */
  isEnabled(): Promise<boolean>;
}

/** Options of {@link createXdgAutostart}. */
export interface XdgAutostartOptions {
  readonly env: XdgEnvironment;
  readonly homeDirectory: string;
  readonly target: LaunchTarget;
}

/** The XDG autostart entry for this app, in the folder `env` and `homeDirectory` point at. */
export function createXdgAutostart(options: XdgAutostartOptions): XdgAutostart {
  const path = autostartFilePath(options.env, options.homeDirectory);
  const folder = join(path, '..');
  return {
    path,
    async enable({ hidden }) {
      const text = desktopEntryText({
        name: 'AIRisk Token Tray',
        comment: 'Keeps AIRisk bearer tokens at hand in the tray',
        command: autostartCommand(options.target, hidden),
      });
      await mkdir(folder, { recursive: true, mode: 0o700 });
      const temporary = `${path}.tmp-${randomBytes(6).toString('hex')}`;
      try {
        const handle = await open(temporary, 'wx', 0o644);
        try {
          await handle.writeFile(text, 'utf8');
          // The umask may have narrowed the mode the file was created with.
          await handle.chmod(0o644);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temporary, path);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
    async disable() {
      await rm(path, { force: true });
    },
    async isEnabled() {
      try {
        return entryStartsApp(await readFile(path, 'utf8'));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw error;
      }
    },
  };
}
