import { spawn } from 'node:child_process';
import { nowMs } from './stats.ts';

/** Runs this Node with `args`; resolves with the wall time from spawn to exit in ms, rejects (with its stderr) unless it exits 0. */
export function timeNodeProcess(args: readonly string[], options: { readonly cwd?: string; readonly env?: NodeJS.ProcessEnv } = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = nowMs();
    const child = spawn(process.execPath, args, { ...options, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve(nowMs() - started);
      else reject(new Error(`node ${args.join(' ')} exited with ${String(code)}: ${stderr}`));
    });
  });
}
