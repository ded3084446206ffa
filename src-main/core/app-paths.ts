import { homedir } from 'node:os';
import { join } from 'node:path';

/** The product name Electron uses for `app.getPath('userData')`; the CLI shares the same folder. */
export const PRODUCT_NAME = 'AIRisk Token Tray';

/**
 * Per-user data folder, the same one Electron picks for this product: Linux
 * `$XDG_CONFIG_HOME/AIRisk Token Tray`, macOS `~/Library/Application Support/…`, Windows `%APPDATA%\…`.
 */
export function userDataDirectory(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  const configHome = env.XDG_CONFIG_HOME !== undefined && env.XDG_CONFIG_HOME !== '' ? env.XDG_CONFIG_HOME : join(homedir(), '.config');
  return join(configHome, PRODUCT_NAME);
}
