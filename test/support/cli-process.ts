/** Runs the real CLI (`src-main/cli.ts`) as a child process, the way a script or terminal would. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../src-main/cli.ts', import.meta.url));

export interface CliRun {
  /** Resolves with the first sign-in address the CLI prints on stderr. */
  readonly authorizationUrl: Promise<string>;
  readonly exit: Promise<{ code: number | null; stdout: string; stderr: string }>;
  writeStdin(text: string): void;
  /** Closes the CLI's standard input (end of file). */
  endStdin(): void;
  /** What the CLI has printed on stdout so far. */
  stdoutSoFar(): string;
  /** The CLI process's pid (what it sends as X-AIRisk-Client), e.g. to signal it. */
  readonly pid: number | undefined;
}

/** Which Node runs which CLI: by default this Node (24) runs the source; the bundle test passes Node 20 and the bundle. */
export interface CliProgram {
  readonly node?: string;
  readonly cli?: string;
}

export function runCliProcess(args: readonly string[], env: Record<string, string> = {}, program: CliProgram = {}): CliRun {
  const child = spawn(program.node ?? process.execPath, [program.cli ?? CLI, ...args], {
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
    endStdin: () => child.stdin.end(),
    stdoutSoFar: () => stdout,
    pid: child.pid,
  };
}
