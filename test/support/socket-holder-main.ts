/**
 * Another program on a Unix socket path: `node socket-holder-main.ts PATH` listens there, prints
 * `listening` once it does, and answers every connection with a line. Tests SIGKILL it to leave a
 * stale socket file behind, or keep it running as a live second instance.
 */
import { createServer } from 'node:net';

const [path = ''] = process.argv.slice(2);
const server = createServer((socket) => {
  socket.on('error', () => {}); // a prober that hangs up at once is no reason to stop
  socket.end('held\n');
});
server.once('error', (error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
server.listen(path, () => process.stdout.write('listening\n'));
