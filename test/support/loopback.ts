/** What this machine's loopback offers, for tests that skip where it does not. */
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { findLoopbackListener } from '../../src-main/core/oauth/loopback-probe.ts';

/** True when a program may listen on `host` (false e.g. for `::1` on a machine without IPv6 loopback). */
export async function canListenOn(host: string): Promise<boolean> {
  const server = net.createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, host, () => resolve());
    });
    return true;
  } catch {
    return false;
  } finally {
    await new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
  }
}

/** The lowest port an ordinary program may listen on under Linux (`net.ipv4.ip_unprivileged_port_start`, 1024 by default). */
export function firstUnprivilegedPort(): number {
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_unprivileged_port_start', 'utf8').trim());
  } catch {
    return 1024;
  }
}

/** A privileged port (below `firstUnprivilegedPort()`) where nothing answers on 127.0.0.1, or undefined. */
export async function quietPrivilegedPort(): Promise<number | undefined> {
  const first = firstUnprivilegedPort();
  for (let port = first - 1; port >= Math.max(1, first - 50); port--) {
    if ((await findLoopbackListener(['127.0.0.1', '::1'], port)) === undefined) return port;
  }
  return undefined;
}

/** The URL of a loopback port that was free a moment ago and now has nothing listening (a base URL nobody answers at). */
export async function closedPortUrl(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
