/**
 * Makes sure the UI tests and benchmarks have a browser: finds one the conventional way
 * (scripts/browser/find-browser.ts) and, where there is none, gets one (scripts/browser/install-steps.ts).
 * Prints one line saying what it found or did; exits 1 with the fixes when it could not get one.
 * `npm test` and `npm run bench` run it, so a fresh machine needs no other step.
 */
import { pathToFileURL } from 'node:url';
import type { BrowserCandidate } from './browser/browser-locations.ts';
import { findBrowser, noBrowserMessage, thisMachine } from './browser/find-browser.ts';
import { debianPackage, playwrightDownload, type InstallStep } from './browser/install-steps.ts';

/** What the resolver ended with: a browser and the line that says how, or the failure to print. */
export type EnsureOutcome = { readonly ok: true; readonly browser: BrowserCandidate; readonly line: string } | { readonly ok: false; readonly line: string };

/** Finds a browser, installing one with the first step that works when none is there. */
export async function ensureBrowser(input: { find: () => BrowserCandidate | undefined; steps: readonly InstallStep[]; explicitPath: string | undefined; noBrowser: string }): Promise<EnsureOutcome> {
  const found = input.find();
  if (found !== undefined) return { ok: true, browser: found, line: `browser for the UI tests: ${found.path} (${describeSource(found)})` };
  // A browser the person named and that is not there is their typo to fix, not ours to paper over.
  if (input.explicitPath !== undefined && input.explicitPath !== '') return { ok: false, line: input.noBrowser };
  const tried: string[] = [];
  for (const step of input.steps) {
    const skip = step.notApplicable();
    if (skip !== undefined) {
      tried.push(`${step.name}: ${skip}`);
      continue;
    }
    const failure = await step.run();
    const installed = failure === undefined ? input.find() : undefined;
    if (installed !== undefined) {
      const before = tried.length === 0 ? '' : `; before that ${tried.join('; ')}`;
      return { ok: true, browser: installed, line: `browser for the UI tests: none was installed, so ${step.name} installed ${installed.path}${before}` };
    }
    tried.push(`${step.name}: ${failure ?? 'finished, but no browser appeared'}`);
  }
  return { ok: false, line: `${input.noBrowser}\nTried: ${tried.join('; ')}.` };
}

function describeSource(candidate: BrowserCandidate): string {
  switch (candidate.source) {
    case 'CHROMIUM_PATH':
      return 'from CHROMIUM_PATH';
    case 'Playwright':
      return "Playwright's own";
    case 'installed':
      return 'installed';
    case 'PATH':
      return 'found on the PATH';
  }
}

async function main(): Promise<void> {
  const context = thisMachine();
  const outcome = await ensureBrowser({
    find: () => findBrowser(thisMachine()),
    steps: [playwrightDownload, debianPackage],
    explicitPath: context.env['CHROMIUM_PATH'],
    noBrowser: noBrowserMessage(context),
  });
  if (outcome.ok) console.log(outcome.line);
  else {
    console.error(outcome.line);
    process.exitCode = 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
