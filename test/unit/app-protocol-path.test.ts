import assert from 'node:assert/strict';
import { join, resolve, sep } from 'node:path';
import { test } from 'node:test';
import { appProtocolContentType, resolveAppProtocolPath } from '../../src-main/core/window/app-protocol-path.ts';

const ROOT = resolve('/srv/app/dist/renderer');

function served(url: string): string | number {
  const lookup = resolveAppProtocolPath(url, ROOT);
  return lookup.ok ? lookup.filePath : lookup.status;
}

test('the root and index.html map to dist/renderer/index.html', () => {
  for (const url of ['app://airisk', 'app://airisk/', 'app://airisk/index.html', 'app://AIRISK/index.html?x=1#y']) {
    assert.equal(served(url), join(ROOT, 'index.html'), url);
  }
});

test('assets map to files under the root, with their content type', () => {
  const lookup = resolveAppProtocolPath('app://airisk/assets/index-BcrdY2M0.js', ROOT);
  assert.deepEqual(lookup, { ok: true, filePath: join(ROOT, 'assets', 'index-BcrdY2M0.js'), contentType: 'text/javascript; charset=utf-8' });
  assert.equal(served('app://airisk/assets/'), join(ROOT, 'assets', 'index.html'));
  assert.equal(served('app://airisk/assets/my%20file.css'), join(ROOT, 'assets', 'my file.css'));
});

test('dot-dot traversal never leaves the root, raw or encoded in any way', () => {
  const attempts = [
    'app://airisk/../../../etc/passwd',
    'app://airisk/assets/../../secret',
    'app://airisk/%2e%2e/%2e%2e/etc/passwd',
    'app://airisk/%2E%2E/secret',
    'app://airisk/assets/..%2f..%2fsecret',
    'app://airisk/assets/%2e%2e%2f%2e%2e%2fsecret',
    'app://airisk/..%5c..%5csecret',
    'app://airisk/assets%5c..%5c..%5csecret',
    'app://airisk/a/%2e/b',
    'app://airisk/C:%5cWindows%5cwin.ini',
    'app://airisk/c:/Windows/win.ini',
    'app://airisk/index.html%00.png',
    'app://airisk//etc/passwd',
  ];
  for (const url of attempts) {
    const result = served(url);
    if (typeof result === 'string') {
      assert.ok(result.startsWith(ROOT + sep), `${url} → ${result} stays under the root`);
    } else {
      assert.ok(result === 400 || result === 404, `${url} → ${result}`);
    }
  }
  // The ones that must be refused outright, not merely clamped by the URL parser.
  for (const url of ['app://airisk/assets/..%2f..%2fsecret', 'app://airisk/..%5c..%5csecret', 'app://airisk/C:%5cWindows%5cwin.ini', 'app://airisk/index.html%00.png']) {
    assert.equal(served(url), 400, url);
  }
});

test('dot-files, empty segments, bad percent-encoding, other hosts and schemes are refused', () => {
  assert.equal(served('app://airisk/.env'), 404);
  assert.equal(served('app://airisk/assets/.hidden.js'), 404);
  assert.equal(served('app://airisk//index.html'), 404);
  assert.equal(served('app://airisk/%E0%A4%A'), 400);
  assert.equal(served('app://evil/index.html'), 404);
  assert.equal(served('app://airisk:444/index.html'), 404);
  assert.equal(served('app://u:p@airisk/index.html'), 404);
  assert.equal(served('file:///srv/app/dist/renderer/index.html'), 404);
  assert.equal(served('https://airisk/index.html'), 404);
  assert.equal(served('not a url'), 400);
});

test('content types cover what a Vite build emits; unknown is octet-stream', () => {
  assert.equal(appProtocolContentType('index.html'), 'text/html; charset=utf-8');
  assert.equal(appProtocolContentType('a.CSS'), 'text/css; charset=utf-8');
  assert.equal(appProtocolContentType('font.woff2'), 'font/woff2');
  assert.equal(appProtocolContentType('icon.svg'), 'image/svg+xml');
  assert.equal(appProtocolContentType('blob.bin'), 'application/octet-stream');
});
