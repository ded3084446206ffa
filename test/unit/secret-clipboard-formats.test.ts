import assert from 'node:assert/strict';
import { test } from 'node:test';
import { osClipboardFormat, secretClipboardEntry } from '../../src-main/core/clipboard/secret-clipboard-formats.ts';

const HEADER = 'Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig';

test('raw OS formats use Electron’s osclipboard custom format', () => {
  assert.equal(osClipboardFormat('x-kde-passwordManagerHint'), 'electron application/osclipboard;format="x-kde-passwordManagerHint"');
});

test('Linux: the text plus x-kde-passwordManagerHint=secret', () => {
  assert.deepEqual(secretClipboardEntry(HEADER, 'linux'), { 'text/plain': HEADER, 'electron application/osclipboard;format="x-kde-passwordManagerHint"': 'secret' });
});

test('macOS: the text plus org.nspasteboard.ConcealedType', () => {
  assert.deepEqual(secretClipboardEntry(HEADER, 'darwin'), { 'text/plain': HEADER, 'electron application/osclipboard;format="org.nspasteboard.ConcealedType"': '' });
});

test('Windows: the text plus the monitor exclusion and DWORD 0 for history and cloud upload', async () => {
  const entry = secretClipboardEntry(HEADER, 'win32');
  assert.equal(entry['text/plain'], HEADER);
  for (const name of ['ExcludeClipboardContentFromMonitorProcessing', 'CanIncludeInClipboardHistory', 'CanUploadToCloudClipboard']) {
    const payload = entry[osClipboardFormat(name)];
    assert.ok(payload instanceof Blob, name);
    assert.deepEqual([...new Uint8Array(await payload.arrayBuffer())], [0, 0, 0, 0], name);
  }
  assert.equal(Object.keys(entry).length, 4);
});
