import { connect } from 'node:net';

/** How long one connection attempt on loopback may take before it counts as "nothing answers". */
const PROBE_TIMEOUT_MS = 1000;

function answers(host: string, port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (result: boolean): void => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * The first of `hosts` where some program accepts a TCP connection on `port`, or undefined when
 * none does (refused, no such address, or no answer within the timeout). Sends no data.
 */
export async function findLoopbackListener(hosts: readonly string[], port: number, timeoutMs = PROBE_TIMEOUT_MS): Promise<string | undefined> {
  const results = await Promise.all(hosts.map((host) => answers(host, port, timeoutMs)));
  return hosts.find((_host, index) => results[index] === true);
}
