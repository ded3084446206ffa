import { ipcMain } from 'electron';
import ElectronStore from 'electron-store';
import { openConfDocumentStore, type OpenedConfDocumentStore } from '../core/vault/conf-document-store.ts';

/** The IPC channel electron-store answers renderer-side stores on; this app has none. */
const ELECTRON_STORE_CHANNEL = 'electron-store-get-data';

/**
 * The vault's document store over `electron-store`, opening the same file with the same options as
 * the Node face (`storeOptions`), and moving an unreadable or newer file aside the same way
 * (`openConfDocumentStore` with an electron-store factory).
 */
export function openElectronStoreDocument(directory: string): OpenedConfDocumentStore {
  return openConfDocumentStore({
    directory,
    create: (options) => {
      // electron-store names the file with `name` and sets conf's `configName`/`projectName` itself.
      const { configName: _configName, projectName: _projectName, ...electronOptions } = options;
      const store = new ElectronStore<Record<string, unknown>>(electronOptions);
      // electron-store answers any renderer's sync request for the data folder and app version; no
      // renderer of ours needs that, so stop answering.
      ipcMain.removeAllListeners(ELECTRON_STORE_CHANNEL);
      return store;
    },
  });
}
