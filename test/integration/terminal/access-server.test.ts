/**
 * The terminal access server over a real Unix socket in a temp data folder, with the stand-in
 * source (test/support/terminal-source.ts) in place of AppService.
 */
import assert from 'node:assert/strict';
import { lstat } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { dirname } from 'node:path';
import { test } from 'node:test';
import { ManualClock } from '../../support/manual-clock.ts';
import { callTerminal, errorCode } from '../../support/terminal-http.ts';
import type { TerminalReply } from '../../support/terminal-http.ts';
import { startFixture } from '../../support/terminal-fixture.ts';
import type { TerminalFixture } from '../../support/terminal-fixture.ts';

const unix = process.platform !== 'win32';
const skipWindows = unix ? false : 'these tests check Unix socket files and modes';

function post(fixture: TerminalFixture, path: string, body: unknown): Promise<TerminalReply> {
  return callTerminal(fixture.endpoint, { method: 'POST', path, key: fixture.key, body: JSON.stringify(body) });
}

function messageOf(reply: TerminalReply): string {
  const json = reply.json as { error?: { message?: string } } | undefined;
  return json?.error?.message ?? '';
}

test('listens on a 0600 socket in the 0700 terminal folder and reports the accounts without tokens', { skip: skipWindows }, async (t) => {
  const fixture = await startFixture(t);
  assert.equal((await lstat(fixture.endpoint)).mode & 0o777, 0o600);
  assert.equal((await lstat(dirname(fixture.endpoint))).mode & 0o777, 0o700);
  const status = await callTerminal(fixture.endpoint, { path: '/v1/status', key: fixture.key });
  assert.equal(status.status, 200);
  assert.equal(status.headers['content-type'], 'application/json; charset=utf-8');
  const body = status.json as { app: string; version: string; accounts: { userid: string | null; connection: string; active: boolean }[] };
  assert.equal(body.app, 'AIRisk Token Tray');
  assert.equal(body.version, '0.1.0-test');
  assert.deepEqual(body.accounts[0], { userid: 'user_42', name: 'user_42', connection: 'Staging', status: 'valid', expiration: fixture.source.accounts()[0]?.expiration, secondsLeft: 3600, active: true });
  const accounts = await callTerminal(fixture.endpoint, { path: '/v1/accounts', key: fixture.key });
  assert.equal((accounts.json as { accounts: unknown[] }).accounts.length, 4);
  for (const token of fixture.source.issued) assert.ok(!status.text.includes(token) && !accounts.text.includes(token));
});

test('refuses a missing or wrong key with 401 bad_key', async (t) => {
  const fixture = await startFixture(t);
  const missing = await callTerminal(fixture.endpoint, { path: '/v1/status' });
  assert.equal(missing.status, 401);
  assert.equal(errorCode(missing), 'bad_key');
  assert.match(messageOf(missing), /X-AIRisk-Key/);
  const wrong = await callTerminal(fixture.endpoint, { path: '/v1/token', method: 'POST', key: '0'.repeat(64), body: '{}' });
  assert.equal(wrong.status, 401);
  assert.equal(fixture.source.reads.length, 0);
});

test('answers 404 for an unknown path and 405 with Allow for a wrong method', async (t) => {
  const fixture = await startFixture(t);
  const unknown = await callTerminal(fixture.endpoint, { path: '/v1/secrets', key: fixture.key });
  assert.equal(unknown.status, 404);
  assert.equal(errorCode(unknown), 'not_found');
  const wrong = await callTerminal(fixture.endpoint, { path: '/v1/token', key: fixture.key });
  assert.equal(wrong.status, 405);
  assert.equal(wrong.headers.allow, 'POST');
  assert.equal(errorCode(wrong), 'method_not_allowed');
});

test('answers 400 bad_request for malformed JSON, unknown fields, wrong types and a malformed client header', async (t) => {
  const clock = new ManualClock();
  const fixture = await startFixture(t, { timers: clock });
  const cases: [string, Partial<Parameters<typeof callTerminal>[1]>, RegExp][] = [
    ['{"userid":', {}, /not valid JSON/],
    ['{"user":"user_42"}', {}, /Unknown field "user"/],
    ['{"userid":42}', {}, /"userid" must be/],
    ['{"generic":false}', {}, /"generic" may only be true/],
    ['{"renew":"yes"}', {}, /"renew" must be true or false/],
    ['{"userid":"user_42","generic":true}', {}, /either "userid" or "generic"/],
    ['[]', {}, /must be a JSON object/],
    ['{}', { client: 'pid=12' }, /X-AIRisk-Client header is not valid/],
    ['{}', { client: '{"pid":12,"name":"bash"}' }, /unknown or malformed fields/],
  ];
  for (const [body, extra, message] of cases) {
    clock.advance(1000);
    const reply = await callTerminal(fixture.endpoint, { method: 'POST', path: '/v1/token', key: fixture.key, body, ...extra });
    assert.equal(reply.status, 400, body);
    assert.equal(errorCode(reply), 'bad_request');
    assert.match(messageOf(reply), message);
  }
});

