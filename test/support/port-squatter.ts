/**
 * A real squatter process on a loopback port (test/support/port-squatter-main.ts), for tests of
 * what the sign-in does when another program holds the callback port.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A running squatter: where it listens and what reached it. */
export interface Squatter {
  readonly host: string;
  readonly port: number;
  /** Every request it received, as `METHOD TARGET`. */
  readonly requests: readonly string[];
  /** Stops it and resolves once it has exited and everything it reported was read. */
  stop(): Promise<void>;
}

const MAIN = new URL('./port-squatter-main.ts', import.meta.url).pathname;

/** Starts a squatter listening on `host:port` (port 0: any free port); rejects when it cannot listen. */
export async function startSquatter(host: string, port = 0): Promise<Squatter> {
  const child = spawn(process.execPath, [MAIN, host, String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const requests: string[] = [];
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const listening = Promise.withResolvers<number>();
  createInterface({ input: child.stdout }).on('line', (line) => {
    const message = JSON.parse(line) as { listening?: number; request?: string };
    if (message.listening !== undefined) listening.resolve(message.listening);
    if (message.request !== undefined) requests.push(message.request);
  });
  child.once('exit', (code) => listening.reject(new Error(`the squatter on ${host}:${port} exited (${code}): ${stderr.trim()}`)));
  const stop = async (): Promise<void> => {
    child.kill();
    await closed;
  };
  try {
    return { host, port: await listening.promise, requests, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
