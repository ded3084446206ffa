/**
 * A terminal client in its own process: `node terminal-client-main.ts ENDPOINT KEY DECLARE PATH [BODY]`,
 * where DECLARE is `self` (its own pid), `parent` (its parent's pid: a claim it cannot back),
 * `none` (no X-AIRisk-Client header) or a pid. Prints `{"pid":…,"status":…,"text":…}` and exits.
 */
import { callTerminal } from './terminal-http.ts';

const [endpoint = '', key = '', declare = 'self', path = '/v1/token', body] = process.argv.slice(2);
const pid = declare === 'self' ? process.pid : declare === 'parent' ? process.ppid : Number(declare);
const reply = await callTerminal(endpoint, {
  method: body === undefined ? 'GET' : 'POST',
  path,
  key,
  client: declare === 'none' ? null : JSON.stringify({ pid }),
  ...(body === undefined ? {} : { body }),
});
process.stdout.write(`${JSON.stringify({ pid: process.pid, status: reply.status, text: reply.text })}\n`);
