import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serverContentType, serverRedirectOrigin, serverText } from '../../src-main/core/oauth/server-text.ts';

test('server text loses control and format characters: bidi overrides, zero-width, BOM, C0 and C1', () => {
  assert.equal(serverText('\uFEFFinvoice\u202Efdp.exe', 100), 'invoicefdp.exe');
  assert.equal(serverText('ad\u200Bmin\u200D \u2066x\u2069', 100), 'admin x');
  assert.equal(serverText('line one\r\nline two\u0085three\u009B31m\u0000', 100), 'line one line two three 31m');
  assert.equal(serverText('a\u2028b\u2029c\uE000d', 100), 'a b cd');
  assert.doesNotMatch(serverText('\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u2067\u2068\u00AD\u180E', 100), /[\p{Cc}\p{Cf}]/u);
});

test('server text is capped by characters, not UTF-16 units, with an ellipsis', () => {
  assert.equal(serverText('abcdef', 4), 'abc…');
  assert.equal(serverText('😀😀😀😀😀', 3), '😀😀…');
  assert.equal(serverText('  spaced   out  ', 40), 'spaced out');
});

test('a redirect shows as its origin only, whatever its path and query carry', () => {
  assert.equal(serverRedirectOrigin('https://evil.example:8443/\u202Elogin?next=x', 'http://127.0.0.1:1/Token'), 'https://evil.example:8443');
  assert.equal(serverRedirectOrigin('/login', 'http://127.0.0.1:9/api/oauth2/Token'), 'http://127.0.0.1:9');
  assert.equal(serverRedirectOrigin('https://bücher.example/', 'http://127.0.0.1:1/'), 'https://xn--bcher-kva.example');
  assert.equal(serverRedirectOrigin('javascript:alert(1)', 'http://127.0.0.1:1/'), 'a javascript: address');
  assert.equal(serverRedirectOrigin('http://[', 'http://127.0.0.1:1/'), 'an address that is not a URL');
  assert.equal(serverRedirectOrigin(null, 'http://127.0.0.1:1/'), 'nowhere');
});

test('a content type shows as its media type only, sanitized', () => {
  assert.equal(serverContentType('text/html\u202E; charset=utf-8'), 'text/html');
  assert.equal(serverContentType(null), 'no content type');
  assert.equal(serverContentType('\u200B'), 'no content type');
});

test('the callback and the token endpoint quote a long error code and description with the same caps', async () => {
  const { readCallbackParameters } = await import('../../src-main/core/oauth/callback-parameters.ts');
  const { tokenRefusalError } = await import('../../src-main/core/oauth/token-refusal.ts');
  const code = `invalid_${'x'.repeat(200)}`;
  const description = `Because ${'y'.repeat(500)}`;
  const callback = readCallbackParameters(new URLSearchParams({ state: 's', error: code, error_description: description }), { state: 's', issuer: 'https://a.example' });
  assert.equal(callback.kind, 'error');
  if (callback.kind !== 'error') return;
  const refusal = tokenRefusalError({ status: 400, contentType: 'application/json', location: null, url: 'https://a.example/Token', oauthError: { error: code, description }, encoding: 'form' });
  assert.equal(refusal.oauthError, callback.oauthError, 'the same error code on both sides');
  assert.ok(refusal.message.includes(` — ${callback.description}.`), 'the same description on both sides');
  assert.equal([...callback.oauthError].length, 64);
});
