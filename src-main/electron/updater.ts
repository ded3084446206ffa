import { autoUpdater } from 'electron-updater';
import type { UpdaterPort } from '../core/update/update-desk.ts';

/**
 * electron-updater's autoUpdater (GitHub Releases, per electron-builder.yml `publish`) behind core's
 * UpdaterPort: core decides when to check and download, and only core's restart installs. Its own
 * bundle (dist/main/updater.cjs), loaded on the first check.
 */
export function createElectronUpdater(): UpdaterPort {
  autoUpdater.autoDownload = false;
  // Core turns failures into the one sentence Settings shows; electron-updater's own log is noise there.
  autoUpdater.logger = null;
  return {
    check: async () => {
      const result = await autoUpdater.checkForUpdates();
      return result?.isUpdateAvailable === true ? result.updateInfo.version : null;
    },
    download: async () => {
      await autoUpdater.downloadUpdate();
    },
    quitAndInstall: () => autoUpdater.quitAndInstall(),
  };
}
