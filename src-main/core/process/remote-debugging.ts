/**
 * Chromium's remote-debugging switches give any process of the same user the page — and so
 * `window.airisk` — over a local port or pipe. The fuses already turn off `--inspect` in a packaged
 * build; these switches are Chromium's, so the app refuses them itself.
 */

const SWITCHES = ['remote-debugging-port', 'remote-debugging-pipe'] as const;

/** What the app knows about how it was started: Electron's `app.isPackaged` and `app.getAppPath()`. */
export interface BuildFacts {
  readonly isPackaged: boolean;
  readonly appPath: string;
}

/**
 * Whether this run is a packaged build: `app.isPackaged`, or the app is loaded from an asar archive.
 * Electron decides `isPackaged` from the executable's name, so a copied and renamed binary reads as
 * unpackaged; it still loads `resources/app.asar`, while a development run (`electron .`) loads a folder.
 */
export function isPackagedRun(build: BuildFacts): boolean {
  return build.isPackaged || /\.asar[\\/]*$/i.test(build.appPath);
}

/**
 * The one line to show before exiting when a packaged build ({@link isPackagedRun}) was started with
 * `--remote-debugging-port` or `--remote-debugging-pipe` (any spelling Chromium accepts: `--`, `-`,
 * and on Windows `/`; `=value` or a separate value; any case), or null to go on. An unpackaged
 * build (development, the tests) may be debugged.
 */
export function remoteDebuggingRefusal(argv: readonly string[], build: BuildFacts & { readonly platform: NodeJS.Platform }): string | null {
  if (!isPackagedRun(build)) return null;
  const prefix = build.platform === 'win32' ? /^(--|-|\/)/ : /^(--|-)/;
  for (const entry of argv) {
    if (!prefix.test(entry)) continue;
    const name = entry.replace(prefix, '').split('=')[0]?.toLowerCase() ?? '';
    const found = SWITCHES.find((candidate) => candidate === name);
    if (found !== undefined) {
      return `--${found} is refused: it would let any program on this computer control the window and read your tokens. Start the app without it.`;
    }
  }
  return null;
}
