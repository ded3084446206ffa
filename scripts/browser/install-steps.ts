/**
 * The ways to get a browser when none is installed, in the order tried: Playwright's own download
 * (needs its CDN), then Debian's `chromium` package (needs root on Debian or Ubuntu and their
 * package mirror). Each says whether it applies here and, when run, what happened in a few words.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** One way to install a browser. */
export interface InstallStep {
  readonly name: string;
  /** Why the step does not apply on this machine, or undefined when it does. */
  readonly notApplicable: () => string | undefined;
  /** Runs the step; resolves with a short reason when it failed, undefined when it succeeded. */
  readonly run: () => Promise<string | undefined>;
}

const PLAYWRIGHT_INSTALL_TIMEOUT_MS = 10 * 60_000;
const APT_TIMEOUT_MS = 15 * 60_000;

/** Runs a command quietly; resolves with undefined on exit 0, else with the last line it printed. */
export function runQuietly(command: string, args: readonly string[], options: { env?: NodeJS.ProcessEnv; timeoutMs: number }): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: options.env ?? process.env });
    let output = '';
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      resolve(error.message);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve(undefined);
      resolve(signal === 'SIGKILL' ? `timed out after ${options.timeoutMs / 60_000} min` : failureLine(output) ?? `exit ${code ?? signal}`);
    });
  });
}

/** The line of a failed command's output that says why: its first error line, else its last line; no colours. */
export function failureLine(output: string): string | undefined {
  const lines = output
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const line = lines.find((entry) => /^(error|e:)/i.test(entry)) ?? lines.at(-1);
  return line === undefined ? undefined : line.slice(0, 200);
}

/** `playwright install chromium`, with the project's own Playwright. */
export const playwrightDownload: InstallStep = {
  name: 'playwright install chromium',
  notApplicable: () => undefined,
  run: () => {
    // `cli.js` is not in Playwright's exports map; it sits beside its package.json.
    const cli = join(dirname(createRequire(import.meta.url).resolve('playwright/package.json')), 'cli.js');
    return runQuietly(process.execPath, [cli, 'install', 'chromium'], { timeoutMs: PLAYWRIGHT_INSTALL_TIMEOUT_MS });
  },
};

/** Whether /etc/os-release names Debian or Ubuntu (or a derivative of them). */
export function isDebianLike(osRelease: string): boolean {
  const field = (name: string): string => new RegExp(`^${name}=(.*)$`, 'm').exec(osRelease)?.[1]?.replace(/"/g, '') ?? '';
  return `${field('ID')} ${field('ID_LIKE')}`.split(/\s+/).some((id) => id === 'debian' || id === 'ubuntu');
}

function readOsRelease(): string {
  try {
    return readFileSync('/etc/os-release', 'utf8');
  } catch {
    return '';
  }
}

/** Debian's `chromium` package through apt-get, as root only. */
export const debianPackage: InstallStep = {
  name: "Debian's chromium package",
  notApplicable: () => {
    if (process.platform !== 'linux' || !isDebianLike(readOsRelease())) return 'not Debian or Ubuntu';
    if (process.getuid?.() !== 0) return 'needs root (run `sudo apt-get install -y chromium`)';
    return undefined;
  },
  run: async () => {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = await runQuietly('apt-get', ['update', '-qq'], { env, timeoutMs: APT_TIMEOUT_MS });
    if (update !== undefined) return `apt-get update: ${update}`;
    const install = await runQuietly('apt-get', ['install', '-y', '-qq', 'chromium'], { env, timeoutMs: APT_TIMEOUT_MS });
    return install === undefined ? undefined : `apt-get install: ${install}`;
  },
};
