/**
 * `npm start` (after `npm run build`): runs the built app (package.json `main` = dist/main/main.cjs)
 * in the project's Electron binary, passing on any arguments (`npm start -- --hidden`). When the
 * binary is missing it says so plainly and exits 1 instead of trying to download it.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findElectronBinary, missingElectronMessage } from './electron-binary.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Launches Electron on the app folder; resolves with its exit code (1 when it died of a signal). */
export function runElectron(binary: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const childEnv = { ...env };
  // Set by some tools; it would make the binary behave as plain Node and ignore the app.
  delete childEnv.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [root, ...args], { stdio: 'inherit', env: childEnv, windowsHide: false });
  const forward = (signal: NodeJS.Signals): void => {
    if (child.exitCode === null) child.kill(signal);
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((resolve) => {
    child.once('error', (error) => {
      console.error(`start: could not run ${binary}: ${error.message}`);
      resolve(1);
    });
    child.once('exit', (code) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? 1);
    });
  });
}

/** The build `npm run build` makes; missing pieces are named. */
export function missingBuildOutputs(): string[] {
  return ['dist/main/main.cjs', 'dist/main/preload.cjs', 'dist/renderer/index.html'].filter((path) => !existsSync(new URL(`../${path}`, import.meta.url)));
}

/**
 * The Electron binary to run, once the binary and the build are both there; otherwise says what is
 * missing (as `command`) and returns undefined.
 */
export function readyToLaunch(command: string): string | undefined {
  const binary = findElectronBinary();
  if (!binary.ok) {
    console.error(missingElectronMessage(binary.reason));
    return undefined;
  }
  const missing = missingBuildOutputs();
  if (missing.length > 0) {
    console.error(`${command}: the app is not built (${missing.join(', ')} missing); run npm run build first.`);
    return undefined;
  }
  return binary.path;
}

async function main(): Promise<void> {
  const binary = readyToLaunch('start');
  process.exitCode = binary === undefined ? 1 : await runElectron(binary, process.argv.slice(2), process.env);
}

if (import.meta.main) await main();
