import assert from 'node:assert/strict';
import { test } from 'node:test';
import { authorizationUrlOpener, DENY_NEW_WINDOW, refuseNewWindowUrl, windowOpenHandler } from '../../src-main/core/window/window-open-policy.ts';

const SANDBOX = { baseUrl: 'http://127.0.0.1:8790', authorizePath: '/api/oauth2/Authorize' };
const AUTHORIZATION_URL = 'http://127.0.0.1:8790/api/oauth2/Authorize?response_type=code&client_id=demo-client&redirect_uri=http%3A%2F%2F127.0.0.1%3A50123%2Fcallback&state=s1&userid=user_42';

/** The window's handler and the service's openUrl, as main.ts wires them, over a recording openExternal. */
function opener() {
  const opened: string[] = [];
  const refused: string[] = [];
  const openUrl = authorizationUrlOpener(async () => SANDBOX, async (url) => void opened.push(url));
  const handler = windowOpenHandler(refuseNewWindowUrl, (reason) => refused.push(reason));
  return { opened, refused, handler, openUrl };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

test('no new-window request opens anything, not even a pending sign-in’s exact authorization URL: the window reopens it through openSignInPage', async () => {
  const { opened, refused, handler } = opener();
  const urls = [AUTHORIZATION_URL, 'https://evil.example/api/oauth2/Authorize?state=s', 'file:///etc/passwd', 'app://airisk/index.html', 'javascript:alert(1)'];
  for (const url of urls) assert.deepEqual(handler({ url }), DENY_NEW_WINDOW, url);
  await settle();
  assert.deepEqual(opened, []);
  assert.equal(refused.length, urls.length);
  assert.ok(refused.every((reason) => !reason.includes('127.0.0.1') && !reason.includes('evil')), 'the refusal does not repeat the URL');
});

test('the service’s openUrl opens the authorization URL it built, and nothing off the allowlist', async () => {
  const { opened, openUrl } = opener();
  await openUrl(AUTHORIZATION_URL);
  await assert.rejects(openUrl('https://evil.example/'), /not the configured AIRisk sign-in page/);
  assert.deepEqual(opened, [AUTHORIZATION_URL]);
});

test("the app's opener hands the system browser this repository's release pages (tray: open download page), and no look-alike", async () => {
  const opened: string[] = [];
  // No connection yet: a release page does not need one.
  const openUrl = authorizationUrlOpener(async () => {
    throw new Error('There is no connection to open a sign-in page for.');
  }, async (url) => void opened.push(url));
  await openUrl('https://github.com/airisk/airisk-token-tray/releases/tag/v1.2.3');
  await openUrl('https://github.com/airisk/airisk-token-tray/releases');
  const lookAlikes = [
    'https://github.com/attacker/airisk-token-tray/releases/tag/v1.2.3',
    'https://github.com/airisk/airisk-token-tray/releases/download/v1.2.3/setup.exe',
    'https://github.com/airisk/airisk-token-tray/releases/tag/v1.2.3?next=https://evil.example',
    'https://github.com/airisk/airisk-token-tray/releases/tag/v1.2.3#x',
    'https://user:pw@github.com/airisk/airisk-token-tray/releases',
    'http://github.com/airisk/airisk-token-tray/releases',
    'https://github.com.evil.example/airisk/airisk-token-tray/releases',
    'https://github.com/airisk/airisk-token-tray/releases/tag/v1.2.3/../../../../attacker',
  ];
  for (const url of lookAlikes) await assert.rejects(openUrl(url), Error, url);
  assert.deepEqual(opened, ['https://github.com/airisk/airisk-token-tray/releases/tag/v1.2.3', 'https://github.com/airisk/airisk-token-tray/releases']);
});

test('a window cannot open a release page: its new-window requests open nothing', async () => {
  const { opened, refused, handler } = opener();
  handler({ url: 'https://github.com/airisk/airisk-token-tray/releases/tag/v1.2.3' });
  await settle();
  assert.deepEqual(opened, []);
  assert.equal(refused.length, 1);
});
