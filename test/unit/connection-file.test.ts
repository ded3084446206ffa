import { connectionFileName } from '../../src-main/core/settings/connection-view.ts';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ConnectionProblem } from '../../src-main/contract.ts';
import { exportConnectionFile, parseConnectionFile, type ConnectionFileFields } from '../../src-main/core/connections/connection-file.ts';

const STAGING: ConnectionFileFields = {
  name: 'Staging',
  baseUrl: 'https://staging.AIRisk.example.com',
  authorizePath: '/api/oauth2/Authorize',
  tokenPath: '/api/oauth2/Token',
  clientId: 'token-tray',
  redirectUri: 'http://127.0.0.1:8765/callback',
  bodyEncoding: 'json',
  scope: 'api',
  issuer: 'https://staging.AIRisk.example.com',
};

/** A file text with `connection` (and top-level `extra`) laid over the exported Staging file. */
function fileWith(connection: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  const file = JSON.parse(exportConnectionFile(STAGING)) as { connection: Record<string, unknown> };
  return JSON.stringify({ ...file, ...extra, connection: { ...file.connection, ...connection } });
}

function problemsOf(text: string): ConnectionProblem[] {
  const result = parseConnectionFile(text);
  assert.equal(result.ok, false, 'the file should be refused');
  return result.ok ? [] : result.problems;
}

function assertRefused(text: string, field: ConnectionProblem['field'], message: RegExp): ConnectionProblem[] {
  const problems = problemsOf(text);
  assert.ok(
    problems.some((problem) => problem.field === field && message.test(problem.message)),
    `expected a ${field} problem matching ${String(message)}, got ${JSON.stringify(problems)}`,
  );
  return problems;
}

test('exports the documented format as pretty JSON with a trailing newline, and reads it back unchanged', () => {
  const text = exportConnectionFile(STAGING);
  assert.ok(text.endsWith('}\n'));
  assert.ok(text.startsWith('{\n  "format": "airisk-token-tray/connection",\n  "version": 1,\n  "connection": {\n    "name": "Staging",'));
  assert.deepEqual(Object.keys((JSON.parse(text) as { connection: object }).connection), ['name', 'baseUrl', 'authorizePath', 'tokenPath', 'clientId', 'redirectUri', 'bodyEncoding', 'scope', 'issuer']);
  assert.deepEqual(parseConnectionFile(text), { ok: true, fields: STAGING });
});

test('an export never carries a secret, even when the caller passes one along', () => {
  const text = exportConnectionFile({ ...STAGING, clientSecret: 'do-not-export' } as ConnectionFileFields);
  assert.doesNotMatch(text, /do-not-export|clientSecret/);
});

test('tolerates a leading BOM', () => {
  assert.deepEqual(parseConnectionFile(`\ufeff${exportConnectionFile(STAGING)}`), { ok: true, fields: STAGING });
});

test('absent scope, issuer, paths and body encoding take the defaults', () => {
  const text = JSON.stringify({ format: 'airisk-token-tray/connection', version: 1, connection: { name: 'Prod', baseUrl: 'https://api.AIRisk.example.com', clientId: 'c', redirectUri: 'http://127.0.0.1:8765/callback' } });
  assert.deepEqual(parseConnectionFile(text), {
    ok: true,
    fields: { name: 'Prod', baseUrl: 'https://api.AIRisk.example.com', authorizePath: '/api/oauth2/Authorize', tokenPath: '/api/oauth2/Token', clientId: 'c', redirectUri: 'http://127.0.0.1:8765/callback', bodyEncoding: 'form', scope: '', issuer: '' },
  });
});

test('a missing required field is named', () => {
  const text = JSON.stringify({ format: 'airisk-token-tray/connection', version: 1, connection: { name: 'Prod', clientId: 'c', redirectUri: 'http://127.0.0.1:8765/callback' } });
  assertRefused(text, 'baseUrl', /no "baseUrl"/);
});

test('refuses a file over 16 KiB before parsing it, also a 10 MB one', () => {
  assertRefused(fileWith({ scope: 'x'.repeat(17 * 1024) }), 'file', /larger than 16 KiB/);
  const started = performance.now();
  assertRefused(`{"a":"${'x'.repeat(10 * 1024 * 1024)}"}`, 'file', /larger than 16 KiB/);
  assert.ok(performance.now() - started < 1_000);
  // 6,000 three-byte characters are under 16 Ki characters but over 16 KiB.
  assertRefused(fileWith({ scope: '€'.repeat(6_000) }), 'file', /larger than 16 KiB/);
});

test('refuses text that is not JSON without quoting it', () => {
  const problems = assertRefused('{"connection": {"clientSecret": "hunter2-secret"', 'file', /not valid JSON/);
  assert.doesNotMatch(JSON.stringify(problems), /hunter2/);
});

test('refuses a JSON array, a string and null', () => {
  assertRefused('[1, 2]', 'file', /holds a JSON array, not a connection/);
  assertRefused('"hello"', 'file', /holds a JSON string/);
  assertRefused('null', 'file', /holds null/);
});

test('refuses deeply nested JSON without crashing', () => {
  const depth = 7_000;
  assert.equal(parseConnectionFile(`${'['.repeat(depth)}${']'.repeat(depth)}`).ok, false);
  assertRefused(fileWith({}, { extra: JSON.parse(`${'{"a":'.repeat(2_000)}1${'}'.repeat(2_000)}`) as unknown }), 'file', /keys a connection file does not have \("extra"\)/);
  assertRefused(fileWith({ name: JSON.parse(`${'['.repeat(3_000)}${']'.repeat(3_000)}`) as unknown }), 'name', /must be text, not a JSON array/);
});

