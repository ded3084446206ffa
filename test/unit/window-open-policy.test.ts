import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AppState, SignInStage } from '../../src-main/contract.ts';
import { authorizationUrlOpener, DENY_NEW_WINDOW, pendingSignInPageOpener, windowOpenHandler } from '../../src-main/core/window/window-open-policy.ts';
import { appState, FIXTURE_CONNECTION_ID } from '../support/app-state-fixtures.ts';

const SANDBOX = { baseUrl: 'http://127.0.0.1:8790', authorizePath: '/api/oauth2/Authorize' };
const AUTHORIZATION_URL = 'http://127.0.0.1:8790/api/oauth2/Authorize?response_type=code&client_id=demo-client&redirect_uri=http%3A%2F%2F127.0.0.1%3A50123%2Fcallback&state=s1&userid=user_42';

/** The app's state with a sign-in at `stage` that opened `authorizationUrl`. */
function signingIn(authorizationUrl: string, stage: SignInStage = 'waiting_for_browser'): AppState {
  return appState([], { signIn: { connectionId: FIXTURE_CONNECTION_ID, userid: 'user_42', stage, authorizationUrl, listening: true, notes: [] } });
}

/** The window's handler and the service's openUrl, as main.ts wires them, over a recording openExternal. */
function opener(state: AppState | null) {
  const opened: string[] = [];
  const refused: string[] = [];
  const openUrl = authorizationUrlOpener(async () => SANDBOX, async (url) => void opened.push(url));
  const handler = windowOpenHandler(pendingSignInPageOpener(async () => state, openUrl), (reason) => refused.push(reason));
  return { opened, refused, handler, openUrl };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

test('with a sign-in pending, a new-window request for its exact authorization URL is denied and opened in the system browser', async () => {
  for (const stage of ['opening_browser', 'waiting_for_browser'] as const) {
    const { opened, refused, handler } = opener(signingIn(AUTHORIZATION_URL, stage));
    assert.deepEqual(handler({ url: AUTHORIZATION_URL }), DENY_NEW_WINDOW);
    await settle();
    assert.deepEqual(opened, [AUTHORIZATION_URL], stage);
    assert.deepEqual(refused, []);
  }
});

test('the authorization endpoint with another client_id, redirect_uri, state or extra parameter is refused while a sign-in is pending', async () => {
  const forged = (change: (params: URLSearchParams) => void): string => {
    const url = new URL(AUTHORIZATION_URL);
    change(url.searchParams);
    return url.href;
  };
  const urls = [
    forged((params) => params.set('client_id', 'attacker-client')),
    forged((params) => params.set('redirect_uri', 'http://127.0.0.1:9999/callback')),
    forged((params) => params.set('state', 'attacker-state')),
    forged((params) => params.set('userid', 'admin')),
    forged((params) => params.append('prompt', 'none')),
    'http://127.0.0.1:8790/api/oauth2/Authorize',
  ];
  const { opened, refused, handler } = opener(signingIn(AUTHORIZATION_URL));
  for (const url of urls) assert.deepEqual(handler({ url }), DENY_NEW_WINDOW, url);
  await settle();
  assert.deepEqual(opened, []);
  assert.deepEqual(refused, urls.map(() => 'Refusing to open an address that is not the sign-in page of the sign-in under way.'), 'the refusal does not repeat the URL');
});

test('with no sign-in pending (or once the code is being exchanged), no new-window request opens anything, not even an authorization URL', async () => {
  for (const state of [appState(), null, signingIn(AUTHORIZATION_URL, 'exchanging_code')]) {
    const { opened, refused, handler } = opener(state);
    for (const url of [AUTHORIZATION_URL, 'https://evil.example/api/oauth2/Authorize?state=s', 'file:///etc/passwd', 'app://airisk/index.html', 'javascript:alert(1)']) {
      assert.deepEqual(handler({ url }), DENY_NEW_WINDOW, url);
    }
    await settle();
    assert.deepEqual(opened, []);
    assert.equal(refused.length, 5);
    assert.ok(refused.every((reason) => reason === 'No sign-in is under way, so there is no sign-in page to open.'));
  }
});

test('a pending URL that is not the configured endpoint still does not pass the allowlist', async () => {
  const { opened, refused, handler } = opener(signingIn('https://evil.example/api/oauth2/Authorize?state=s'));
  handler({ url: 'https://evil.example/api/oauth2/Authorize?state=s' });
  await settle();
  assert.deepEqual(opened, []);
  assert.deepEqual(refused, ['Refusing to open an address that is not the configured AIRisk sign-in page.']);
});

test('the service’s openUrl opens the authorization URL it built, and nothing off the allowlist', async () => {
  const { opened, openUrl } = opener(null);
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

test('a window cannot open a release page: its links reach only the pending sign-in page', async () => {
  const { opened, refused, handler } = opener(null);
  handler({ url: 'https://github.com/airisk/airisk-token-tray/releases/tag/v1.2.3' });
  await settle();
  assert.deepEqual(opened, []);
  assert.equal(refused.length, 1);
});
