import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_CONNECTION_FIELDS, DEFAULT_SETTINGS } from '../../src-main/core/settings/stored-settings.ts';
import { STORE_SCHEMA_VERSION, emptyStoreDocument, migrateStoreDocument } from '../../src-main/core/vault/store-document.ts';
import { StoreDocumentError } from '../../src-main/core/vault/store-document-error.ts';

const TOKEN = { ciphertext: 'v1:AAAA', backend: 'node-aes-256-gcm' };

function account(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'acc-generic',
    connectionId: 'conn-1',
    userid: null,
    label: 'Generic',
    expiration: '2026-12-01T10:00:00.000Z',
    obtainedAt: '2026-11-30T10:00:00.000Z',
    clockSkewMs: -250,
    lastUsedAt: null,
    token: TOKEN,
    ...overrides,
  };
}

function connection(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: 'conn-1', ...DEFAULT_CONNECTION_FIELDS, clientId: 'my-client', clientSecret: null, ...overrides };
}

function v3(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schemaVersion: 3,
    connections: [connection()],
    accounts: [account(), account({ id: 'acc-42', userid: 'user_42', label: 'Team 42', lastUsedAt: '2026-11-30T11:00:00.000Z' })],
    activeAccountId: 'acc-42',
    settings: { ...DEFAULT_SETTINGS, expiryLeadSeconds: 120 },
    ...overrides,
  };
}

function sequentialIds(): () => string {
  let next = 0;
  return () => `id-${(next += 1)}`;
}

/** Asserts that migrating `raw` throws an `invalid` StoreDocumentError whose reason matches. */
function assertRejected(raw: unknown, reason: RegExp): void {
  assert.throws(
    () => migrateStoreDocument(raw),
    (error: unknown) => {
      assert.ok(error instanceof StoreDocumentError, `expected a StoreDocumentError, got ${String(error)}`);
      assert.equal(error.kind, 'invalid');
      assert.match(error.reason, reason);
      return true;
    },
  );
}

describe('current documents', () => {
  test('no file at all is an empty store with default settings', () => {
    const result = migrateStoreDocument(undefined);
    assert.deepEqual(result.document, emptyStoreDocument());
    assert.deepEqual(result.document.settings, DEFAULT_SETTINGS);
    assert.equal(result.migratedFrom, undefined);
    assert.deepEqual(result.repairs, []);
  });

  test('a valid version 3 document comes back unchanged and unmigrated', () => {
    const raw = v3();
    const result = migrateStoreDocument(raw);
    assert.equal(result.migratedFrom, undefined);
    assert.deepEqual(result.repairs, []);
    assert.deepEqual(result.document, raw);
  });

  test('an object without prototype (as conf hands it out) is accepted', () => {
    const raw = Object.assign(Object.create(null) as Record<string, unknown>, v3());
    assert.equal(migrateStoreDocument(raw).document.activeAccountId, 'acc-42');
  });

  test('missing settings object and missing single settings take the defaults', () => {
    const { settings: _dropped, ...withoutSettings } = v3();
    assert.deepEqual(migrateStoreDocument(withoutSettings).document.settings, DEFAULT_SETTINGS);
    const partial = migrateStoreDocument(v3({ settings: { allowWeakEncryption: true } })).document.settings;
    assert.deepEqual(partial, { ...DEFAULT_SETTINGS, allowWeakEncryption: true });
  });

  test('the default copy format and the global shortcut read back; a format this version does not know reads as header', () => {
    const read = (settings: Record<string, unknown>) => migrateStoreDocument(v3({ settings })).document.settings;
    assert.deepEqual(read({ defaultCopyFormat: 'httpie', globalShortcut: 'Ctrl+Shift+A' }), { ...DEFAULT_SETTINGS, defaultCopyFormat: 'httpie', globalShortcut: 'Ctrl+Shift+A' });
    assert.equal(read({ defaultCopyFormat: 'yaml-from-a-newer-version' }).defaultCopyFormat, 'header');
    assert.throws(() => read({ defaultCopyFormat: 7 }), /settings\.defaultCopyFormat is not text/);
    assert.throws(() => read({ globalShortcut: false }), /settings\.globalShortcut is not text/);
  });

  test('missing connection fields take the defaults; an unset scope and issuer read as unset', () => {
    const [only] = migrateStoreDocument(v3({ connections: [{ id: 'conn-1', name: 'Staging' }] })).document.connections;
    assert.deepEqual(only, { id: 'conn-1', ...DEFAULT_CONNECTION_FIELDS, name: 'Staging', clientSecret: null });
    const [standard] = migrateStoreDocument(v3({ connections: [connection({ scope: 'openid profile', issuer: 'https://login.example.com' })] })).document.connections;
    assert.deepEqual([standard?.scope, standard?.issuer], ['openid profile', 'https://login.example.com']);
  });

  test('accounts of different connections may share a userid (two tokens for user_42)', () => {
    const raw = v3({
      connections: [connection(), connection({ id: 'conn-2', name: 'Production' })],
      accounts: [account({ id: 'a', userid: 'user_42' }), account({ id: 'b', userid: 'user_42', connectionId: 'conn-2' }), account({ id: 'g' }), account({ id: 'h', connectionId: 'conn-2' })],
      activeAccountId: 'b',
    });
    const { document, repairs } = migrateStoreDocument(raw);
    assert.deepEqual(repairs, []);
    assert.deepEqual(document.accounts.map((entry) => [entry.id, entry.connectionId]), [['a', 'conn-1'], ['b', 'conn-2'], ['g', 'conn-1'], ['h', 'conn-2']]);
  });

  test('a store without connections (first run, before setup) is valid', () => {
    const { document } = migrateStoreDocument(v3({ connections: [], accounts: [], activeAccountId: null }));
    assert.deepEqual(document.connections, []);
  });

  test('unknown properties are dropped', () => {
    const raw = v3({ extra: 1, connections: [connection({ colour: 'red' })], accounts: [account({ surprise: true })], activeAccountId: 'acc-generic', settings: { future: 'x', baseUrl: 'https://stale.example' } });
    const { document } = migrateStoreDocument(raw);
    assert.equal('extra' in document, false);
    assert.equal('colour' in (document.connections[0] ?? {}), false);
    assert.equal('surprise' in (document.accounts[0] ?? {}), false);
    assert.equal('future' in document.settings, false);
    assert.equal('baseUrl' in document.settings, false, 'a connection field in settings is not a setting any more');
  });
});

