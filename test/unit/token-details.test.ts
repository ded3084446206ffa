import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeJwt, MAX_CLAIM_TEXT_LENGTH, MAX_JWT_ENTRIES, MAX_JWT_PART_LENGTH } from '../../src-main/core/details/jwt-decode.ts';
import { tokenDetails } from '../../src-main/core/details/token-details.ts';
import type { AccountRecord, ConnectionRecord } from '../../src-main/core/vault/vault.ts';
import { DEFAULT_CONNECTION_FIELDS } from '../../src-main/core/settings/stored-settings.ts';

const part = (value: unknown): string => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const SIGNATURE = 'c2lnbmF0dXJlLW9mLXRoZS10b2tlbg';
const jwt = (claims: unknown, header: unknown = { alg: 'RS256', typ: 'JWT' }, signature = SIGNATURE): string => `${part(header)}.${part(claims)}.${signature}`;

const EXPIRATION = '2030-01-01T12:00:00.000Z';
const EXP = Date.parse(EXPIRATION) / 1000;

const account: AccountRecord = {
  id: 'acc-1',
  connectionId: 'conn-1',
  userid: 'user_42',
  label: 'Team 42',
  expiration: EXPIRATION,
  obtainedAt: '2030-01-01T11:00:00.000Z',
  clockSkewMs: 0,
  lastUsedAt: null,
  needsSignIn: false,
  tokenStored: 'disk',
};
const connection: ConnectionRecord = { ...DEFAULT_CONNECTION_FIELDS, id: 'conn-1', name: 'Staging', clientSecretStored: 'disk' };

test('decodes a JWT’s header and every claim, with iat, nbf and exp as ISO instants', () => {
  const claims = { sub: 'user_42', iss: 'https://api.example.com', aud: ['a', 'b'], scope: 'read write', iat: EXP - 3600, nbf: EXP - 3600, exp: EXP, nested: { deep: [1, true, null] } };
  const reading = decodeJwt(jwt(claims));
  assert.equal(reading.kind, 'jwt');
  if (reading.kind !== 'jwt') return;
  assert.deepEqual(reading.jwt.header, { alg: 'RS256', typ: 'JWT' });
  assert.deepEqual(reading.jwt.claims, claims);
  assert.equal(reading.jwt.expiresAt, EXPIRATION);
  assert.equal(reading.jwt.issuedAt, '2030-01-01T11:00:00.000Z');
  assert.equal(reading.jwt.truncated, false);
});

test('a token that is not a readable JWT is opaque, with one sentence why', () => {
  const cases: [string, RegExp][] = [
    ['opaque-token-123', /not a JWT/],
    ['a.b.c.d.e', /encrypted JWT/],
    [`${part({ alg: 'none' })}.***.${SIGNATURE}`, /claims are not base64url/],
    [`${part({ alg: 'none' })}.a.${SIGNATURE}`, /claims are not base64url/],
    [`${part({ alg: 'none' })}.${part('not json {')}.${SIGNATURE}`, /claims are not JSON text/],
    [`${part({ alg: 'none' })}.${part([1, 2])}.${SIGNATURE}`, /claims are not a JSON object/],
    [`${part('"text"')}.${part({})}.${SIGNATURE}`, /header is not a JSON object/],
    [`${part({ alg: 'none' })}.${Buffer.from([0xff, 0xfe, 0x7b]).toString('base64url')}.${SIGNATURE}`, /not JSON text/],
    [`${part({ alg: 'none' })}.${'A'.repeat(MAX_JWT_PART_LENGTH + 4)}.${SIGNATURE}`, /too large/],
  ];
  for (const [token, reason] of cases) {
    const reading = decodeJwt(token);
    assert.equal(reading.kind, 'opaque', token.slice(0, 40));
    if (reading.kind === 'opaque') assert.match(reading.reason, reason);
  }
});

test('claims are server text: control, bidi and zero-width characters are removed, long texts and huge claim sets capped', () => {
  const hostile = { 'n\u202eame': 'evil\u202egnp.exe', 'line\nbreak': 'a\u0000b\u200bc', long: 'x'.repeat(1000), list: Array.from({ length: 500 }, (_, index) => index) };
  const many = Object.fromEntries(Array.from({ length: 300 }, (_, index) => [`c${index}`, index]));
  const reading = decodeJwt(jwt({ ...hostile, ...many }));
  assert.equal(reading.kind, 'jwt');
  if (reading.kind !== 'jwt') return;
  const { claims } = reading.jwt;
  assert.equal(reading.jwt.truncated, true);
  assert.ok(Object.keys(claims).length <= MAX_JWT_ENTRIES);
  assert.equal(claims.name, 'evilgnp.exe');
  assert.equal(claims['line break'], 'a bc');
  assert.equal([...String(claims.long)].length, MAX_CLAIM_TEXT_LENGTH);
  assert.equal((claims.list as readonly number[]).length, MAX_JWT_ENTRIES);
  assert.doesNotMatch(JSON.stringify(reading.jwt), /[\u0000-\u001f\u202e\u200b]/);
});

test('a "__proto__" claim stays a claim and deep nesting is cut', () => {
  const token = `${part({ alg: 'none' })}.${part('{"__proto__":{"polluted":true},"a":{"b":{"c":{"d":{"e":{"f":1}}}}}}')}.${SIGNATURE}`;
  const reading = decodeJwt(token);
  assert.equal(reading.kind, 'jwt');
  if (reading.kind !== 'jwt') return;
  assert.deepEqual(Object.keys(reading.jwt.claims), ['__proto__', 'a']);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.equal(reading.jwt.truncated, true);
  assert.match(JSON.stringify(reading.jwt.claims.a), /…/);
});

