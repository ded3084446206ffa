import assert from 'node:assert/strict';
import test from 'node:test';
import { isWindowExportDownload } from '../../src-main/core/window/download-policy.ts';

test("the window may download only a blob: URL it made itself (Settings → Export)", () => {
  assert.equal(isWindowExportDownload('blob:app://airisk/3f1c2b9e-8d4a-4c1e-9f7a-2b6d5e4c3a21'), true);
  for (const url of [
    'https://evil.example/payload.exe',
    'blob:https://evil.example/3f1c2b9e-8d4a-4c1e-9f7a-2b6d5e4c3a21',
    'blob:app://airisk.evil/3f1c2b9e-8d4a-4c1e-9f7a-2b6d5e4c3a21',
    'blob:app://airisk/../../etc/passwd',
    'data:application/json,{}',
    'app://airisk/index.html',
    'file:///etc/passwd',
  ]) {
    assert.equal(isWindowExportDownload(url), false, url);
  }
});