describe('migration', () => {
  const v1 = {
    schemaVersion: 1,
    tokens: {
      '': { expiration: '2026-12-01T10:00:00Z', obtainedAt: '2026-11-30T10:00:00Z', lastUsedAt: null, token: TOKEN },
      user_42: { expiration: '2026-12-02T10:00:00Z', obtainedAt: '2026-11-30T12:00:00Z', lastUsedAt: '2026-11-30T13:00:00Z', token: null },
    },
    active: 'user_42',
    settings: { ...DEFAULT_SETTINGS, clientId: 'old-client', expiryLeadSeconds: 120 },
  };

  test('version 1 → 2 → 3: tokens keyed by userid become accounts with ids, default labels and zero clock skew, on one connection "AIRisk"', () => {
    const result = migrateStoreDocument(v1, { newId: sequentialIds() });
    assert.equal(result.migratedFrom, 1);
    assert.deepEqual(result.repairs, []);
    assert.deepEqual(result.document, {
      schemaVersion: STORE_SCHEMA_VERSION,
      connections: [{ id: 'id-3', ...DEFAULT_CONNECTION_FIELDS, name: 'AIRisk', clientId: 'old-client', clientSecret: null }],
      accounts: [
        // Times come back as toISOString writes them (the v1 file had them without milliseconds).
        { id: 'id-1', connectionId: 'id-3', userid: null, label: 'Generic', expiration: '2026-12-01T10:00:00.000Z', obtainedAt: '2026-11-30T10:00:00.000Z', clockSkewMs: 0, lastUsedAt: null, token: TOKEN },
        { id: 'id-2', connectionId: 'id-3', userid: 'user_42', label: 'user_42', expiration: '2026-12-02T10:00:00.000Z', obtainedAt: '2026-11-30T12:00:00.000Z', clockSkewMs: 0, lastUsedAt: '2026-11-30T13:00:00.000Z', token: null },
      ],
      activeAccountId: 'id-2',
      settings: { ...DEFAULT_SETTINGS, expiryLeadSeconds: 120 },
    });
  });

  test('version 1 → 2 gives fresh random ids by default', () => {
    const ids = migrateStoreDocument(v1).document.accounts.map((entry) => entry.id);
    assert.equal(new Set(ids).size, 2);
    for (const id of ids) assert.match(id, /^[0-9a-f-]{36}$/);
  });

  test('version 1 without settings and with no active token migrates to defaults and the generic account', () => {
    const { settings: _dropped, ...rest } = v1;
    const result = migrateStoreDocument({ ...rest, active: null }, { newId: sequentialIds() });
    assert.deepEqual(result.document.settings, DEFAULT_SETTINGS);
    assert.equal(result.document.activeAccountId, 'id-1');
    assert.equal(result.repairs.length, 1);
  });

  test('a version 1 userid that is too long gets a shortened default label', () => {
    const userid = 'u'.repeat(100);
    const raw = { schemaVersion: 1, tokens: { [userid]: v1.tokens[''] }, active: userid };
    const [only] = migrateStoreDocument(raw).document.accounts;
    assert.equal(only?.userid, userid);
    assert.equal([...(only?.label ?? '')].length, 64);
    assert.ok(only?.label.endsWith('…'));
  });

  test('version 1 documents are validated in their own terms', () => {
    assertRejected({ schemaVersion: 1, tokens: [] }, /tokens \(schema version 1\) is not an object/);
    assertRejected({ schemaVersion: 1, tokens: { 'has space': v1.tokens[''] } }, /the key of tokens\["has space"\] is not a userid/);
    assertRejected({ schemaVersion: 1, tokens: { user_1: { ...v1.tokens[''], expiration: 'tomorrow' } } }, /tokens\["user_1"\]\.expiration is not an ISO 8601/);
    assertRejected({ schemaVersion: 1, tokens: { user_1: 'x' } }, /tokens\["user_1"\] is not an object/);
    assertRejected({ schemaVersion: 1, tokens: {}, active: 7 }, /active \(schema version 1\) is neither text nor null/);
  });

  test('a document from a newer schema version is refused as newer, not as damaged', () => {
    assert.throws(
      () => migrateStoreDocument({ ...v3(), schemaVersion: STORE_SCHEMA_VERSION + 1 }),
      (error: unknown) => {
        assert.ok(error instanceof StoreDocumentError);
        assert.equal(error.kind, 'newer-version');
        assert.match(error.reason, /written by a newer version of AIRisk Token Tray \(store schema version 4; this version reads up to 3\)/);
        return true;
      },
    );
  });
});

