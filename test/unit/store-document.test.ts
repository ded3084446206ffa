import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_SETTINGS } from '../../src-main/core/settings/stored-settings.ts';
import { STORE_SCHEMA_VERSION, emptyStoreDocument, migrateStoreDocument } from '../../src-main/core/vault/store-document.ts';
import { StoreDocumentError } from '../../src-main/core/vault/store-document-error.ts';

const TOKEN = { ciphertext: 'v1:AAAA', backend: 'node-aes-256-gcm' };

function account(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'acc-generic',
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

function v2(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schemaVersion: 2,
    accounts: [account(), account({ id: 'acc-42', userid: 'user_42', label: 'Team 42', lastUsedAt: '2026-11-30T11:00:00Z' })],
    activeAccountId: 'acc-42',
    settings: { ...DEFAULT_SETTINGS, clientId: 'my-client' },
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

  test('a valid version 2 document comes back unchanged and unmigrated', () => {
    const raw = v2();
    const result = migrateStoreDocument(raw);
    assert.equal(result.migratedFrom, undefined);
    assert.deepEqual(result.repairs, []);
    assert.deepEqual(result.document, raw);
  });

  test('an object without prototype (as conf hands it out) is accepted', () => {
    const raw = Object.assign(Object.create(null) as Record<string, unknown>, v2());
    assert.equal(migrateStoreDocument(raw).document.activeAccountId, 'acc-42');
  });

  test('missing settings object and missing single settings take the defaults', () => {
    const { settings: _dropped, ...withoutSettings } = v2();
    assert.deepEqual(migrateStoreDocument(withoutSettings).document.settings, DEFAULT_SETTINGS);
    const partial = migrateStoreDocument(v2({ settings: { clientId: 'abc', allowWeakEncryption: true } })).document.settings;
    assert.deepEqual(partial, { ...DEFAULT_SETTINGS, clientId: 'abc', allowWeakEncryption: true });
  });

  test('an older version 2 file without scope and issuer reads them as unset; a newer one keeps them', () => {
    const older = migrateStoreDocument(v2({ settings: { clientId: 'abc' } })).document.settings;
    assert.equal(older.scope, '');
    assert.equal(older.issuer, '');
    const newer = migrateStoreDocument(v2({ settings: { scope: 'openid profile', issuer: 'https://login.example.com' } })).document.settings;
    assert.deepEqual([newer.scope, newer.issuer], ['openid profile', 'https://login.example.com']);
    assertRejected(v2({ settings: { scope: ['openid'] } }), /settings\.scope is not text/);
    assertRejected(v2({ settings: { issuer: 42 } }), /settings\.issuer is not text/);
  });

  test('unknown properties are dropped', () => {
    const raw = v2({ extra: 1, accounts: [account({ surprise: true })], activeAccountId: 'acc-generic', settings: { future: 'x' } });
    const { document } = migrateStoreDocument(raw);
    assert.equal('extra' in document, false);
    assert.equal('surprise' in (document.accounts[0] ?? {}), false);
    assert.equal('future' in document.settings, false);
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
    settings: { ...DEFAULT_SETTINGS, clientId: 'old-client' },
  };

  test('version 1 → 2: tokens keyed by userid become accounts with ids, default labels and zero clock skew', () => {
    const result = migrateStoreDocument(v1, { newId: sequentialIds() });
    assert.equal(result.migratedFrom, 1);
    assert.deepEqual(result.repairs, []);
    assert.deepEqual(result.document, {
      schemaVersion: STORE_SCHEMA_VERSION,
      accounts: [
        { id: 'id-1', userid: null, label: 'Generic', expiration: '2026-12-01T10:00:00Z', obtainedAt: '2026-11-30T10:00:00Z', clockSkewMs: 0, lastUsedAt: null, token: TOKEN },
        { id: 'id-2', userid: 'user_42', label: 'user_42', expiration: '2026-12-02T10:00:00Z', obtainedAt: '2026-11-30T12:00:00Z', clockSkewMs: 0, lastUsedAt: '2026-11-30T13:00:00Z', token: null },
      ],
      activeAccountId: 'id-2',
      settings: { ...DEFAULT_SETTINGS, clientId: 'old-client' },
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
      () => migrateStoreDocument({ ...v2(), schemaVersion: STORE_SCHEMA_VERSION + 1 }),
      (error: unknown) => {
        assert.ok(error instanceof StoreDocumentError);
        assert.equal(error.kind, 'newer-version');
        assert.match(error.reason, /written by a newer version of AIRisk Token Tray \(store schema version 3; this version reads up to 2\)/);
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
    assertRejected({ ...v2(), schemaVersion: '2' }, /schemaVersion "2" is not a version number/);
    assertRejected({ ...v2(), schemaVersion: 1.5 }, /schemaVersion 1\.5 is not a version number/);
    assertRejected({ ...v2(), schemaVersion: 0 }, /schemaVersion 0 is not a version number/);
  });

  test('accounts that are not a list', () => {
    assertRejected(v2({ accounts: {} }), /accounts is not a list/);
    assertRejected(v2({ accounts: [42] }), /accounts\[0\] is not an object/);
  });

  test('account fields of the wrong type or shape', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ id: 7 }, /accounts\[0\]\.id is not an account id/],
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
      assertRejected(v2({ accounts: [account(override)], activeAccountId: null }), reason);
    }
  });

  test('two accounts with the same id', () => {
    assertRejected(v2({ accounts: [account(), account({ userid: 'user_1' })] }), /accounts\[1\] has the same id as accounts\[0\] \("acc-generic"\)/);
  });

  test('two accounts with the same userid, or two generic accounts', () => {
    assertRejected(
      v2({ accounts: [account({ id: 'a', userid: 'user_1' }), account({ id: 'b', userid: 'user_1' })] }),
      /accounts\[0\] and accounts\[1\] both belong to userid "user_1"/,
    );
    assertRejected(v2({ accounts: [account({ id: 'a' }), account({ id: 'b' })] }), /accounts\[0\] and accounts\[1\] are both the generic account/);
  });

  test('an activeAccountId that is not text', () => {
    assertRejected(v2({ activeAccountId: 5 }), /activeAccountId is neither text nor null/);
  });

  test('settings of the wrong type', () => {
    assertRejected(v2({ settings: 'defaults' }), /settings is not an object/);
    assertRejected(v2({ settings: { bodyEncoding: 'xml' } }), /settings\.bodyEncoding is not "form" or "json"/);
    assertRejected(v2({ settings: { startAtLogin: 'yes' } }), /settings\.startAtLogin is not true or false/);
    assertRejected(v2({ settings: { expiryLeadSeconds: '300' } }), /settings\.expiryLeadSeconds is not a number/);
    assertRejected(v2({ settings: { baseUrl: null } }), /settings\.baseUrl is not text/);
    assertRejected(v2({ settings: { clientSecret: 'hunter2' } }), /settings\.clientSecret is neither an encrypted value nor null/);
  });

  test('reasons read as one sentence about the store file', () => {
    assertRejected(v2({ accounts: 1 }), /^The store file is not a valid store: accounts is not a list\.$/);
  });
});

