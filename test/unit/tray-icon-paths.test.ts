import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { appIconFile, TRAY_ICON_STATES, trayIconFiles } from '../../src-main/core/tray/tray-icon-paths.ts';

const resources = new URL('../../resources/', import.meta.url);

test('macOS uses template images with their @2x', () => {
  assert.deepEqual(trayIconFiles('darwin', 'valid'), { file: 'tray/tray-validTemplate.png', companions: ['tray/tray-validTemplate@2x.png'] });
  assert.deepEqual(trayIconFiles('darwin', 'expired'), { file: 'tray/tray-expiredTemplate.png', companions: ['tray/tray-expiredTemplate@2x.png'] });
});

test('Windows uses one .ico per state', () => {
  assert.deepEqual(trayIconFiles('win32', 'expiring'), { file: 'tray/tray-expiring.ico', companions: [] });
});

test('Linux (and anything else) uses a 22 px PNG with its @2x', () => {
  assert.deepEqual(trayIconFiles('linux', 'empty'), { file: 'tray/tray-empty.png', companions: ['tray/tray-empty@2x.png'] });
  assert.deepEqual(trayIconFiles('freebsd', 'valid'), { file: 'tray/tray-valid.png', companions: ['tray/tray-valid@2x.png'] });
});

test('the four states are covered and the app icon is per platform', () => {
  assert.deepEqual(TRAY_ICON_STATES, ['empty', 'valid', 'expiring', 'expired']);
  assert.equal(appIconFile('linux'), 'icons/icon.png');
  assert.equal(appIconFile('win32'), 'icons/icon.ico');
  assert.equal(appIconFile('darwin'), 'icons/icon.icns');
});

test('every named icon file exists in resources/', { skip: existsSync(new URL('tray/', resources)) ? false : 'resources/tray/ has not been generated (node scripts/make-icons.ts)' }, () => {
  const missing: string[] = [];
  for (const platform of ['darwin', 'win32', 'linux'] as const) {
    for (const state of TRAY_ICON_STATES) {
      const { file, companions } = trayIconFiles(platform, state);
      for (const name of [file, ...companions]) if (!existsSync(new URL(name, resources))) missing.push(name);
    }
    if (!existsSync(new URL(appIconFile(platform), resources))) missing.push(appIconFile(platform));
  }
  assert.deepEqual(missing, []);
});
