import assert from 'node:assert/strict';
import { test } from 'node:test';
import { authorizationUrlOpener, DENY_NEW_WINDOW, windowOpenHandler } from '../../src-main/core/window/window-open-policy.ts';

const SANDBOX = { baseUrl: 'http://127.0.0.1:8790', authorizePath: '/api/oauth2/Authorize' };
const AUTHORIZATION_URL = 'http://127.0.0.1:8790/api/oauth2/Authorize?client_id=demo-client&state=s&userid=user_42';

function opener() {
  const opened: string[] = [];
  const refused: string[] = [];
  const openUrl = authorizationUrlOpener(async () => SANDBOX, async (url) => void opened.push(url));
  return { opened, refused, handler: windowOpenHandler(openUrl, (reason) => refused.push(reason)), openUrl };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

test('a new-window request for the configured authorization URL is denied and opened in the system browser', async () => {
  const { opened, refused, handler } = opener();
  assert.deepEqual(handler({ url: AUTHORIZATION_URL }), DENY_NEW_WINDOW);
  await settle();
  assert.deepEqual(opened, [AUTHORIZATION_URL]);
  assert.deepEqual(refused, []);
});

test('every other new-window request is denied and opens nothing; the refusal does not repeat the URL', async () => {
  const { opened, refused, handler } = opener();
  for (const url of ['https://evil.example/api/oauth2/Authorize?state=s', 'http://127.0.0.1:8790/api/me', 'file:///etc/passwd', 'app://airisk/index.html', 'javascript:alert(1)']) {
    assert.deepEqual(handler({ url }), { action: 'deny' }, url);
  }
  await settle();
  assert.deepEqual(opened, []);
  assert.equal(refused.length, 5);
  assert.ok(refused.every((reason) => reason === 'Refusing to open an address that is not the configured AIRisk sign-in page.'));
});

test('the service’s openUrl goes through the same allowlist', async () => {
  const { opened, openUrl } = opener();
  await openUrl(AUTHORIZATION_URL);
  await assert.rejects(openUrl('https://evil.example/'), /not the configured AIRisk sign-in page/);
  assert.deepEqual(opened, [AUTHORIZATION_URL]);
});