test('refuses a body over 16 KiB with 413 without reading the rest, and headers over 16 KiB with too_large', async (t) => {
  const fixture = await startFixture(t);
  const declared = await post(fixture, '/v1/token', { userid: 'x'.repeat(17 * 1024) });
  assert.equal(declared.status, 413);
  assert.equal(errorCode(declared), 'too_large');
  // A chunked body with no length: the server answers once 16 KiB have passed, while the client still sends.
  const streamed = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const request = httpRequest({ socketPath: fixture.endpoint, path: '/v1/token', method: 'POST', headers: { 'X-AIRisk-Key': fixture.key } }, (response) => {
      let text = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
    });
    request.on('error', reject);
    request.write('{"userid":"');
    request.write('y'.repeat(20 * 1024));
    // never ends: a server that waited for the whole body would hang here
  });
  assert.equal(streamed.status, 413);
  const headers = await callTerminal(fixture.endpoint, { path: '/v1/status', key: fixture.key, headers: { 'X-Padding': 'z'.repeat(17 * 1024) } });
  assert.equal(headers.status, 431);
  assert.equal(errorCode(headers), 'too_large');
});

test('allows 5 requests per second per terminal session and answers the sixth with 429', async (t) => {
  const clock = new ManualClock();
  const fixture = await startFixture(t, { timers: clock });
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++) statuses.push((await callTerminal(fixture.endpoint, { path: '/v1/accounts', key: fixture.key })).status);
  assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429]);
  const limited = await callTerminal(fixture.endpoint, { path: '/v1/accounts', key: fixture.key });
  assert.equal(errorCode(limited), 'too_many_requests');
  assert.equal(limited.headers['retry-after'], '1');
  clock.advance(1000);
  assert.equal((await callTerminal(fixture.endpoint, { path: '/v1/accounts', key: fixture.key })).status, 200);
});

test('rate-limits callers that send no pid before naming them: the sixth in a second is 429 without running the identification', async (t) => {
  const clock = new ManualClock();
  let identifications = 0;
  const countingRun = (): Promise<undefined> => {
    identifications += 1;
    return Promise.resolve(undefined);
  };
  const fixture = await startFixture(t, { timers: clock, identity: { run: countingRun } });
  const statuses: number[] = [];
  let beforeSixth = 0;
  for (let i = 0; i < 6; i++) {
    beforeSixth = identifications;
    statuses.push((await callTerminal(fixture.endpoint, { path: '/v1/accounts', key: fixture.key, client: null })).status);
  }
  assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429]);
  assert.equal(identifications, beforeSixth, 'the refused request ran no ss');
  if (process.platform === 'linux') assert.ok(identifications >= 5, 'the first five were identified through ss');
});

test('hands out a token after the person allows it, then serves the same session without asking', async (t) => {
  const fixture = await startFixture(t);
  const prompts = fixture.autoAnswer('allow');
  const first = await post(fixture, '/v1/token', { userid: 'user_42', connection: 'staging' });
  assert.equal(first.status, 200, first.text);
  const token = fixture.source.tokenOf('a-42-staging');
  assert.deepEqual(first.json, { access_token: token, token_type: 'Bearer', authorization: `Bearer ${token}`, expiration: fixture.source.accounts()[0]?.expiration, userid: 'user_42', connection: 'Staging' });
  fixture.autoAnswer(null);
  const again = await post(fixture, '/v1/token', {});
  assert.equal(again.status, 200);
  assert.equal(prompts.shown.length, 1, 'one prompt for the session');
  const read = fixture.broker.lastReads().get('a-42-staging');
  assert.match(read?.client ?? '', /, pid \d+$/);
  assert.ok(!JSON.stringify([...fixture.broker.lastReads()]).includes(token));
});

test('answers 403 denied when the person says no, and hands out no token', async (t) => {
  const fixture = await startFixture(t);
  fixture.autoAnswer('deny');
  const reply = await post(fixture, '/v1/token', { generic: true, connection: 'Staging' });
  assert.equal(reply.status, 403);
  assert.equal(errorCode(reply), 'denied');
  assert.ok(!reply.text.includes(fixture.source.tokenOf('a-generic-staging')));
  assert.equal(fixture.broker.lastReads().size, 0);
});

test('names the fix for an expired token, an ambiguous userid and an account that does not exist, before any prompt', async (t) => {
  const fixture = await startFixture(t);
  const expired = await post(fixture, '/v1/token', { userid: 'user_7' });
  assert.equal(expired.status, 409);
  assert.equal(errorCode(expired), 'expired');
  assert.equal(messageOf(expired), "user_7's token on Production expired 3 min ago; renew it: airisk-token login --user user_7 --connection Production");
  const ambiguous = await post(fixture, '/v1/token', { userid: 'user_42' });
  assert.equal(ambiguous.status, 409);
  assert.equal(errorCode(ambiguous), 'ambiguous_account');
  assert.match(messageOf(ambiguous), /user_42 has tokens on Staging and Production; add --connection NAME/);
  const missing = await post(fixture, '/v1/token', { userid: 'user_9', connection: 'Staging' });
  assert.equal(missing.status, 404);
  assert.equal(errorCode(missing), 'no_account');
  assert.match(messageOf(missing), /user_9 has no token on Staging .*sign in: airisk-token login --user user_9 --connection Staging\.$/);
  const noConnection = await post(fixture, '/v1/token', { connection: 'Nowhere' });
  assert.match(messageOf(noConnection), /No connection is named "Nowhere"; the connections are Staging, Production, Sandbox\./);
  assert.equal(fixture.broker.view().consent, null);
  assert.deepEqual(fixture.source.reads, ['a-7-prod'], 'only the expired one was put to the app\'s rule, which refused it');
  assert.equal(fixture.broker.lastReads().size, 0);
});

