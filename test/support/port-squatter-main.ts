/**
 * The other program on the callback port: an HTTP server on one loopback address that answers
 * every request and reports it. `node port-squatter-main.ts HOST [PORT]` prints
 * `{"listening":PORT}` once it listens, then `{"request":"METHOD TARGET"}` for each request
 * (before answering it). Used by test/support/port-squatter.ts.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const [host = '127.0.0.1', port = '0'] = process.argv.slice(2);
const server = createServer((request, response) => {
  process.stdout.write(`${JSON.stringify({ request: `${request.method ?? ''} ${request.url ?? ''}` })}\n`);
  request.resume();
  response.writeHead(200, { 'Content-Type': 'text/plain', Connection: 'close' });
  response.end('Thanks for the code.\n');
});
server.once('error', (error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
server.listen(Number(port), host, () => {
  process.stdout.write(`${JSON.stringify({ listening: (server.address() as AddressInfo).port })}\n`);
});
