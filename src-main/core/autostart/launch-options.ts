import type { ConnectionUpdate } from '../../contract.ts';
import { HIDDEN_ARGUMENT } from './xdg-autostart.ts';
import { isLoopbackUrl } from '../oauth/transport-rule.ts';

/**
 * How this launch was asked to run, from its command line and environment: start in the tray only
 * (`--hidden`, which the login item / autostart entry passes), a data folder of its own
 * (`--data-dir DIR`, `--data-dir=DIR` or `AIRISK_DATA_DIR`, for the demo and tests), and the
 * sandbox demo client to pre-configure (`AIRISK_DEMO_SANDBOX_URL`, `AIRISK_DEMO_CLIENT_ID`,
 * `AIRISK_DEMO_CLIENT_SECRET`, and the same with `_B` for a second sandbox). The demo client is read only when `--data-dir` is on the command
 * line: variables alone would overwrite the person's real settings and client secret in the default
 * folder, and `AIRISK_DATA_DIR` does not count (an environment is inherited without anyone asking).
 */
export interface LaunchOptions {
  readonly hidden: boolean;
  /** Absolute or relative folder as given; null = Electron's `userData`. */
  readonly dataDir: string | null;
  /** Connections to the demo sandboxes ("Sandbox A", and "Sandbox B" when a second is given); empty when none. */
  readonly demoConnections: readonly ConnectionUpdate[];
  /** Things that were given but ignored, to print once at start. */
  readonly problems: readonly string[];
}

/** The environment variables read here (passed in; `process.env` is never read directly). */
export interface LaunchEnvironment {
  readonly AIRISK_DATA_DIR?: string | undefined;
  readonly AIRISK_DEMO_SANDBOX_URL?: string | undefined;
  readonly AIRISK_DEMO_CLIENT_ID?: string | undefined;
  readonly AIRISK_DEMO_CLIENT_SECRET?: string | undefined;
  readonly AIRISK_DEMO_SANDBOX_URL_B?: string | undefined;
  readonly AIRISK_DEMO_CLIENT_ID_B?: string | undefined;
  readonly AIRISK_DEMO_CLIENT_SECRET_B?: string | undefined;
}

/** The loopback redirect the demo uses: any free port on 127.0.0.1 (the demo client accepts all). */
export const DEMO_REDIRECT_URI = 'http://127.0.0.1:0/callback';

/**
 * Reads the launch options. `argv` is the whole `process.argv`: Electron and Chromium put their own
 * switches in it, so unknown entries are ignored rather than refused.
 */
export function parseLaunchOptions(argv: readonly string[], env: LaunchEnvironment): LaunchOptions {
  const problems: string[] = [];
  let hidden = false;
  let dataDir: string | null = null;
  for (let index = 0; index < argv.length; index += 1) {
    const entry = argv[index] ?? '';
    if (entry === HIDDEN_ARGUMENT) hidden = true;
    else if (entry.startsWith('--data-dir=')) dataDir = entry.slice('--data-dir='.length);
    else if (entry === '--data-dir') {
      const next = argv[index + 1];
      if (next === undefined || next.startsWith('--')) problems.push('--data-dir needs a folder; ignored.');
      else {
        dataDir = next;
        index += 1;
      }
    }
  }
  if (dataDir === '') {
    problems.push('--data-dir is empty; ignored.');
    dataDir = null;
  }
  const explicitDataDir = dataDir !== null;
  if (dataDir === null && env.AIRISK_DATA_DIR !== undefined && env.AIRISK_DATA_DIR !== '') dataDir = env.AIRISK_DATA_DIR;
  return { hidden, dataDir, demoConnections: explicitDataDir ? demoConnections(env, problems) : ignoredDemoSettings(env, problems), problems };
}

/** The demo variables, for the first sandbox ("Sandbox A") and the optional second ("Sandbox B", `_B`). */
const DEMO_SANDBOXES = [
  { name: 'Sandbox A', url: 'AIRISK_DEMO_SANDBOX_URL', id: 'AIRISK_DEMO_CLIENT_ID', secret: 'AIRISK_DEMO_CLIENT_SECRET' },
  { name: 'Sandbox B', url: 'AIRISK_DEMO_SANDBOX_URL_B', id: 'AIRISK_DEMO_CLIENT_ID_B', secret: 'AIRISK_DEMO_CLIENT_SECRET_B' },
] as const;

/** The demo variables without `--data-dir`: never used; said once when any is set. */
function ignoredDemoSettings(env: LaunchEnvironment, problems: string[]): [] {
  const given = DEMO_SANDBOXES.flatMap((sandbox) => [sandbox.url, sandbox.id, sandbox.secret]).filter((name) => (env[name] ?? '') !== '');
  if (given.length > 0) problems.push(`${given.join(', ')} ignored: the demo client is set up only in a data folder of its own (start with --data-dir DIR).`);
  return [];
}

function demoConnections(env: LaunchEnvironment, problems: string[]): ConnectionUpdate[] {
  return DEMO_SANDBOXES.flatMap((sandbox) => {
    const connection = demoConnection(sandbox, env, problems);
    return connection === null ? [] : [connection];
  });
}

function demoConnection(sandbox: (typeof DEMO_SANDBOXES)[number], env: LaunchEnvironment, problems: string[]): ConnectionUpdate | null {
  const baseUrl = env[sandbox.url];
  if (baseUrl === undefined || baseUrl === '') return null;
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    problems.push(`${sandbox.url} is not a URL; ignored.`);
    return null;
  }
  if (url.protocol !== 'http:' || !isLoopbackUrl(url)) {
    problems.push(`${sandbox.url} must be a sandbox on http://127.0.0.1 (or localhost); ignored.`);
    return null;
  }
  const clientId = env[sandbox.id] ?? '';
  const clientSecret = env[sandbox.secret] ?? '';
  if (clientId === '' || clientSecret === '') {
    problems.push(`${sandbox.url} needs ${sandbox.id} and ${sandbox.secret} too; ignored.`);
    return null;
  }
  return { name: sandbox.name, baseUrl, clientId, clientSecret, redirectUri: DEMO_REDIRECT_URI };
}

/**
 * Whether to start in the tray only: `--hidden` on the command line (Windows and Linux login
 * entries pass it), or on macOS a launch at login while "start hidden" is on.
 */
export function startsHidden(input: { readonly hiddenArgument: boolean; readonly platform: NodeJS.Platform; readonly openedAtLogin: boolean; readonly startHiddenSetting: boolean }): boolean {
  if (input.hiddenArgument) return true;
  return input.platform === 'darwin' && input.openedAtLogin && input.startHiddenSetting;
}
