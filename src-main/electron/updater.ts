import { autoUpdater } from 'electron-updater';
import { autoUpdaterPort } from '../core/update/electron-updater-port.ts';
import type { UpdaterPort } from '../core/update/update-desk.ts';

/**
 * electron-updater's autoUpdater (GitHub Releases, per electron-builder.yml `publish`) behind core's
 * UpdaterPort (core/update/electron-updater-port.ts). Its own bundle (dist/main/updater.cjs), loaded
 * on the first check.
 */
export function createElectronUpdater(): UpdaterPort {
  return autoUpdaterPort(autoUpdater);
}
