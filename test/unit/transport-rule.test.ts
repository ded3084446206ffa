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

test('the callback server accepts as Host exactly the loopback names the transport rule trusts, from one list', async () => {
  const { LOOPBACK_HOST_NAMES } = await import('../../src-main/core/oauth/transport-rule.ts');
  const { allowedHostHeaders } = await import('../../src-main/core/oauth/callback-request.ts');
  assert.deepEqual([...allowedHostHeaders('http', 8790)].sort(), LOOPBACK_HOST_NAMES.map((name) => `${name}:8790`).sort());
  assert.deepEqual([...allowedHostHeaders('http', 80)].sort(), LOOPBACK_HOST_NAMES.flatMap((name) => [`${name}:80`, name]).sort());
  for (const name of LOOPBACK_HOST_NAMES) assert.equal(isLoopbackUrl(new URL(`http://${name}:8790/`)), true, name);
});
