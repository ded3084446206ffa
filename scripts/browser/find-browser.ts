/**
 * Finds an installed Chromium-family browser for the UI tests and benchmarks, without installing
 * anything (scripts/ensure-browser.ts installs one when this finds none).
 */
import { accessSync, constants, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { chromium } from 'playwright';
import { browserCandidates, type BrowserCandidate, type BrowserSearchContext } from './browser-locations.ts';

/** The search context of this machine. */
export function thisMachine(env: NodeJS.ProcessEnv = process.env): BrowserSearchContext {
  let playwrightExecutable: string | undefined;
  try {
    playwrightExecutable = chromium.executablePath();
  } catch {
    playwrightExecutable = undefined; // Playwright knows no browser build for this platform
  }
  return { platform: process.platform, env, homeDirectory: homedir(), playwrightExecutable };
}

/** Whether `path` is a file this process may run. */
export function isRunnableFile(path: string, platform: NodeJS.Platform = process.platform): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    if (platform !== 'win32') accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first candidate that exists and can run, or undefined. */
export function findBrowser(context: BrowserSearchContext = thisMachine(), runnable: (path: string) => boolean = isRunnableFile): BrowserCandidate | undefined {
  return browserCandidates(context).find((candidate) => runnable(candidate.path));
}

/** What to do when there is no browser: the one message the tests, the bench and the resolver print. */
export function noBrowserMessage(context: BrowserSearchContext): string {
  const explicit = context.env['CHROMIUM_PATH'];
  if (explicit !== undefined && explicit !== '') {
    return `CHROMIUM_PATH is set to ${explicit}, which is not a browser this process can run. Point it at a Chromium, Chrome or Edge executable, or unset it.`;
  }
  return (
    'No Chromium, Chrome or Edge was found for the UI tests. Run `node scripts/ensure-browser.ts` (npm test does), ' +
    'or `npx playwright install chromium`, or on Debian/Ubuntu `apt-get install -y chromium`, or set CHROMIUM_PATH to a browser executable.'
  );
}