test('refuses bytes that were not UTF-8 (decoded to replacement characters)', () => {
  const bytes = Buffer.concat([Buffer.from(fileWith({}).slice(0, 60)), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(fileWith({}).slice(60))]);
  assertRefused(new TextDecoder().decode(bytes), 'file', /not valid UTF-8/);
});

test('refuses another format, and a newer version with advice to update the app', () => {
  assertRefused(JSON.stringify({ format: 'something-else', version: 1, connection: {} }), 'file', /not an AIRisk Token Tray connection file/);
  assertRefused(fileWith({}, { version: 2 }), 'file', /made by a newer version of AIRisk Token Tray; update the app/);
  assertRefused(fileWith({}, { version: '1' }), 'file', /"version" must be 1/);
  assertRefused(JSON.stringify({ format: 'airisk-token-tray/connection', version: 1, connection: 'Staging' }), 'file', /no "connection" object/);
});

test('refuses unknown keys at the top and in the connection, naming them', () => {
  assertRefused(fileWith({ colour: 'blue' }), 'file', /keys a connection file does not have \("colour"\); remove them/);
  assertRefused(fileWith({}, { comment: 'hi' }), 'file', /\("comment"\)/);
  const many = Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`k${index}`, 'v']));
  assertRefused(fileWith(many), 'file', /"k0", "k1", "k2", "k3", "k4" and 25 more/);
});

test('refuses a secret under any secret-looking key, anywhere, and never echoes its value', () => {
  for (const key of ['clientSecret', 'client_secret', 'secret', 'password', 'token', 'access_token', 'Client-Secret']) {
    const problems = assertRefused(fileWith({ [key]: 'hunter2-secret' }), key === 'clientSecret' ? 'clientSecret' : 'file', /must not carry a secret; remove it/);
    assert.doesNotMatch(JSON.stringify(problems), /hunter2/);
  }
  const nested = assertRefused(fileWith({}, { extra: [{ deep: { access_token: 'eyJhbGciOi.secret.token' } }] }), 'file', /must not carry a secret/);
  assert.doesNotMatch(JSON.stringify(nested), /eyJhbGciOi/);
});

test('tokenPath is not mistaken for a secret', () => {
  assert.equal(parseConnectionFile(fileWith({ tokenPath: '/oauth/token' })).ok, true);
});

test('refuses __proto__, constructor and prototype keys', () => {
  const proto = '{"format":"airisk-token-tray/connection","version":1,"connection":{"name":"S","baseUrl":"https://a.example","clientId":"c","redirectUri":"http://127.0.0.1:1/callback","__proto__":{"polluted":"yes"}}}';
  assertRefused(proto, 'file', /not allowed \("__proto__"\)/);
  assertRefused(fileWith({ constructor: { prototype: { polluted: 'yes' } } }), 'file', /not allowed \("constructor", "prototype"\)/);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test('refuses duplicate keys, which JSON.parse would silently resolve to the last one', () => {
  const text = exportConnectionFile(STAGING).replace('"baseUrl": "https://staging.AIRisk.example.com",', '"baseUrl": "https://staging.AIRisk.example.com", "baseUrl": "https://evil.example",');
  assertRefused(text, 'file', /names a key more than once \("baseUrl"\)/);
  // Escaped spellings are the same key.
  assertRefused(exportConnectionFile(STAGING).replace('"scope": "api"', '"scope": "api", "sc\\u006fpe": "x"'), 'file', /\("scope"\)/);
  // The same key in two different objects is fine.
  assert.equal(parseConnectionFile(fileWith({ name: 'version' })).ok, true);
});

test('refuses values that are not text, too long, or carry control or bidi characters, naming the field and not the value', () => {
  assertRefused(fileWith({ clientId: 42 }), 'clientId', /"clientId" must be text, not a JSON number/);
  assertRefused(fileWith({ scope: null }), 'scope', /must be text, not null/);
  assertRefused(fileWith({ name: 'N'.repeat(65) }), 'name', /at most 64 characters; this one has 65/);
  assert.equal(parseConnectionFile(fileWith({ name: '\u{1F680}'.repeat(64) })).ok, true, '64 emoji are 64 characters');
  const long = assertRefused(fileWith({ issuer: `https://${'i'.repeat(2048)}` }), 'issuer', /longer than 2048 characters/);
  assert.doesNotMatch(JSON.stringify(long), /iiiiiiii/);
  for (const bad of ['Stag\u0000ing', 'Line\nbreak', 'Rev\u202Eerse', 'Iso\u2066late', 'Lone \ud800 surrogate']) {
    assertRefused(fileWith({ name: bad }), 'name', /control or invisible characters/);
  }
  assertRefused(fileWith({ bodyEncoding: 'xml' }), 'bodyEncoding', /must be "form" or "json"/);
});

test('reports every bad field at once', () => {
  const problems = problemsOf(fileWith({ name: 1, baseUrl: true, redirectUri: [] }));
  assert.deepEqual(problems.map((problem) => problem.field), ['name', 'baseUrl', 'redirectUri']);
});

test('an exported connection downloads as <name>.airisk-connection.json, with a name any file system takes', () => {
  assert.equal(connectionFileName('Staging'), 'Staging.airisk-connection.json');
  assert.equal(connectionFileName('EU / Prod: "main"'), 'EU - Prod- -main-.airisk-connection.json');
  assert.equal(connectionFileName('..'), 'connection.airisk-connection.json');
  assert.equal(connectionFileName('a\u0000b\nc'), 'a-b-c.airisk-connection.json');
});
