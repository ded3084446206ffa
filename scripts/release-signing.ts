/**
 * Runs electron-builder for a release with the signing secrets it documents, and without the ones
 * that are absent: GitHub passes a missing secret as an empty variable, and electron-builder reads
 * an empty `CSC_LINK` as "sign with this certificate". Each absent secret group turns into an
 * unsigned (or un-notarized) build and one log line; it never fails for lack of a certificate.
 *
 *   node scripts/release-signing.ts --publish always      (after `npm run build`)
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** The variables electron-builder reads for code signing and notarization (electron.build "Code Signing", "Environment Variables"). */
export const SIGNING_VARIABLES = ['CSC_LINK', 'CSC_KEY_PASSWORD', 'WIN_CSC_LINK', 'WIN_CSC_KEY_PASSWORD', 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'] as const;

/** The environment electron-builder runs with, and the one line that says how the build is signed. */
export interface SigningPlan {
  readonly env: Readonly<Record<string, string>>;
  readonly line: string;
}

const present = (env: NodeJS.ProcessEnv, name: string): boolean => (env[name] ?? '') !== '';
const NOTARIZATION = ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'] as const;

/** `env` without the empty signing variables and without `dropped`. */
function without(env: NodeJS.ProcessEnv, dropped: readonly string[]): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    const signing = (SIGNING_VARIABLES as readonly string[]).includes(name);
    if (value !== undefined && !dropped.includes(name) && !(signing && value === '')) kept[name] = value;
  }
  return kept;
}

/**
 * Why a certificate and its password cannot be used as a pair, or null when both are set: a
 * certificate without its password (or a password without its certificate) is dropped as a group.
 */
function certificateGap(env: NodeJS.ProcessEnv, link: string, password: string): string | null {
  if (!present(env, link)) return `no ${link} secret`;
  return present(env, password) ? null : `${link} is set but ${password} is not, so the certificate is left out`;
}

/** Drops empty signing variables and says, in one line, what this platform's build will be. */
export function signingPlan(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): SigningPlan {
  if (platform === 'darwin') {
    const gap = certificateGap(env, 'CSC_LINK', 'CSC_KEY_PASSWORD');
    if (gap !== null) {
      // No keychain identity either: a runner's keychain holds none, and a guess must not sign.
      const kept = { ...without(env, ['CSC_LINK', 'CSC_KEY_PASSWORD', 'WIN_CSC_LINK', 'WIN_CSC_KEY_PASSWORD', ...NOTARIZATION]), CSC_IDENTITY_AUTO_DISCOVERY: 'false' };
      return { env: kept, line: `signing: macOS build is UNSIGNED and not notarized (${gap}); it cannot self-update (Squirrel.Mac refuses unsigned apps).` };
    }
    // electron-builder fails on a partial notarization set: all three, or none.
    const notarized = NOTARIZATION.every((name) => present(env, name));
    const kept = without(env, ['WIN_CSC_LINK', 'WIN_CSC_KEY_PASSWORD', ...(notarized ? [] : NOTARIZATION)]);
    return { env: kept, line: notarized ? 'signing: macOS build is signed (CSC_LINK) and notarized (APPLE_ID).' : 'signing: macOS build is signed (CSC_LINK) but NOT notarized (APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD and APPLE_TEAM_ID are not all set).' };
  }
  if (platform === 'win32') {
    // CSC_* is the macOS certificate here: electron-builder falls back to it when WIN_CSC_* is unset, and would sign with the wrong one.
    const gap = certificateGap(env, 'WIN_CSC_LINK', 'WIN_CSC_KEY_PASSWORD');
    const kept = without(env, ['CSC_LINK', 'CSC_KEY_PASSWORD', ...NOTARIZATION, ...(gap === null ? [] : ['WIN_CSC_LINK', 'WIN_CSC_KEY_PASSWORD'])]);
    return { env: kept, line: gap === null ? 'signing: Windows installer is signed (WIN_CSC_LINK).' : `signing: Windows installer is UNSIGNED (${gap}); SmartScreen will warn.` };
  }
  return { env: without(env, SIGNING_VARIABLES), line: 'signing: Linux packages are not code-signed (AppImage and deb have no signing step here).' };
}

async function main(): Promise<void> {
  const plan = signingPlan(process.env, process.platform);
  console.log(plan.line);
  const cli = createRequire(import.meta.url).resolve('electron-builder/cli.js');
  const child = spawn(process.execPath, [cli, ...process.argv.slice(2)], { stdio: 'inherit', env: plan.env });
  const code = await new Promise<number>((resolve) => child.once('close', (exit) => resolve(exit ?? 1)));
  process.exitCode = code;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
