import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatRedirectUri, parseLoopbackRedirectUri } from '../../src-main/core/oauth/redirect-uri.ts';
import { SignInError } from '../../src-main/core/oauth/sign-in-error.ts';

function assertInvalid(uri: string, pattern: RegExp): void {
  assert.throws(
    () => parseLoopbackRedirectUri(uri),
    (error: unknown) => {
      assert.ok(error instanceof SignInError);
      assert.equal(error.code, 'invalid_configuration');
      assert.match(error.message, pattern);
      return true;
    },
  );
}

describe('parseLoopbackRedirectUri', () => {
  test('splits an IPv4 loopback URI with an explicit port', () => {
    assert.deepEqual(parseLoopbackRedirectUri('http://127.0.0.1:8765/callback'), {
      protocol: 'http',
      hostname: '127.0.0.1',
      port: 8765,
      portExplicit: true,
      path: '/callback',
      listenHosts: ['127.0.0.1'],
    });
  });

  test('accepts the IPv6 loopback and listens on ::1 only', () => {
    const redirect = parseLoopbackRedirectUri('http://[::1]:9000/cb');
    assert.equal(redirect.hostname, '::1');
    assert.equal(redirect.port, 9000);
    assert.deepEqual(redirect.listenHosts, ['::1']);
  });

  test('listens on both loopbacks for localhost', () => {
    const redirect = parseLoopbackRedirectUri('https://localhost:8443/callback');
    assert.equal(redirect.protocol, 'https');
    assert.equal(redirect.hostname, 'localhost');
    assert.deepEqual(redirect.listenHosts, ['127.0.0.1', '::1']);
  });

  test('uses the scheme default port when none is given', () => {
    const http = parseLoopbackRedirectUri('http://127.0.0.1/callback');
    assert.equal(http.port, 80);
    assert.equal(http.portExplicit, false);
    const https = parseLoopbackRedirectUri('https://localhost/callback');
    assert.equal(https.port, 443);
    assert.equal(https.portExplicit, false);
  });

  test('keeps port 0 as "any free port"', () => {
    const redirect = parseLoopbackRedirectUri('http://127.0.0.1:0/callback');
    assert.equal(redirect.port, 0);
    assert.equal(redirect.portExplicit, true);
  });

  test('an explicit default port still counts as explicit', () => {
    const redirect = parseLoopbackRedirectUri('http://127.0.0.1:80/callback');
    assert.equal(redirect.port, 80);
    assert.equal(redirect.portExplicit, true);
  });

  test('normalizes host case and gives "/" for an empty path', () => {
    const redirect = parseLoopbackRedirectUri('http://LocalHost:8765');
    assert.equal(redirect.hostname, 'localhost');
    assert.equal(redirect.path, '/');
  });

  test('rejects a URI that cannot be parsed', () => {
    assertInvalid('not a uri', /not a valid URL.*http:\/\/127\.0\.0\.1:8765\/callback/);
    assertInvalid('', /not a valid URL/);
  });

  test('rejects a scheme other than http or https', () => {
    assertInvalid('ftp://127.0.0.1:8765/callback', /scheme "ftp:".*http:\/\//);
    assertInvalid('com.example.app:/callback', /scheme/);
  });

  test('rejects a host that is not a loopback address (RFC 8252 §7.3)', () => {
    for (const uri of ['http://example.com:8765/callback', 'http://0.0.0.0:8765/cb', 'http://192.168.1.2/cb', 'http://127.0.0.2/cb']) {
      assertInvalid(uri, /must be a loopback address such as http:\/\/127\.0\.0\.1:8765\/callback/);
    }
  });

  test('rejects userinfo', () => {
    assertInvalid('http://user:pw@127.0.0.1:8765/callback', /user name or password.*Remove/);
    assertInvalid('http://user@127.0.0.1:8765/callback', /user name or password/);
  });

  test('rejects a fragment, even an empty one', () => {
    assertInvalid('http://127.0.0.1:8765/callback#x', /fragment.*Remove/);
    assertInvalid('http://127.0.0.1:8765/callback#', /fragment/);
  });

  test('rejects a query, even an empty one', () => {
    assertInvalid('http://127.0.0.1:8765/callback?a=b', /query.*Remove/);
    assertInvalid('http://127.0.0.1:8765/callback?', /query/);
  });
});

describe('formatRedirectUri', () => {
  test('fills in the real port for port 0', () => {
    assert.equal(formatRedirectUri(parseLoopbackRedirectUri('http://127.0.0.1:0/callback'), 51234), 'http://127.0.0.1:51234/callback');
  });

  test('puts IPv6 in brackets', () => {
    assert.equal(formatRedirectUri(parseLoopbackRedirectUri('http://[::1]:0/cb'), 4000), 'http://[::1]:4000/cb');
  });

  test('omits the port only when the configured URI omitted it', () => {
    assert.equal(formatRedirectUri(parseLoopbackRedirectUri('https://localhost/callback'), 443), 'https://localhost/callback');
    assert.equal(formatRedirectUri(parseLoopbackRedirectUri('http://127.0.0.1:80/callback'), 80), 'http://127.0.0.1:80/callback');
    assert.equal(formatRedirectUri(parseLoopbackRedirectUri('http://localhost:8765/callback'), 8765), 'http://localhost:8765/callback');
  });

  test('round-trips a configured URI unchanged', () => {
    for (const uri of ['http://127.0.0.1:8765/callback', 'http://[::1]:8765/oauth/done', 'https://localhost:8443/callback']) {
      const redirect = parseLoopbackRedirectUri(uri);
      assert.equal(formatRedirectUri(redirect, redirect.port), uri);
    }
  });
});
