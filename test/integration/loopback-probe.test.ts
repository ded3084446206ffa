import assert from 'node:assert/strict';
import net from 'node:net';
import { test } from 'node:test';
import { findLoopbackListener } from '../../src-main/core/oauth/loopback-probe.ts';
import { canListenOn } from '../support/loopback.ts';

async function listener(host: string): Promise<{ port: number; close: () => Promise<void>; accepted: () => number; bytes: () => number }> {
  let accepted = 0;
  let bytes = 0;
  const server = net.createServer((socket) => {
    accepted++;
    socket.on('data', (chunk) => (bytes += chunk.length));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
    accepted: () => accepted,
    bytes: () => bytes,
  };
}

test('names the loopback address where a program answers on the port, and sends it nothing', async (t) => {
  const host = (await canListenOn('::1')) ? '::1' : '127.0.0.1';
  if (host === '127.0.0.1') t.diagnostic('no IPv6 loopback: probing 127.0.0.1 only');
  const other = await listener(host);
  try {
    assert.equal(await findLoopbackListener(['127.0.0.1', '::1'], other.port), host);
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(other.accepted(), 1);
    assert.equal(other.bytes(), 0, 'the probe only connects');
  } finally {
    await other.close();
  }
});

test('finds nothing where every address refuses the connection', async () => {
  const gone = await listener('127.0.0.1');
  await gone.close();
  assert.equal(await findLoopbackListener(['127.0.0.1', '::1'], gone.port), undefined);
});