test('signs in through the app for login and for renew, then asks before handing out the new token', async (t) => {
  const fixture = await startFixture(t);
  fixture.autoAnswer('allow');
  const login = await post(fixture, '/v1/login', { userid: 'user_9', connection: 'Sandbox' });
  assert.equal(login.status, 200, login.text);
  assert.equal((login.json as { connection: string; userid: string }).userid, 'user_9');
  const renewed = await post(fixture, '/v1/token', { userid: 'user_7', renew: true });
  assert.equal(renewed.status, 200, renewed.text);
  fixture.source.nextSignIn = { ok: false, code: 'signing_in', message: 'Another sign-in is under way; finish it in the browser or cancel it in the app.' };
  const busy = await post(fixture, '/v1/login', {});
  assert.equal(busy.status, 503);
  assert.equal(errorCode(busy), 'signing_in');
});

test('the app\'s one rule decides whether a token can be handed out, before any prompt, even when the account still looks valid', async (t) => {
  const fixture = await startFixture(t);
  const prompts = fixture.autoAnswer('allow');
  fixture.source.readToken = async () => ({ ok: false, code: 'unavailable', message: 'The token for user_42 is no longer available (it cannot be decrypted); sign in again.' });
  const reply = await post(fixture, '/v1/token', { userid: 'user_42', connection: 'Staging' });
  assert.equal(reply.status, 409);
  assert.equal(errorCode(reply), 'unavailable');
  assert.equal(messageOf(reply), 'The token for user_42 is no longer available (it cannot be decrypted); sign in again.');
  assert.equal(prompts.shown.length, 0, 'nobody is asked about a token that cannot be handed out');
});

test('renew signs in again only for a token the app no longer hands out, never for a valid one', async (t) => {
  const fixture = await startFixture(t);
  fixture.autoAnswer('allow');
  const valid = fixture.source.tokenOf('a-42-staging');
  const kept = await post(fixture, '/v1/token', { userid: 'user_42', connection: 'Staging', renew: true });
  assert.equal(kept.status, 200, kept.text);
  assert.equal((kept.json as { access_token: string }).access_token, valid, 'the valid token is handed out as it is');
  assert.equal(fixture.source.tokenOf('a-42-staging'), valid, 'no new sign-in replaced it');
  const expired = fixture.source.tokenOf('a-7-prod');
  const renewed = await post(fixture, '/v1/token', { userid: 'user_7', renew: true });
  assert.equal(renewed.status, 200, renewed.text);
  assert.notEqual((renewed.json as { access_token: string }).access_token, expired, 'the expired one was renewed');
});

test('a client that hangs up while its prompt is shown withdraws the prompt', async (t) => {
  const fixture = await startFixture(t);
  const shown = new Promise<void>((resolve) => fixture.broker.onChange(() => fixture.broker.view().consent !== null && resolve()));
  const request = httpRequest({ socketPath: fixture.endpoint, path: '/v1/token', method: 'POST', headers: { 'X-AIRisk-Key': fixture.key, 'X-AIRisk-Client': JSON.stringify({ pid: process.pid }) } });
  request.on('error', () => {});
  request.end('{}');
  await shown;
  const withdrawn = new Promise<void>((resolve) => fixture.broker.onChange(() => fixture.broker.view().consent === null && resolve()));
  request.destroy();
  await withdrawn;
  assert.equal(fixture.broker.lastReads().size, 0, 'no token was handed out');
});

test('after the session has been idle for its minutes, the next request asks again', async (t) => {
  const clock = new ManualClock();
  const fixture = await startFixture(t, { timers: clock });
  const prompts = fixture.autoAnswer('allow');
  assert.equal((await post(fixture, '/v1/token', {})).status, 200);
  clock.advance(9 * 60_000);
  assert.equal((await post(fixture, '/v1/token', {})).status, 200);
  assert.equal(prompts.shown.length, 1, 'used within 10 minutes: no new prompt');
  clock.advance(10 * 60_000);
  assert.equal(fixture.broker.view().sessions.length, 0);
  assert.equal((await post(fixture, '/v1/token', {})).status, 200);
  assert.equal(prompts.shown.length, 2, 'idle for 10 minutes: asked again');
  const [session] = fixture.broker.view().sessions;
  assert.ok(session !== undefined && fixture.broker.revoke(session.id));
  fixture.autoAnswer('deny');
  assert.equal((await post(fixture, '/v1/token', {})).status, 403, 'a revoked session is asked again, and refused on deny');
});
