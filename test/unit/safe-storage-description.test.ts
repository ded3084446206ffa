import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeSafeStorage } from '../../src-main/core/vault/safe-storage-description.ts';

test('Linux basic_text is weak, and the detail says no keyring was found and what to install or unlock', () => {
  const described = describeSafeStorage({ platform: 'linux', available: true, linuxBackend: 'basic_text' });
  assert.equal(described.backend, 'basic_text');
  assert.equal(described.strength, 'weak');
  assert.match(described.detail, /No keyring was found/);
  assert.match(described.detail, /GNOME Keyring/);
  assert.match(described.detail, /KWallet/);
  assert.match(described.detail, /unlock/);
});

test('GNOME libsecret and every KWallet are strong on Linux when the asynchronous encryptor used a key of theirs', () => {
  for (const backend of ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'] as const) {
    const described = describeSafeStorage({ platform: 'linux', available: true, linuxBackend: backend, linuxProbeTag: 'v11' });
    assert.deepEqual([described.backend, described.strength], [backend, 'strong'], backend);
  }
});

test('a selected keyring whose probe came out under the hard-coded key (v10) is weak, not strong', () => {
  const described = describeSafeStorage({ platform: 'linux', available: true, linuxBackend: 'gnome_libsecret', linuxProbeTag: 'v10' });
  assert.deepEqual([described.backend, described.strength], ['basic_text', 'weak']);
  assert.match(described.detail, /gnome_libsecret was selected but could not be reached/);
});

test('a selected keyring is not trusted without a probe from the asynchronous encryptor', () => {
  assert.equal(describeSafeStorage({ platform: 'linux', available: true, linuxBackend: 'kwallet6' }).strength, 'none');
  const failed = describeSafeStorage({ platform: 'linux', available: true, linuxBackend: 'kwallet6', linuxProbeTag: null });
  assert.equal(failed.strength, 'none');
  assert.match(failed.detail, /could not be checked/);
});

test('an unknown backend or no encryption at all is none', () => {
  assert.equal(describeSafeStorage({ platform: 'linux', available: true, linuxBackend: 'unknown' }).strength, 'none');
  assert.equal(describeSafeStorage({ platform: 'linux', available: false, linuxBackend: 'gnome_libsecret' }).strength, 'none');
  assert.equal(describeSafeStorage({ platform: 'linux', available: false }).backend, 'none');
  assert.equal(describeSafeStorage({ platform: 'darwin', available: false }).strength, 'none');
  assert.equal(describeSafeStorage({ platform: 'win32', available: false }).strength, 'none');
});

test('macOS Keychain and Windows DPAPI are strong', () => {
  assert.deepEqual(describeSafeStorage({ platform: 'darwin', available: true }), { backend: 'macos_keychain', strength: 'strong', detail: 'Encrypted with a key kept in your macOS Keychain.' });
  const windows = describeSafeStorage({ platform: 'win32', available: true });
  assert.deepEqual([windows.backend, windows.strength], ['windows_dpapi', 'strong']);
  assert.match(windows.detail, /DPAPI/);
});
