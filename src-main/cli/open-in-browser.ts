import { spawn } from 'node:child_process';
import { childProcessEnvironment } from '../core/process/child-environment.ts';

/** The command that hands a URL to the system's default browser on each platform. */
export function browserCommand(url: string, platform: NodeJS.Platform): { command: string; args: string[] } {
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // rundll32 passes the URL untouched; `cmd /c start` would re-parse `&` in the query string.
  if (platform === 'win32') return { command: 'rundll32', args: ['url.dll,FileProtocolHandler', url] };
  return { command: 'xdg-open', args: [url] };
}

/**
 * Opens an http(s) URL in the system browser; rejects when no opener could be started. The opener
 * gets `env` without our `AIRISK_*` variables (the client secret among them): see childProcessEnvironment.
 */
export function openInSystemBrowser(url: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): Promise<void> {
  const protocol = new URL(url).protocol;
  if (protocol !== 'https:' && protocol !== 'http:') return Promise.reject(new Error(`Refusing to open a ${protocol} URL.`));
  const { command, args } = browserCommand(url, platform);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { detached: true, stdio: 'ignore', env: childProcessEnvironment(env) });
    child.once('error', reject);
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}
