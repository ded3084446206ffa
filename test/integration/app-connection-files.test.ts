/**
 * The service's "Check connection", export and import, against two real sandboxes (the pure
 * modules src-main/core/connections/connection-check.ts and connection-file.ts behind them).
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { createNodeApp, type NodeApp } from '../support/node-app.ts';
import { connectSandbox, TWO_SANDBOX_NAMES } from '../support/sandbox-settings.ts';
import { ConsentingBrowser } from '../support/sign-in-fixtures.ts';
import { useTwoSandboxes } from '../support/two-sandboxes.ts';

const sandboxes = useTwoSandboxes();
let directory: string;
let app: NodeApp;
let a: string;
let b: string;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'airisk-connection-files-'));
  app = await createNodeApp({ directory, openUrl: new ConsentingBrowser('approve').openUrl });
  a = await connectSandbox(app.service, sandboxes.a, TWO_SANDBOX_NAMES[0]);
  b = await connectSandbox(app.service, sandboxes.b, TWO_SANDBOX_NAMES[1]);
});
afterEach(async () => {
  await app.service.shutdown();
  await rm(directory, { recursive: true, force: true });
});

test('an export/import round trip adds the same connection without its secret, named "(imported)" when the name is taken', async () => {
  const text = await app.service.exportConnection(b);
  assert.equal(text.includes(sandboxes.b.demoClient.clientSecret), false, 'the file never carries the secret');
  assert.equal(JSON.parse(text).format, 'airisk-token-tray/connection');
  const first = await app.service.importConnection(text);
  const second = await app.service.importConnection(text);
  assert.ok(first.ok && second.ok);
  assert.deepEqual([first.connection.name, second.connection.name], ['Sandbox B (imported)', 'Sandbox B (imported 2)']);
  const [original] = (await app.service.getSettings()).connections.filter((connection) => connection.id === b);
  const { id: _a, name: _n, exportFileName: _f, clientSecretSet, accountCount, tokens: _t, removeQuestion: _q, secretField: _sf, badge: _bd, ...imported } = first.connection;
  const { id: _b, name: _m, exportFileName: _g, clientSecretSet: _s, accountCount: _c, tokens: _u, removeQuestion: _r, secretField: _sg, badge: _be, ...exported } = original ?? first.connection;
  assert.deepEqual(imported, exported, 'every field but the name and the secret came across');
  assert.deepEqual([clientSecretSet, accountCount], [false, 0], 'the person enters the secret afterwards');
  assert.equal(first.note, `Enter the client secret for Sandbox B (imported) only if ${new URL(sandboxes.b.url).origin} is your AIRisk.`, 'the note names where the secret will go');
  const copy = await app.service.duplicateConnection(b);
  assert.ok(copy.ok);
  assert.equal(copy.note, `Enter the client secret for Sandbox B (copy) only if ${new URL(sandboxes.b.url).origin} is your AIRisk.`);
  assert.equal(copy.connection.exportFileName, 'Sandbox B (copy).airisk-connection.json');
});

test('an import under a free name keeps the name', async () => {
  const text = await app.service.exportConnection(b);
  await app.service.removeConnection(b);
  const back = await app.service.importConnection(text);
  assert.ok(back.ok);
  assert.equal(back.connection.name, 'Sandbox B');
});

test('a name of 40 emoji (80 UTF-16 units) saves, exports and imports back: the file and Settings count characters the same way', async () => {
  const emoji = '\u{1F680}'.repeat(40);
  const saved = await app.service.saveConnection(b, { name: emoji });
  assert.ok(saved.ok, 'saved');
  await app.service.removeConnection(a);
  const back = await app.service.importConnection(await app.service.exportConnection(b));
  assert.ok(back.ok, back.ok ? '' : JSON.stringify(back.problems));
  assert.equal(back.connection.name, `${emoji} (imported)`);
});

test('a name Settings saves is one the import reads: text-direction and zero-width characters are refused when saving, and a look-alike of a taken name is taken', async () => {
  for (const name of ['Rev\u202Eerse', 'Sandbox\u200B B', 'Two\u2028lines']) {
    const refused = await app.service.saveConnection(null, { name, baseUrl: sandboxes.a.url });
    assert.deepEqual(refused.ok ? [] : refused.problems.map((problem) => [problem.field, problem.message]), [['name', 'A connection name cannot contain control or invisible characters (line breaks, tabs, zero-width or text-direction characters); remove them.']], JSON.stringify(name));
  }
  const lookAlike = await app.service.saveConnection(null, { name: '\uFF33andbox \uFF42', baseUrl: sandboxes.a.url });
  assert.deepEqual(lookAlike.ok ? [] : lookAlike.problems.map((problem) => problem.field), ['name'], 'full-width "Ｓandbox ｂ" is the name "Sandbox B"');
  assert.deepEqual((await app.service.getState()).connections.map((connection) => connection.name), [...TWO_SANDBOX_NAMES]);
});

test('a malformed or hostile connection file is refused with problems and changes nothing', async () => {
  const before = await app.service.getSettings();
  const exported = JSON.parse(await app.service.exportConnection(a)) as { connection: Record<string, unknown> } & Record<string, unknown>;
  const hostile = [
    'not json',
    JSON.stringify({ ...exported, connection: { ...exported.connection, clientSecret: 'stolen' } }),
    JSON.stringify({ ...exported, connection: { ...exported.connection, tokenPath: '//evil.example/Token' } }),
    JSON.stringify({ ...exported, connection: { ...exported.connection, baseUrl: 'http://evil.example' } }),
    JSON.stringify({ ...exported, connection: { ...exported.connection, redirectUri: 'http://evil.example/callback' } }),
  ];
  for (const text of hostile) {
    const result = await app.service.importConnection(text);
    assert.ok(!result.ok, text.slice(0, 80));
    assert.ok(result.problems.length > 0);
  }
  assert.deepEqual(await app.service.getSettings(), before);
});

test('a refused import names the field in each field problem (no form shows them), and leaves the file’s own problems as they are', async () => {
  const exported = JSON.parse(await app.service.exportConnection(a)) as { connection: Record<string, unknown> } & Record<string, unknown>;
  const paths = await app.service.importConnection(JSON.stringify({ ...exported, connection: { ...exported.connection, tokenPath: '//evil.example/Token' } }));
  assert.ok(!paths.ok);
  assert.ok(paths.problems.every((problem) => problem.field !== 'tokenPath' || problem.message.startsWith('Token path: ')), JSON.stringify(paths.problems));
  assert.ok(paths.problems.some((problem) => problem.field === 'tokenPath'));
  const notJson = await app.service.importConnection('not json');
  assert.ok(!notJson.ok);
  assert.ok(notJson.problems.every((problem) => problem.field === 'file' && !problem.message.startsWith('file: ')), JSON.stringify(notJson.problems));
});

test('check connection: a saved connection with its stored secret is accepted by its sandbox', async () => {
  const check = await app.service.checkConnection(a, {});
  assert.equal(check.authorization.verdict, 'ok', check.authorization.message);
  assert.equal(check.token.verdict, 'ok', check.token.message);
});

test('check connection reports invalid_client for a wrong secret typed into the form, and saves nothing', async () => {
  const check = await app.service.checkConnection(a, { clientSecret: 'wrong-secret' });
  assert.equal(check.token.verdict, 'failed');
  assert.match(check.token.message, /client id or secret|invalid_client/i);
  assert.equal((await app.service.checkConnection(a, {})).token.verdict, 'ok', 'the stored secret is unchanged');
});

test('check connection never sends a stored secret to another origin: unsaved fields pointing at sandbox B use no secret of A', async () => {
  const check = await app.service.checkConnection(a, { baseUrl: sandboxes.b.url });
  assert.notEqual(check.token.verdict, 'ok', 'A\'s secret, sealed to A\'s origin, was not sent to B');
  assert.deepEqual(check.token, { verdict: 'skipped', message: `The stored secret is for ${sandboxes.a.url} and was not sent to ${sandboxes.b.url}; enter it again to check.` }, 'it says why, not "no client secret is set"');
});

test('check connection with invalid fields sends nothing and says what to fix', async () => {
  const check = await app.service.checkConnection(null, { baseUrl: 'http://evil.example', clientId: 'x', clientSecret: 'y' });
  assert.equal(check.authorization.verdict, 'failed');
  assert.match(check.authorization.message, /^Nothing was sent: .*https/);
  assert.equal(check.token.verdict, 'skipped');
});