test('the details never hold the token or its signature, not even when a claim quotes them', () => {
  const sneaky = jwt({ sub: 'user_42', exp: EXP, copy: `Bearer x.y.${SIGNATURE}`, sig: SIGNATURE });
  const details = tokenDetails(account, connection, sneaky);
  const text = JSON.stringify(details);
  assert.equal(text.includes(sneaky), false);
  assert.equal(text.includes(SIGNATURE), false);
  assert.equal(details.kind, 'jwt');
  assert.equal(details.jwt?.claims.sub, 'user_42');
  assert.match(String(details.jwt?.claims.sig), /withheld/);
});

test('details name the account, its connection, userid and times; an opaque or unreadable token says why', () => {
  const details = tokenDetails(account, connection, jwt({ exp: EXP }));
  assert.deepEqual(
    { ...details, jwt: null, copyFormats: [], facts: [] },
    { accountId: 'acc-1', label: 'Team 42', connectionId: 'conn-1', connectionName: 'Staging', userid: 'user_42', obtainedAt: '2030-01-01T11:00:00.000Z', lastUsedAt: null, expiration: EXPIRATION, kind: 'jwt', jwt: null, note: 'Decoded, not verified: the app holds no key to check the signature.', warnings: [], copyFormats: [], facts: [] },
  );
  const opaque = tokenDetails(account, connection, 'opaque-token');
  assert.equal(opaque.kind, 'opaque');
  assert.match(opaque.note ?? '', /not a JWT/);
  assert.equal(JSON.stringify(opaque).includes('opaque-token'), false);
  const gone = tokenDetails({ ...account, needsSignIn: true }, connection, undefined);
  assert.equal(gone.kind, 'unavailable');
  assert.match(gone.note ?? '', /sign in again/);
});

test('warns when the JWT’s exp and AIRisk’s expiration disagree by more than a minute, and only then', () => {
  assert.deepEqual(tokenDetails(account, connection, jwt({ exp: EXP + 60 })).warnings, []);
  assert.deepEqual(tokenDetails(account, connection, jwt({ exp: EXP - 60 })).warnings, []);
  const early = tokenDetails(account, connection, jwt({ exp: EXP - 600 })).warnings;
  assert.equal(early.length, 1);
  assert.match(early[0] ?? '', /10 min earlier than AIRisk's expiration .*refused before/);
  const late = tokenDetails(account, connection, jwt({ exp: EXP + 61 })).warnings;
  assert.match(late[0] ?? '', /1 min later .*still work after/);
  assert.deepEqual(tokenDetails(account, connection, jwt({ exp: 'soon' })).warnings, []);
});

test('the details list every copy format in menu order, refusing the shell formats for a token that is not a b64token, with why', () => {
  const details = tokenDetails(account, connection, 'opaque"token$(id)');
  assert.deepEqual(details.copyFormats.map((option) => option.format), ['header', 'token', 'curl', 'curl-command', 'httpie', 'export-posix', 'export-powershell']);
  const refused = details.copyFormats.filter((option) => option.problem !== null).map((option) => option.format);
  assert.deepEqual(refused, ['curl', 'curl-command', 'httpie', 'export-posix', 'export-powershell']);
  assert.match(details.copyFormats[2]?.problem ?? '', /shell could read as code.*copy the header or the bare token instead/);
  assert.ok(details.copyFormats.every((option) => !(option.problem ?? '').includes('opaque"token')), 'no reason echoes the token');
  assert.ok(tokenDetails(account, connection, jwt({ exp: EXP })).copyFormats.every((option) => option.problem === null), 'a JWT can be copied in every format');
  const gone = tokenDetails(account, connection, undefined);
  assert.ok(gone.copyFormats.every((option) => option.problem === gone.note), 'an unreadable token can be copied in no format');
});

test('the details list their facts in main’s words, times in local time and UTC, a JWT’s iat and exp too', () => {
  const details = tokenDetails(account, connection, jwt({ iat: EXP - 3600, exp: EXP }), { timeZone: 'Asia/Kolkata' });
  assert.deepEqual(
    details.facts.map(({ label, value }) => `${label}: ${value.replace(/^.*\n/, '')}`),
    ['Connection: Staging', 'User id: user_42', 'Obtained: 2030-01-01 11:00:00 UTC', 'Last copied: never', 'Expires: 2030-01-01 12:00:00 UTC', 'JWT issued (iat): 2030-01-01 11:00:00 UTC', 'JWT expires (exp): 2030-01-01 12:00:00 UTC'],
  );
  assert.match(details.facts[4]?.value ?? '', /5:30:00/, 'the local time is the zone’s (UTC+5:30)');
  assert.equal(tokenDetails({ ...account, userid: null }, connection, 'opaque').facts[1]?.value, 'none (the generic token)');
});

test('the last terminal read is a fact, the program’s own words through the server-text sanitizer; none when never read', () => {
  const read = { at: '2030-01-01T11:30:00.000Z', client: 'evil\u202Eb\u0007ash, pid 1' };
  const facts = tokenDetails(account, connection, jwt({ exp: EXP }), { timeZone: 'UTC', lastTerminalRead: read }).facts;
  const fact = facts.find((candidate) => candidate.label === 'Last read by a terminal');
  assert.ok(fact !== undefined);
  assert.match(fact.value, /^.+\n2030-01-01 11:30:00 UTC\nevilb ash, pid 1$/);
  assert.equal(tokenDetails(account, connection, jwt({ exp: EXP }), { lastTerminalRead: null }).facts.some((candidate) => candidate.label === 'Last read by a terminal'), false);
});
