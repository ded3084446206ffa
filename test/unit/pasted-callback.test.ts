import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parsePastedCallback, type PastedCallbackExpectation } from '../../src-main/core/oauth/pasted-callback.ts';
import { SignInError } from '../../src-main/core/oauth/sign-in-error.ts';
import type { SignInErrorCode } from '../../src-main/core/oauth/sign-in-error.ts';

const STATE = 'kY3v0Jf2mQeXy8s1Wb7rTq4uNc6pZa9d';
const CODE = 'SplxlOBeZQQYbYS6WxSbIA-secret-code';
const ISSUER = 'https://api.AIRisk.example.com';
const expected = { redirectUri: 'https://localhost/callback', state: STATE, issuer: ISSUER };

function rejects(pasted: string, code: SignInErrorCode, pattern: RegExp, expectation: PastedCallbackExpectation = expected): SignInError {
  let caught: SignInError | undefined;
  assert.throws(
    () => parsePastedCallback(pasted, expectation),
    (error: unknown) => {
      assert.ok(error instanceof SignInError, String(error));
      assert.equal(error.code, code);
      assert.match(error.message, pattern);
      caught = error;
      return true;
    },
  );
  assert.ok(caught);
  return caught;
}

function neverLeaks(error: SignInError, pasted: string): void {
  assert.ok(!error.message.includes(CODE), 'message contains the code');
  assert.ok(!error.message.includes(pasted.trim()), 'message contains the pasted URL');
}

