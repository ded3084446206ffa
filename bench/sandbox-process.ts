/**
 * The AIRisk sandbox in a process of its own, as AIRisk would be: its work must not count as ours
 * in the sign-in and event-loop rows.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const SANDBOX_MAIN = fileURLToPath(new URL('../test/sandbox/main.ts', import.meta.url));

export interface SandboxProcess {
  readonly url: string;
  close(): Promise<void>;
}

export async function startSandboxProcess(): Promise<SandboxProcess> {
  const child = spawn(process.execPath, [SANDBOX_MAIN, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the sandbox exited (${code}) before listening`)));
    lines.once('line', (line) => {
      const match = /listening on (http:\/\/\S+)/.exec(line);
      if (match?.[1] === undefined) reject(new Error(`unexpected first line from the sandbox: ${line}`));
      else resolve(match[1]);
    });
  });
  lines.on('line', () => undefined);
  return {
    url,
    close: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
