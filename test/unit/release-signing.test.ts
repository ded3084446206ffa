import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { signingPlan } from '../../scripts/release-signing.ts';

/** What GitHub passes when no secret is set: every signing variable, empty. */
const NO_SECRETS = { PATH: '/bin', GH_TOKEN: 'gh', CSC_LINK: '', CSC_KEY_PASSWORD: '', WIN_CSC_LINK: '', WIN_CSC_KEY_PASSWORD: '', APPLE_ID: '', APPLE_APP_SPECIFIC_PASSWORD: '', APPLE_TEAM_ID: '' };

describe('release signing plan', () => {
  test('macOS without CSC_LINK: empty secrets are dropped, identity discovery is off, one line says UNSIGNED', () => {
    const plan = signingPlan(NO_SECRETS, 'darwin');
    assert.deepEqual(plan.env, { PATH: '/bin', GH_TOKEN: 'gh', CSC_IDENTITY_AUTO_DISCOVERY: 'false' });
    assert.match(plan.line, /^signing: macOS build is UNSIGNED/);
    assert.doesNotMatch(plan.line, /\n/);
  });

  test('macOS with a certificate but only part of the notarization secrets: signed, not notarized, the partial Apple secrets dropped', () => {
    const plan = signingPlan({ ...NO_SECRETS, CSC_LINK: 'base64', CSC_KEY_PASSWORD: 'pw', APPLE_ID: 'me@example.com' }, 'darwin');
    assert.equal(plan.env['CSC_LINK'], 'base64');
    assert.equal(plan.env['APPLE_ID'], undefined, 'electron-builder fails on a partial set: it is dropped');
    assert.equal(plan.env['CSC_IDENTITY_AUTO_DISCOVERY'], undefined);
    assert.match(plan.line, /signed \(CSC_LINK\) but NOT notarized/);
  });

  test('macOS with every secret: signed and notarized, the Windows certificate left out', () => {
    const plan = signingPlan({ ...NO_SECRETS, CSC_LINK: 'c', CSC_KEY_PASSWORD: 'p', APPLE_ID: 'a', APPLE_APP_SPECIFIC_PASSWORD: 'b', APPLE_TEAM_ID: 't', WIN_CSC_LINK: 'w' }, 'darwin');
    assert.equal(plan.env['APPLE_TEAM_ID'], 't');
    assert.equal(plan.env['WIN_CSC_LINK'], undefined);
    assert.match(plan.line, /signed \(CSC_LINK\) and notarized/);
  });

  test("Windows never signs with the macOS certificate: CSC_LINK is dropped, so electron-builder's fallback to it cannot fire", () => {
    const plan = signingPlan({ ...NO_SECRETS, CSC_LINK: 'mac-p12', CSC_KEY_PASSWORD: 'p' }, 'win32');
    assert.equal(plan.env['CSC_LINK'], undefined);
    assert.equal(plan.env['CSC_KEY_PASSWORD'], undefined);
    assert.match(plan.line, /^signing: Windows installer is UNSIGNED \(no WIN_CSC_LINK secret\)/);
    assert.match(signingPlan({ ...NO_SECRETS, WIN_CSC_LINK: 'pfx', WIN_CSC_KEY_PASSWORD: 'pw' }, 'win32').line, /Windows installer is signed/);
  });

  test('a certificate without its password is dropped as a group: an unsigned build and one line, never a failing one', () => {
    const mac = signingPlan({ ...NO_SECRETS, CSC_LINK: 'p12', APPLE_ID: 'a', APPLE_APP_SPECIFIC_PASSWORD: 'b', APPLE_TEAM_ID: 't' }, 'darwin');
    assert.deepEqual(mac.env, { PATH: '/bin', GH_TOKEN: 'gh', CSC_IDENTITY_AUTO_DISCOVERY: 'false' }, 'no certificate, no notarization, no identity guess');
    assert.equal(mac.line, 'signing: macOS build is UNSIGNED and not notarized (CSC_LINK is set but CSC_KEY_PASSWORD is not, so the certificate is left out); it cannot self-update (Squirrel.Mac refuses unsigned apps).');
    const win = signingPlan({ ...NO_SECRETS, WIN_CSC_LINK: 'pfx' }, 'win32');
    assert.deepEqual(win.env, { PATH: '/bin', GH_TOKEN: 'gh' });
    assert.equal(win.line, 'signing: Windows installer is UNSIGNED (WIN_CSC_LINK is set but WIN_CSC_KEY_PASSWORD is not, so the certificate is left out); SmartScreen will warn.');
    assert.equal(signingPlan({ ...NO_SECRETS, CSC_KEY_PASSWORD: 'orphan' }, 'darwin').env['CSC_KEY_PASSWORD'], undefined, 'a password without its certificate goes too');
  });

  test('Linux: no signing variable reaches electron-builder, one line says so', () => {
    const plan = signingPlan({ ...NO_SECRETS, CSC_LINK: 'c' }, 'linux');
    assert.deepEqual(plan.env, { PATH: '/bin', GH_TOKEN: 'gh' });
    assert.match(plan.line, /^signing: Linux packages are not code-signed/);
  });
});