describe('parsePastedCallback', () => {
  test('returns the code from the URL the browser was redirected to', () => {
    assert.equal(parsePastedCallback(`https://localhost/callback?code=${CODE}&state=${STATE}`, expected), CODE);
  });

  test('trims whitespace and quotes around the pasted URL', () => {
    const url = `https://localhost/callback?state=${STATE}&code=${CODE}`;
    for (const pasted of [`  ${url}\n`, `"${url}"`, `'${url}'`, `<${url}>`, `\t"${url}" `]) {
      assert.equal(parsePastedCallback(pasted, expected), CODE);
    }
  });

  test('accepts the default port written out or omitted', () => {
    assert.equal(parsePastedCallback(`https://localhost:443/callback?code=${CODE}&state=${STATE}`, expected), CODE);
    const explicit = { redirectUri: 'https://localhost:443/callback', state: STATE, issuer: ISSUER };
    assert.equal(parsePastedCallback(`https://localhost/callback?code=${CODE}&state=${STATE}`, explicit), CODE);
  });

  test('accepts an address copied without its scheme', () => {
    assert.equal(parsePastedCallback(`localhost/callback?code=${CODE}&state=${STATE}`, expected), CODE);
  });

  test('decodes a percent-encoded code', () => {
    assert.equal(parsePastedCallback(`https://localhost/callback?code=a%2Bb%2F%3D&state=${STATE}`, expected), 'a+b/=');
  });

  test('rejects text that is not a URL', () => {
    for (const pasted of ['', '   ', 'hello there', 'mailto:me@example.com', 'http://']) {
      rejects(pasted, 'paste_invalid', /not a URL.*Copy the whole address/);
    }
  });

  test('rejects a URL for a different address', () => {
    const cases = [
      `http://localhost/callback?code=${CODE}&state=${STATE}`, // scheme
      `https://127.0.0.1/callback?code=${CODE}&state=${STATE}`, // host
      `https://localhost:8443/callback?code=${CODE}&state=${STATE}`, // port
      `https://localhost/other?code=${CODE}&state=${STATE}`, // path
      `https://evil.example/callback?code=${CODE}&state=${STATE}`,
    ];
    for (const pasted of cases) {
      const error = rejects(pasted, 'paste_invalid', /not the address AIRisk sends you back to \(https:\/\/localhost\/callback\)/);
      neverLeaks(error, pasted);
    }
  });

  test('rejects a missing or wrong state as a different sign-in', () => {
    for (const pasted of [
      `https://localhost/callback?code=${CODE}`,
      `https://localhost/callback?code=${CODE}&state=someone-elses-state`,
      `https://localhost/callback?code=${CODE}&state=${STATE}x`,
      `https://localhost/callback?code=${CODE}&state=${STATE}&state=${STATE}`,
    ]) {
      const error = rejects(pasted, 'paste_invalid', /This URL belongs to a different sign-in — start again/);
      neverLeaks(error, pasted);
    }
  });

  test('rejects a URL without a code', () => {
    rejects(`https://localhost/callback?state=${STATE}`, 'paste_invalid', /no authorization code/);
    rejects(`https://localhost/callback?state=${STATE}&code=`, 'paste_invalid', /no authorization code/);
  });

  test('turns error=access_denied into access_denied quoting AIRisk, without claiming the person declined', () => {
    const error = rejects(
      `https://localhost/callback?error=access_denied&error_description=User+said+no&state=${STATE}`,
      'access_denied',
      /^AIRisk refused the sign-in \(access_denied\): “User said no”\. No token was requested\./,
    );
    assert.equal(error.oauthError, 'access_denied');
    assert.doesNotMatch(error.message, /declined/);
  });

  test('a pasted access_denied names who the sign-in was for: the user and the connection', () => {
    rejects(
      `https://localhost/callback?error=access_denied&state=${STATE}`,
      'access_denied',
      /^AIRisk refused the sign-in for user_42 on Staging \(access_denied\) without giving a reason/,
      { ...expected, subject: 'user_42 on Staging' },
    );
  });

  test('error=access_denied without a description says AIRisk refused the sign-in and gave no reason', () => {
    const error = rejects(
      `https://localhost/callback?error=access_denied&state=${STATE}`,
      'access_denied',
      /^AIRisk refused the sign-in \(access_denied\) without giving a reason, so no token was requested\./,
    );
    assert.doesNotMatch(error.message, /declined|“/);
    assert.match(error.message, /check the client settings .*scope/);
  });

  test('refuses a pasted URL whose iss names another issuer, naming both (RFC 9207)', () => {
    const error = rejects(
      `https://localhost/callback?code=${CODE}&state=${STATE}&iss=${encodeURIComponent('https://evil.example\u202E/x')}`,
      'issuer_mismatch',
      /names the issuer “https:\/\/evil\.example\/x”, but the sign-in expects “https:\/\/api\.AIRisk\.example\.com”, so its code was refused/,
    );
    neverLeaks(error, `https://localhost/callback?code=${CODE}`);
    assert.ok(!error.message.includes('\u202E'), 'the issuer shown is sanitized');
  });

  test('accepts a pasted URL whose iss names the expected issuer, or that has no iss', () => {
    assert.equal(parsePastedCallback(`https://localhost/callback?code=${CODE}&state=${STATE}&iss=${encodeURIComponent(ISSUER)}`, expected), CODE);
    assert.equal(parsePastedCallback(`https://localhost/callback?code=${CODE}&state=${STATE}`, expected), CODE);
    rejects(`https://localhost/callback?code=${CODE}&state=${STATE}&iss=${encodeURIComponent(`${ISSUER}/`)}`, 'issuer_mismatch', /expects/);
  });

  test('turns another error into authorization_error naming it', () => {
    const error = rejects(
      `https://localhost/callback?error=invalid_scope&error_description=Bad%0Ascope%00here&state=${STATE}`,
      'authorization_error',
      /invalid_scope.*Bad scope here/,
    );
    assert.ok(!/[\n\0]/.test(error.message), 'control characters are removed from the description');
  });

  test('treats an error URL with a wrong state as a different sign-in', () => {
    rejects(`https://localhost/callback?error=access_denied&state=nope`, 'paste_invalid', /different sign-in/);
  });

  test('works for an IPv6 loopback redirect with a real port', () => {
    const ipv6 = { redirectUri: 'http://[::1]:51234/cb', state: STATE, issuer: ISSUER };
    assert.equal(parsePastedCallback(`http://[::1]:51234/cb?code=${CODE}&state=${STATE}`, ipv6), CODE);
    rejects(`http://[::1]:51235/cb?code=${CODE}&state=${STATE}`, 'paste_invalid', /not the address/, ipv6);
  });
});
