import assert from 'node:assert/strict';
import { test } from 'node:test';
import { callbackPortUnavailableError } from '../../src-main/core/oauth/callback-port-error.ts';
import { formatRedirectUri, parseLoopbackRedirectUri } from '../../src-main/core/oauth/redirect-uri.ts';
import { hostInUrl } from '../../src-main/core/oauth/url-host.ts';

test('an IPv6 host is bracketed once for a URL; other hosts stay as they are', () => {
  assert.equal(hostInUrl('::1'), '[::1]');
  assert.equal(hostInUrl('[::1]'), '[::1]');
  assert.equal(hostInUrl('127.0.0.1'), '127.0.0.1');
  assert.equal(hostInUrl('localhost'), 'localhost');
});

test('the redirect URI and the port-in-use message bracket ::1 the same way', () => {
  const redirect = parseLoopbackRedirectUri('http://[::1]:8790/callback');
  assert.equal(formatRedirectUri(redirect, 8790), 'http://[::1]:8790/callback');
  assert.match(callbackPortUnavailableError(redirect, '::1', 8790, 'EADDRINUSE').message, /port 8790 on \[::1\] is already in use/);
});
