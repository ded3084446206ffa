import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { electronTestPrecondition, type ElectronBinary } from '../../scripts/electron-binary.ts';

const MISSING: ElectronBinary = { ok: false, reason: 'dist/electron does not exist' };
const FOUND: ElectronBinary = { ok: true, path: '/opt/electron/electron' };

describe('the Electron suite precondition', () => {
  test('without AIRISK_REQUIRE_ELECTRON a missing binary skips, and says why', () => {
    assert.deepEqual(electronTestPrecondition(MISSING, {}, 'linux'), { kind: 'skip', reason: 'Electron binary not installed on this machine: dist/electron does not exist' });
  });

  test('with AIRISK_REQUIRE_ELECTRON=1 a missing binary is a failure naming the variable and the reason', () => {
    const outcome = electronTestPrecondition(MISSING, { AIRISK_REQUIRE_ELECTRON: '1' }, 'darwin');
    assert.equal(outcome.kind, 'fail');
    assert.match('reason' in outcome ? outcome.reason : '', /^AIRISK_REQUIRE_ELECTRON=1, so this is a failure, not a skip: Electron binary not installed.*dist\/electron does not exist$/);
  });

  test('Linux without a display: skips here, fails when required; with DISPLAY it runs', () => {
    assert.equal(electronTestPrecondition(FOUND, {}, 'linux').kind, 'skip');
    assert.equal(electronTestPrecondition(FOUND, { AIRISK_REQUIRE_ELECTRON: '1' }, 'linux').kind, 'fail');
    assert.deepEqual(electronTestPrecondition(FOUND, { DISPLAY: ':99' }, 'linux'), { kind: 'run', binary: FOUND.path });
    assert.deepEqual(electronTestPrecondition(FOUND, {}, 'win32'), { kind: 'run', binary: FOUND.path });
  });

  test('only "1" requires Electron: "0" or empty still skips', () => {
    assert.equal(electronTestPrecondition(MISSING, { AIRISK_REQUIRE_ELECTRON: '0' }, 'linux').kind, 'skip');
    assert.equal(electronTestPrecondition(MISSING, { AIRISK_REQUIRE_ELECTRON: '' }, 'linux').kind, 'skip');
  });
});
