/**
 * Chromium's remote-debugging switches give any process of the same user the page — and so
 * `window.airisk` — over a local port or pipe. The fuses already turn off `--inspect` in a packaged
 * build; these switches are Chromium's, so the app refuses them itself.
 */

const SWITCHES = ['remote-debugging-port', 'remote-debugging-pipe'] as const;

/**
 * The one line to print before exiting when a packaged build was started with
 * `--remote-debugging-port` or `--remote-debugging-pipe` (any spelling Chromium accepts: `--`, `-`,
 * and on Windows `/`; `=value` or a separate value; any case), or null to go on. An unpackaged
 * build (development, the tests) may be debugged.
 */
export function remoteDebuggingRefusal(argv: readonly string[], build: { readonly packaged: boolean; readonly platform: NodeJS.Platform }): string | null {
  if (!build.packaged) return null;
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