describe('repairs instead of rejections', () => {
  const generic = account({ id: 'g' });
  const bob = account({ id: 'b', userid: 'Bob', label: 'Bob' });
  const alice = account({ id: 'a', userid: 'alice', label: 'alice' });

  test('an activeAccountId that points nowhere becomes the generic account', () => {
    const result = migrateStoreDocument(v2({ accounts: [bob, generic, alice], activeAccountId: 'gone' }));
    assert.equal(result.document.activeAccountId, 'g');
    assert.match(result.repairs[0] ?? '', /The active account "gone" does not exist/);
  });

  test('without a generic account it becomes the first userid, case-insensitively', () => {
    assert.equal(migrateStoreDocument(v2({ accounts: [bob, alice], activeAccountId: 'gone' })).document.activeAccountId, 'a');
  });

  test('a missing or null active account is chosen when accounts exist', () => {
    const { activeAccountId: _dropped, ...withoutActive } = v2({ accounts: [bob, alice] });
    assert.equal(migrateStoreDocument(withoutActive).document.activeAccountId, 'a');
    assert.equal(migrateStoreDocument(v2({ accounts: [bob], activeAccountId: null })).document.activeAccountId, 'b');
  });

  test('an active account without any accounts becomes null', () => {
    const result = migrateStoreDocument(v2({ accounts: [], activeAccountId: 'gone' }));
    assert.equal(result.document.activeAccountId, null);
    assert.match(result.repairs[0] ?? '', /no account is active now/);
  });
});