describe('validation rejects', () => {
  test('anything that is not a JSON object', () => {
    assertRejected(null, /it is not a JSON object/);
    assertRejected([], /it is not a JSON object/);
    assertRejected('{}', /it is not a JSON object/);
  });

  test('a missing or malformed schemaVersion', () => {
    assertRejected({}, /it has no schemaVersion/);
    assertRejected({ ...v3(), schemaVersion: '3' }, /schemaVersion "3" is not a version number/);
    assertRejected({ ...v3(), schemaVersion: 1.5 }, /schemaVersion 1\.5 is not a version number/);
    assertRejected({ ...v3(), schemaVersion: 0 }, /schemaVersion 0 is not a version number/);
  });

  test('accounts that are not a list', () => {
    assertRejected(v3({ accounts: {} }), /accounts is not a list/);
    assertRejected(v3({ accounts: [42] }), /accounts\[0\] is not an object/);
  });

  test('account fields of the wrong type or shape', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ id: 7 }, /accounts\[0\]\.id is not an account id/],
      [{ connectionId: 'conn-gone' }, /accounts\[0\]\.connectionId names no connection in the file/],
      [{ connectionId: undefined }, /accounts\[0\]\.connectionId names no connection in the file/],
      [{ id: '' }, /accounts\[0\]\.id is not an account id/],
      [{ userid: '' }, /accounts\[0\]\.userid is not a userid/],
      [{ userid: 'two words' }, /accounts\[0\]\.userid is not a userid/],
      [{ userid: 42 }, /accounts\[0\]\.userid is not a userid/],
      [{ label: 3 }, /accounts\[0\]\.label is not text/],
      [{ label: '' }, /accounts\[0\]\.label is not a valid label \(A label cannot be empty\.\)/],
      [{ label: ' padded ' }, /accounts\[0\]\.label is not a valid label/],
      [{ label: 'x'.repeat(65) }, /at most 64 characters; this one has 65/],
      [{ label: 'line\nbreak' }, /control characters/],
      [{ expiration: '2026-12-01' }, /accounts\[0\]\.expiration is not an ISO 8601 date-time/],
      [{ expiration: '2026-13-45T99:00:00Z' }, /accounts\[0\]\.expiration is not an ISO 8601 date-time/],
      [{ obtainedAt: 1764583200000 }, /accounts\[0\]\.obtainedAt is not an ISO 8601 date-time/],
      [{ clockSkewMs: '5' }, /accounts\[0\]\.clockSkewMs is not a number/],
      [{ lastUsedAt: 'yesterday' }, /accounts\[0\]\.lastUsedAt is not an ISO 8601 date-time/],
      [{ token: 'plain-token' }, /accounts\[0\]\.token is neither an encrypted value nor null/],
      [{ token: { ciphertext: '', backend: 'x' } }, /accounts\[0\]\.token\.ciphertext is not non-empty text/],
      [{ token: { ciphertext: 'abc' } }, /accounts\[0\]\.token\.backend is not non-empty text/],
    ];
    for (const [override, reason] of cases) {
      assertRejected(v3({ accounts: [account(override)], activeAccountId: null }), reason);
    }
  });

  test('two accounts with the same id', () => {
    assertRejected(v3({ accounts: [account(), account({ userid: 'user_1' })] }), /accounts\[1\] has the same id as accounts\[0\] \("acc-generic"\)/);
  });

  test('two accounts with the same userid, or two generic accounts, on one connection', () => {
    assertRejected(
      v3({ accounts: [account({ id: 'a', userid: 'user_1' }), account({ id: 'b', userid: 'user_1' })] }),
      /accounts\[0\] and accounts\[1\] both belong to userid "user_1" on connection "conn-1"/,
    );
    assertRejected(v3({ accounts: [account({ id: 'a' }), account({ id: 'b' })] }), /accounts\[0\] and accounts\[1\] are both the generic account/);
  });

  test('connections that are not a list, or of the wrong shape', () => {
    assertRejected(v3({ connections: undefined }), /connections is not a list/);
    assertRejected(v3({ connections: [7] }), /connections\[0\] is not an object/);
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ id: '' }, /connections\[0\]\.id is not a connection id/],
      [{ name: 3 }, /connections\[0\]\.name is not text/],
      [{ name: '' }, /connections\[0\]\.name is not a usable connection name \(Give the connection a name/],
      [{ name: ' Staging ' }, /no leading or trailing spaces/],
      [{ name: 'Sta\tging' }, /control or invisible characters/],
      [{ bodyEncoding: 'xml' }, /connections\[0\]\.bodyEncoding is not "form" or "json"/],
      [{ baseUrl: null }, /connections\[0\]\.baseUrl is not text/],
      [{ scope: ['openid'] }, /connections\[0\]\.scope is not text/],
      [{ issuer: 42 }, /connections\[0\]\.issuer is not text/],
      [{ clientSecret: 'hunter2' }, /connections\[0\]\.clientSecret is neither an encrypted value nor null/],
    ];
    for (const [override, reason] of cases) assertRejected(v3({ connections: [connection(override)] }), reason);
  });

  test('two connections with the same id, or the same name case-insensitively', () => {
    assertRejected(v3({ connections: [connection(), connection({ name: 'Other' })] }), /connections\[1\] has the id of an earlier connection \("conn-1"\)/);
    assertRejected(v3({ connections: [connection({ name: 'Staging' }), connection({ id: 'conn-2', name: 'STAGING' })] }), /connections\[1\]\.name .*There is a connection named "STAGING" already/);
  });

  test('an activeAccountId that is not text', () => {
    assertRejected(v3({ activeAccountId: 5 }), /activeAccountId is neither text nor null/);
  });

  test('settings of the wrong type', () => {
    assertRejected(v3({ settings: 'defaults' }), /settings is not an object/);
    assertRejected(v3({ settings: { startAtLogin: 'yes' } }), /settings\.startAtLogin is not true or false/);
    assertRejected(v3({ settings: { expiryLeadSeconds: '300' } }), /settings\.expiryLeadSeconds is not a number/);
  });

  test('reasons read as one sentence about the store file', () => {
    assertRejected(v3({ accounts: 1 }), /^The store file is not a valid store: accounts is not a list\.$/);
  });
});

