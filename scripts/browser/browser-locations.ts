/**
 * Where a Chromium-family browser for the UI tests may already be, in the conventional order:
 * `CHROMIUM_PATH`, Playwright's own installed browser, then an installed Chrome, Chromium or Edge
 * (well-known install folders, then the PATH). Pure: the caller says which files exist.
 */
import { delimiter, join } from 'node:path';

/** One place a browser may be, and how it was found (printed in the one line the resolver says). */
export interface BrowserCandidate {
  readonly path: string;
  readonly source: 'CHROMIUM_PATH' | 'Playwright' | 'installed' | 'PATH';
}

/** What the search needs to know about the machine. */
export interface BrowserSearchContext {
  readonly platform: NodeJS.Platform;
  readonly env: NodeJS.ProcessEnv;
  readonly homeDirectory: string;
  /** Where Playwright keeps (or would keep) its own Chromium: `chromium.executablePath()`. */
  readonly playwrightExecutable: string | undefined;
}

/** Executable names looked up on the PATH, per platform family. */
const PATH_NAMES: Readonly<Record<'posix' | 'win32', readonly string[]>> = {
  posix: ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'microsoft-edge-stable'],
  win32: ['chrome.exe', 'msedge.exe'],
};

function installedLocations(context: BrowserSearchContext): string[] {
  const { platform, env, homeDirectory } = context;
  if (platform === 'darwin') {
    const apps = ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge'];
    return ['/Applications', join(homeDirectory, 'Applications')].flatMap((folder) => apps.map((app) => join(folder, app)));
  }
  if (platform === 'win32') {
    const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']].filter((root): root is string => root !== undefined && root !== '');
    const apps = ['Google\\Chrome\\Application\\chrome.exe', 'Chromium\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe'];
    return roots.flatMap((root) => apps.map((app) => `${root}\\${app}`));
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/usr/bin/microsoft-edge', '/snap/bin/chromium'];
}

function pathLocations(context: BrowserSearchContext): string[] {
  const path = context.env['PATH'] ?? context.env['Path'] ?? '';
  const names = PATH_NAMES[context.platform === 'win32' ? 'win32' : 'posix'];
  const separator = context.platform === 'win32' ? ';' : delimiter;
  return path
    .split(separator)
    .filter((folder) => folder !== '')
    .flatMap((folder) => names.map((name) => (context.platform === 'win32' ? `${folder}\\${name}` : join(folder, name))));
}

/**
 * Every place to look, best first. An explicit `CHROMIUM_PATH` is the only candidate when set: a
 * person who names a browser means that one, and a typo must not quietly test another.
 */
export function browserCandidates(context: BrowserSearchContext): BrowserCandidate[] {
  const explicit = context.env['CHROMIUM_PATH'];
  if (explicit !== undefined && explicit !== '') return [{ path: explicit, source: 'CHROMIUM_PATH' }];
  const candidates: BrowserCandidate[] = [];
  if (context.playwrightExecutable !== undefined) candidates.push({ path: context.playwrightExecutable, source: 'Playwright' });
  for (const path of installedLocations(context)) candidates.push({ path, source: 'installed' });
  for (const path of pathLocations(context)) candidates.push({ path, source: 'PATH' });
  const seen = new Set<string>();
  return candidates.filter((candidate) => !seen.has(candidate.path) && seen.add(candidate.path));
}
