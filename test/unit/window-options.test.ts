import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { APP_ENTRY_URL, APP_ORIGIN, hasOrigin } from '../../src-main/core/window/app-origin.ts';
import { APP_PROTOCOL_CONTENT_SECURITY_POLICY, appProtocolHeaders, RENDERER_CONTENT_SECURITY_POLICY } from '../../src-main/core/window/app-protocol-headers.ts';
import { isAllowedNavigation } from '../../src-main/core/window/navigation-policy.ts';
import { WINDOW_BACKGROUND, windowOptions } from '../../src-main/core/window/window-options.ts';

test('the window is locked down: isolation, sandbox, web security, no Node, no webview, no spellcheck', () => {
  const options = windowOptions({ preloadPath: '/app/dist/main/preload.cjs', dark: false });
  assert.deepEqual(options.webPreferences, {
    preload: '/app/dist/main/preload.cjs',
    contextIsolation: true,
    sandbox: true,
    webSecurity: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
  });
});

test('the window starts hidden, small, titled, with the theme’s background and no icon unless given', () => {
  const light = windowOptions({ preloadPath: '/p.cjs', dark: false });
  assert.equal(light.show, false);
  assert.deepEqual([light.width, light.height, light.minWidth, light.minHeight], [440, 640, 360, 420]);
  assert.equal(light.title, 'AIRisk Token Tray');
  assert.equal(light.backgroundColor, WINDOW_BACKGROUND.light);
  assert.equal('icon' in light, false);
  const dark = windowOptions({ preloadPath: '/p.cjs', dark: true, iconPath: '/r/icons/icon.png' });
  assert.equal(dark.backgroundColor, WINDOW_BACKGROUND.dark);
  assert.equal(dark.icon, '/r/icons/icon.png');
});

test('the window backgrounds match the renderer’s --bg colours', async () => {
  const css = await readFile(new URL('../../src-renderer/styles/base.css', import.meta.url), 'utf8');
  const colours = [...css.matchAll(/--bg:\s*(#[0-9a-f]{6})/gi)].map((match) => match[1]?.toLowerCase());
  assert.deepEqual(colours, [WINDOW_BACKGROUND.light, WINDOW_BACKGROUND.dark]);
});

test('the app loads app://airisk/index.html', () => {
  assert.equal(APP_ORIGIN, 'app://airisk');
  assert.equal(APP_ENTRY_URL, 'app://airisk/index.html');
});

test('navigation is allowed only within the app origin', () => {
  for (const url of ['app://airisk/index.html', 'app://airisk/', 'app://AIRISK/index.html#settings', 'app://airisk/assets/x.js?v=1']) {
    assert.equal(isAllowedNavigation(url, APP_ORIGIN), true, url);
  }
  for (const url of [
    'https://api.airisk.example.com/api/oauth2/Authorize',
    'http://127.0.0.1:8790/',
    'file:///etc/passwd',
    'app://evil/index.html',
    'app://airisk.evil/index.html',
    'app://airisk:8080/index.html',
    'app://user@airisk/index.html',
    'app://airisk@evil/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'other://airisk/index.html',
    'not a url',
    '',
  ]) {
    assert.equal(isAllowedNavigation(url, APP_ORIGIN), false, url);
  }
});

test('hasOrigin refuses unparseable origins too', () => {
  assert.equal(hasOrigin('app://airisk/', 'not an origin'), false);
});

test('the protocol’s CSP is exactly the one in src-renderer/index.html', async () => {
  const html = await readFile(new URL('../../src-renderer/index.html', import.meta.url), 'utf8');
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
  assert.ok(meta, 'index.html carries a CSP meta tag');
  assert.equal(RENDERER_CONTENT_SECURITY_POLICY, meta[1]);
});

test('every app-protocol response carries the page’s CSP plus frame-ancestors, nosniff and no-store', () => {
  const headers = appProtocolHeaders('text/javascript; charset=utf-8');
  assert.equal(headers['Content-Type'], 'text/javascript; charset=utf-8');
  assert.equal(APP_PROTOCOL_CONTENT_SECURITY_POLICY, `${RENDERER_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
  assert.equal(headers['Content-Security-Policy'], APP_PROTOCOL_CONTENT_SECURITY_POLICY);
  assert.equal(headers['X-Content-Type-Options'], 'nosniff');
  assert.equal(headers['Cache-Control'], 'no-store');
});