describe('repairs instead of rejections', () => {
  const generic = account({ id: 'g' });
  const bob = account({ id: 'b', userid: 'Bob', label: 'Bob' });
  const alice = account({ id: 'a', userid: 'alice', label: 'alice' });

  test('an activeAccountId that points nowhere becomes the generic account', () => {
    const result = migrateStoreDocument(v3({ accounts: [bob, generic, alice], activeAccountId: 'gone' }));
    assert.equal(result.document.activeAccountId, 'g');
    assert.match(result.repairs[0] ?? '', /The active account "gone" does not exist/);
  });

  test('without a generic account it becomes the first userid, case-insensitively', () => {
    assert.equal(migrateStoreDocument(v3({ accounts: [bob, alice], activeAccountId: 'gone' })).document.activeAccountId, 'a');
  });

  test('a missing or null active account is chosen when accounts exist', () => {
    const { activeAccountId: _dropped, ...withoutActive } = v3({ accounts: [bob, alice] });
    assert.equal(migrateStoreDocument(withoutActive).document.activeAccountId, 'a');
    assert.equal(migrateStoreDocument(v3({ accounts: [bob], activeAccountId: null })).document.activeAccountId, 'b');
  });

  test('an active account without any accounts becomes null', () => {
    const result = migrateStoreDocument(v3({ accounts: [], activeAccountId: 'gone' }));
    assert.equal(result.document.activeAccountId, null);
    assert.match(result.repairs[0] ?? '', /no account is active now/);
  });
});
