import assert from 'node:assert/strict';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { macDeveloperIdSigned, namesDeveloperId, readInstallFacts, runningAppImage } from '../../src-main/core/update/install-facts.ts';
import { updateMode, type InstallFacts } from '../../src-main/core/update/update-mode.ts';

const PACKAGED: InstallFacts = { packaged: true, platform: 'linux', appImage: undefined, packageType: null, macDeveloperIdSigned: null };

describe('update mode: where this copy can update itself', () => {
  test('self-updates: the Windows installer, an AppImage, a macOS app signed with a Developer ID', () => {
    assert.deepEqual(updateMode({ ...PACKAGED, platform: 'win32' }), { kind: 'self-update' });
    assert.deepEqual(updateMode({ ...PACKAGED, appImage: '/home/me/AIRisk.AppImage' }), { kind: 'self-update' });
    assert.deepEqual(updateMode({ ...PACKAGED, platform: 'darwin', macDeveloperIdSigned: true }), { kind: 'self-update' });
  });

  test('only tells: a deb installed by apt, another package, an unsigned macOS build', () => {
    assert.deepEqual(updateMode({ ...PACKAGED, packageType: 'deb' }), { kind: 'notify-only', reason: 'This copy was installed as a .deb package: update it with your package manager (apt), or install the new .deb.' });
    assert.match(updateMode({ ...PACKAGED, packageType: 'rpm' }).kind, /^notify-only$/);
    const mac = updateMode({ ...PACKAGED, platform: 'darwin', macDeveloperIdSigned: false });
    assert.equal(mac.kind, 'notify-only');
    assert.match('reason' in mac ? mac.reason : '', /not signed, and macOS installs updates only for signed apps/);
  });

  test('a development run does not check at all', () => {
    assert.deepEqual(updateMode({ ...PACKAGED, packaged: false, platform: 'win32' }), { kind: 'off', reason: 'This is a development run, not an installed copy: it does not check for updates.' });
  });
});

describe('install facts', () => {
  test('codesign output: a Developer ID authority counts, an ad-hoc signature does not', () => {
    assert.equal(namesDeveloperId('Executable=/Applications/A.app/Contents/MacOS/A\nAuthority=Developer ID Application: AIRisk Ltd (ABCDE12345)\nAuthority=Developer ID Certification Authority\nTeamIdentifier=ABCDE12345\n'), true);
    assert.equal(namesDeveloperId('Executable=/Applications/A.app/Contents/MacOS/A\nSignature=adhoc\nTeamIdentifier=not set\n'), false);
  });

  test('runs a real codesign-like program and reads its stderr; a failing or missing one reads as unsigned', { skip: process.platform === 'win32' ? 'needs a POSIX shell script as the stand-in codesign' : false }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'airisk-codesign-'));
    try {
      const signed = join(dir, 'codesign-signed');
      await writeFile(signed, '#!/bin/sh\necho "Authority=Developer ID Application: AIRisk Ltd (ABCDE12345)" >&2\n');
      const adhoc = join(dir, 'codesign-unsigned');
      await writeFile(adhoc, '#!/bin/sh\necho "code object is not signed at all" >&2\nexit 1\n');
      await Promise.all([chmod(signed, 0o755), chmod(adhoc, 0o755)]);
      assert.equal(await macDeveloperIdSigned('/Applications/A.app', signed), true);
      assert.equal(await macDeveloperIdSigned('/Applications/A.app', adhoc), false);
      assert.equal(await macDeveloperIdSigned('/Applications/A.app', join(dir, 'missing')), false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('reads resources/package-type (electron-builder writes "deb" into the deb) only for a packaged Linux run', async () => {
    const resourcesDir = await mkdtemp(join(tmpdir(), 'airisk-resources-'));
    try {
      const facts = (packaged: boolean) => readInstallFacts({ packaged, platform: 'linux', env: {}, resourcesDir, execPath: '/opt/AIRisk Token Tray/airisk-token-tray' });
      assert.equal((await facts(true)).packageType, null, 'no file: not from a package');
      await writeFile(join(resourcesDir, 'package-type'), 'deb\n');
      assert.equal((await facts(true)).packageType, 'deb');
      assert.equal((await facts(false)).packageType, null);
      assert.deepEqual(updateMode(await facts(true)).kind, 'notify-only');
    } finally {
      await rm(resourcesDir, { recursive: true, force: true });
    }
  });
});

describe('an inherited $APPIMAGE', () => {
  // What a terminal opened from an AppImage'd app (say, an editor) passes to everything started in it.
  const inherited = { APPIMAGE: '/home/me/Apps/Editor.AppImage', APPDIR: '/tmp/.mount_EditorX1' };

  test('does not make a deb self-updating: the package type is read first', async () => {
    assert.deepEqual(updateMode({ ...PACKAGED, appImage: inherited.APPIMAGE, packageType: 'deb' }).kind, 'notify-only');
    const resourcesDir = await mkdtemp(join(tmpdir(), 'airisk-resources-'));
    try {
      await writeFile(join(resourcesDir, 'package-type'), 'deb\n');
      const facts = await readInstallFacts({ packaged: true, platform: 'linux', env: inherited, resourcesDir, execPath: '/opt/AIRisk Token Tray/airisk-token-tray' });
      assert.equal(facts.appImage, undefined, 'the deb\'s executable is not inside the AppImage mount');
      assert.equal(updateMode(facts).kind, 'notify-only');
    } finally {
      await rm(resourcesDir, { recursive: true, force: true });
    }
  });

  test('counts only when this executable runs from inside $APPDIR', () => {
    const ours = { APPIMAGE: '/home/me/AIRisk.AppImage', APPDIR: '/tmp/.mount_AIRiskQ2' };
    assert.equal(runningAppImage(ours, '/tmp/.mount_AIRiskQ2/airisk-token-tray'), '/home/me/AIRisk.AppImage');
    assert.equal(runningAppImage(inherited, '/opt/AIRisk Token Tray/airisk-token-tray'), undefined);
    assert.equal(runningAppImage({ APPIMAGE: '/home/me/AIRisk.AppImage' }, '/tmp/.mount_AIRiskQ2/airisk-token-tray'), undefined, 'no APPDIR: not trusted');
    assert.equal(runningAppImage({ ...ours, APPDIR: '/tmp/.mount_AIRisk' }, '/tmp/.mount_AIRiskQ2/airisk-token-tray'), undefined, 'a sibling folder with a common prefix is not inside');
    assert.equal(runningAppImage({ ...ours, APPDIR: 'relative' }, 'relative/airisk-token-tray'), undefined);
  });
});
