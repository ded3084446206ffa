import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeSafeStorage } from '../../src-main/electron/safe-storage-description.ts';

test('Linux basic_text is weak, and the detail says no keyring was found and what to install or unlock', () => {
  const described = describeSafeStorage({ platform: 'linux', available: true, linuxBackend: 'basic_text' });
  assert.equal(described.backend, 'basic_text');
  assert.equal(described.strength, 'weak');
  assert.match(described.detail, /No keyring was found/);
  assert.match(described.detail, /GNOME Keyring/);
  assert.match(described.detail, /KWallet/);
  assert.match(described.detail, /unlock/);
});

test('GNOME libsecret and every KWallet are strong on Linux', () => {
  for (const backend of ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'] as const) {
    const described = describeSafeStorage({ platform: 'linux', available: true, linuxBackend: backend });
    assert.deepEqual([described.backend, described.strength], [backend, 'strong'], backend);
  }
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
