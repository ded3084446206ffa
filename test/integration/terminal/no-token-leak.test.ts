/**
 * A run through every answer the terminal access server gives, from real client processes and
 * in-process calls: the tokens appear in the body of the successful token answers and nowhere
 * else — not in an error, a warning, the window's view, the audit, or a crash report.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManualClock } from '../../support/manual-clock.ts';
import { callTerminal } from '../../support/terminal-http.ts';
import type { TerminalCall } from '../../support/terminal-http.ts';
import { runClientProcess, startFixture } from '../../support/terminal-fixture.ts';

test('no token appears in any error, warning, view or audit line of a whole run', async (t) => {
  const clock = new ManualClock();
  const fixture = await startFixture(t, { timers: clock });
  const outputs: string[] = [];
  const tokenAnswers: string[] = [];
  const call = async (request: Omit<TerminalCall, 'key'> & { key?: string }, carriesToken = false): Promise<number> => {
    clock.advance(1000);
    const reply = await callTerminal(fixture.endpoint, { key: fixture.key, ...request });
    (carriesToken && reply.status === 200 ? tokenAnswers : outputs).push(`${reply.status} ${JSON.stringify(reply.headers)} ${reply.text}`);
    return reply.status;
  };
  const token = (body: unknown): Promise<number> => call({ method: 'POST', path: '/v1/token', body: JSON.stringify(body) }, true);

  fixture.autoAnswer('deny');
  await token({ userid: 'user_42', connection: 'Staging' });
  fixture.autoAnswer('allow');
  assert.equal(await token({ userid: 'user_42', connection: 'Staging' }), 200);
  assert.equal(await token({}), 200);
  assert.equal(await call({ method: 'POST', path: '/v1/login', body: '{"userid":"user_9","connection":"Sandbox"}' }, true), 200);
  await token({ userid: 'user_7' });
  await token({ userid: 'user_42' });
  await token({ userid: 'nobody' });
  await call({ path: '/v1/status' });
  await call({ path: '/v1/accounts' });
  await call({ path: '/v1/status', key: 'f'.repeat(64) });
  await call({ path: '/v1/nothing' });
  await call({ path: '/v1/token' });
  await call({ method: 'POST', path: '/v1/token', body: '{"userid":' });
  await call({ method: 'POST', path: '/v1/token', body: JSON.stringify({ userid: 'x'.repeat(20_000) }) });
  for (let i = 0; i < 6; i++) outputs.push(JSON.stringify(await callTerminal(fixture.endpoint, { path: '/v1/accounts', key: fixture.key })));
  // A child process of its own, over the same socket.
  clock.advance(1000);
  const child = await runClientProcess([fixture.endpoint, fixture.key, 'self', '/v1/token', '{"generic":true,"connection":"Staging"}']);
  assert.equal(child.status, 200);
  tokenAnswers.push(child.text);
  // The source fails with the token in its error message (a careless AppService): the 500 answer and the warning must not repeat it.
  const leaky = fixture.source.tokenOf('a-42-prod');
  fixture.source.readToken = async () => {
    throw new Error(`decrypt failed for ${leaky}`);
  };
  assert.equal(await token({ userid: 'user_42', connection: 'Production' }), 500);

  outputs.push(...fixture.warnings, JSON.stringify(fixture.broker.view()), JSON.stringify([...fixture.broker.lastReads()]));
  const everything = outputs.join('\n');
  assert.ok(fixture.source.issued.length >= 5);
  for (const issued of fixture.source.issued) assert.ok(!everything.includes(issued), 'a token leaked outside a token answer');
  assert.ok(tokenAnswers.some((answer) => answer.includes(fixture.source.tokenOf('a-42-staging'))), 'the successful answers do carry the token');
  assert.ok(everything.includes('"code":"unavailable"'), 'the 500 answer is in the run');
});
