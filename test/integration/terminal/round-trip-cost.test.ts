/**
 * The per-request cost of an approved `header` request (bench row: socket round trip, median
 * ≤ 1 ms) and what a kernel proof costs, which is why the proof runs only for a prompt.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManualClock } from '../../support/manual-clock.ts';
import { callTerminal } from '../../support/terminal-http.ts';
import { startFixture } from '../../support/terminal-fixture.ts';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

test('an approved token request costs a fraction of the proof a prompt needs', async (t) => {
  const clock = new ManualClock();
  const fixture = await startFixture(t, { timers: clock });
  const body = JSON.stringify({ userid: 'user_42', connection: 'Staging' });
  fixture.autoAnswer('allow');
  const first = process.hrtime.bigint();
  assert.equal((await callTerminal(fixture.endpoint, { method: 'POST', path: '/v1/token', key: fixture.key, body })).status, 200);
  const promptedMs = Number(process.hrtime.bigint() - first) / 1e6;
  fixture.autoAnswer(null);
  const samples: number[] = [];
  for (let i = 0; i < 41; i++) {
    clock.advance(1000);
    const start = process.hrtime.bigint();
    const reply = await callTerminal(fixture.endpoint, { method: 'POST', path: '/v1/token', key: fixture.key, body });
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    assert.equal(reply.status, 200);
  }
  const approved = median(samples);
  t.diagnostic(`approved round trip (new connection each): median ${approved.toFixed(3)} ms over 41; first request with proof and prompt: ${promptedMs.toFixed(1)} ms`);
  // The bench holds the 1 ms target; here a shared, loaded test machine only guards against a
  // regression such as running the ss proof on every request.
  assert.ok(approved < 5, `median ${approved} ms`);
});
