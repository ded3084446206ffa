import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isTrustedIpcEvent } from '../../src-main/core/ipc/ipc-binding.ts';
import { APP_ORIGIN } from '../../src-main/core/window/app-origin.ts';

const ours = { id: 1 };

test('only our open window’s main frame on the app origin is a trusted IPC sender', () => {
  const mainFrame = { url: 'app://airisk/index.html', parent: null };
  assert.equal(isTrustedIpcEvent({ sender: ours, senderFrame: mainFrame }, ours, APP_ORIGIN), true);
  assert.equal(isTrustedIpcEvent({ sender: ours, senderFrame: { url: 'app://airisk/index.html', parent: mainFrame } }, ours, APP_ORIGIN), false, 'a subframe');
  assert.equal(isTrustedIpcEvent({ sender: ours, senderFrame: { url: 'https://evil.example/', parent: null } }, ours, APP_ORIGIN), false, 'another origin');
  assert.equal(isTrustedIpcEvent({ sender: { id: 2 }, senderFrame: mainFrame }, ours, APP_ORIGIN), false, 'another web contents');
  assert.equal(isTrustedIpcEvent({ sender: ours, senderFrame: null }, ours, APP_ORIGIN), false, 'a frame already gone');
  assert.equal(isTrustedIpcEvent({ sender: undefined, senderFrame: mainFrame }, undefined, APP_ORIGIN), false, 'no window open');
});
