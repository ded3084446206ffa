import assert from 'node:assert/strict';
import test from 'node:test';
import { hasAcceptableTransport, isLoopbackUrl } from '../../src-main/core/oauth/transport-rule.ts';

test('https is acceptable anywhere; plain http only on 127.0.0.1, [::1] or localhost', () => {
  for (const url of ['https://api.AIRisk.example.com', 'https://10.0.0.1:8443/x', 'http://127.0.0.1:8790', 'http://[::1]:8790', 'http://localhost']) {
    assert.equal(hasAcceptableTransport(new URL(url)), true, url);
  }
  for (const url of ['http://api.AIRisk.example.com', 'http://127.0.0.2', 'http://localhost.evil.example', 'ftp://127.0.0.1', 'file:///etc/passwd', 'javascript:alert(1)']) {
    assert.equal(hasAcceptableTransport(new URL(url)), false, url);
  }
});

test('loopback means the names that reach only this computer, not look-alikes', () => {
  assert.equal(isLoopbackUrl(new URL('http://LOCALHOST:1')), true);
  assert.equal(isLoopbackUrl(new URL('http://0x7f000001')), true, 'the URL parser normalises it to 127.0.0.1');
  assert.equal(isLoopbackUrl(new URL('http://127.0.0.1.nip.io')), false);
});
