/**
 * The browser for the UI tests, found the conventional way (scripts/browser/find-browser.ts:
 * `CHROMIUM_PATH`, Playwright's own, an installed Chrome, Chromium or Edge), driven by Playwright
 * headless with the flags that work in containers. A missing browser is a failure with the fix,
 * never a skip; `npm test` runs scripts/ensure-browser.ts first, which installs one where it can.
 */
import { chromium } from 'playwright';
import type { Browser } from 'playwright';
import { findBrowser, isRunnableFile, noBrowserMessage, thisMachine } from '../../../scripts/browser/find-browser.ts';

/** Flags for Chromium in containers and CI: no sandbox, no GPU, nothing phoning home. */
export const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] as const;

/** The browser executable to drive; throws with the fixes when there is none. */
export function chromiumPath(): string {
  const context = thisMachine();
  const found = findBrowser(context);
  if (found === undefined) throw new Error(noBrowserMessage(context));
  return found.path;
}

/** Launches headless Chromium; rejects with the fixes when the executable is missing. */
export async function launchChromium(executablePath?: string): Promise<Browser> {
  // A browser found by chromiumPath() is runnable already; one passed in is checked here.
  if (executablePath !== undefined && !isRunnableFile(executablePath)) throw new Error(`No browser can run at ${executablePath}. ${noBrowserMessage(thisMachine({}))}`);
  return chromium.launch({ executablePath: executablePath ?? chromiumPath(), headless: true, args: [...CHROMIUM_FLAGS] });
}
