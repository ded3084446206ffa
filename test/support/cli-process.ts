/** Runs the real CLI (`src-main/cli.ts`) as a child process, the way a script or terminal would. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../src-main/cli.ts', import.meta.url));

export interface CliRun {
  /** Resolves with the first sign-in address the CLI prints on stderr. */
  readonly authorizationUrl: Promise<string>;
  readonly exit: Promise<{ code: number | null; stdout: string; stderr: string }>;
  writeStdin(text: string): void;
}

export function runCliProcess(args: readonly string[], env: Record<string, string> = {}): CliRun {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME ?? '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let announce: ((url: string) => void) | undefined;
  const authorizationUrl = new Promise<string>((resolve) => {
    announce = resolve;
  });
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    const match = /^\s+(https?:\/\/\S+)$/m.exec(stderr);
    if (match?.[1] !== undefined) announce?.(match[1]);
  });
  const exit = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  return {
    authorizationUrl,
    exit,
    writeStdin: (text) => child.stdin.write(text),
  };
}
