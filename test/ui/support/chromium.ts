/**
 * Debian Chromium (`/usr/bin/chromium`, or `CHROMIUM_PATH`) driven by Playwright, headless, with the
 * flags that work on this machine. A missing browser is a failure with the fix, never a skip.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright';
import type { Browser } from 'playwright';

/** Flags for Chromium in containers and CI: no sandbox, no GPU, nothing phoning home. */
export const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] as const;

/** Where Chromium is expected: `CHROMIUM_PATH` or Debian's `/usr/bin/chromium`. */
export function chromiumPath(): string {
  return process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
}

/** Launches headless Chromium; rejects with the install command when the executable is missing. */
export async function launchChromium(executablePath: string = chromiumPath()): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium is not installed at ${executablePath}: the UI tests need it. Run \`apt-get install -y chromium\` (or set CHROMIUM_PATH to a Chromium executable).`);
  }
  return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_FLAGS] });
}
