/**
 * electron-updater's autoUpdater behind core's {@link UpdaterPort}, written against the part of its
 * API we use (so it is tested in Node with a stand-in): core decides when to check and download,
 * and only core's restart installs.
 */
import type { CheckAnswer, UpdaterPort } from './update-desk.ts';

/** The part of electron-updater's `AppUpdater` the app drives (its own types check main's use). */
export interface AutoUpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  logger: unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  removeListener(event: 'error', listener: (error: Error) => void): unknown;
  /** null when the updater is not active in this copy (electron-updater's `isUpdaterActive`). */
  checkForUpdates(): Promise<{ readonly isUpdateAvailable: boolean; readonly updateInfo: { readonly version: string } } | null>;
  downloadUpdate(): Promise<unknown>;
  quitAndInstall(): void;
}

/** Configures `updater` (no download, no install on a plain quit, no log of its own) and adapts it. */
export function autoUpdaterPort(updater: AutoUpdaterLike): UpdaterPort {
  updater.autoDownload = false;
  // Only core's "Restart to update" installs, never a plain quit.
  updater.autoInstallOnAppQuit = false;
  // Core turns failures into the one sentence Settings shows; electron-updater's own log is noise there.
  updater.logger = null;
  // Failures reach core as rejections; an 'error' event nobody listens to would throw in main.
  updater.on('error', () => undefined);
  return {
    check: async (): Promise<CheckAnswer> => {
      const result = await updater.checkForUpdates();
      if (result === null) return { kind: 'inactive' };
      return result.isUpdateAvailable ? { kind: 'newer', version: result.updateInfo.version } : { kind: 'newest' };
    },
    download: async () => {
      await updater.downloadUpdate();
    },
    // A refusal (no downloaded file, an installer that did not start) is an 'error' event during the call.
    quitAndInstall: () => {
      let refused: Error | null = null;
      const onError = (error: Error): void => {
        refused ??= error;
      };
      updater.on('error', onError);
      try {
        updater.quitAndInstall();
      } finally {
        updater.removeListener('error', onError);
      }
      return refused;
    },
  };
}
