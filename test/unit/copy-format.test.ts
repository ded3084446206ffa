import assert from 'node:assert/strict';
import { test } from 'node:test';
import { COPY_FORMATS, DEFAULT_COPY_FORMAT, formatForClipboard, isCopyFormat, needsBaseUrl } from '../../src-main/core/clipboard/copy-format.ts';
import { isHeaderSafeToken } from '../../src-main/core/oauth/header-safe-token.ts';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyXzQyIn0.c2lnbmF0dXJl-_';
const TARGET = { baseUrl: 'https://api.AIRisk.example.com' };

test('header format is the whole Authorization header line, and the default', () => {
  assert.equal(formatForClipboard(JWT, 'header'), `Authorization: Bearer ${JWT}`);
  assert.equal(formatForClipboard(JWT), `Authorization: Bearer ${JWT}`);
  assert.equal(DEFAULT_COPY_FORMAT, 'header');
});

test('token format is the bare token', () => {
  assert.equal(formatForClipboard('opaque.Token~123+/==', 'token'), 'opaque.Token~123+/==');
});

test('curl format is an -H option with the header in double quotes', () => {
  assert.equal(formatForClipboard(JWT, 'curl'), `-H "Authorization: Bearer ${JWT}"`);
});

test('the shell formats refuse a token beyond b64token (its quoting would differ between shells), naming the fix', () => {
  for (const token of ['a$b`c"d\\e!f', "it's", 'a=b']) {
    for (const format of ['curl', 'curl-command', 'httpie', 'export-posix', 'export-powershell'] as const) {
      assert.throws(() => formatForClipboard(token, format, TARGET), (error: unknown) => error instanceof RangeError && /copy the header or the bare token instead/.test(error.message) && !error.message.includes(token), `${format} ${token}`);
    }
  }
});

test('refuses an empty token or one that would break the header line, without echoing it', () => {
  for (const token of ['', 'two words', 'line\nbreak', 'cr\rlf', 'tab\there', 'naïve']) {
    for (const format of COPY_FORMATS) {
      assert.throws(
        () => formatForClipboard(token, format, TARGET),
        (error: unknown) => error instanceof RangeError && (token === '' || !error.message.includes(token)),
      );
    }
  }
});

test('recognises exactly the seven formats', () => {
  assert.deepEqual([...COPY_FORMATS], ['header', 'token', 'curl', 'curl-command', 'httpie', 'export-posix', 'export-powershell']);
  for (const format of COPY_FORMATS) assert.equal(isCopyFormat(format), true);
  for (const value of ['Header', 'bearer', '', 'curl ', 'Curl-Command', 'export', 'default', null, undefined, 0, {}, ['header']]) {
    assert.equal(isCopyFormat(value), false, `accepted ${JSON.stringify(value)}`);
  }
});

test('curl-command is a whole curl command against the base URL, both single-quoted', () => {
  assert.equal(formatForClipboard(JWT, 'curl-command', TARGET), `curl -H 'Authorization: Bearer ${JWT}' 'https://api.airisk.example.com/'`);
  assert.equal(formatForClipboard(JWT, 'curl-command', { baseUrl: "http://127.0.0.1:8790/it's" }), `curl -H 'Authorization: Bearer ${JWT}' 'http://127.0.0.1:8790/it%27s'`, 'a quote in the path is percent-encoded');
  for (const baseUrl of ['https://me:pw@api.airisk.example.com/', 'https://api.airisk.example.com/?a=1', 'https://api.airisk.example.com/#x']) {
    assert.throws(() => formatForClipboard(JWT, 'curl-command', { baseUrl }), /user name, a query or a fragment/, baseUrl);
  }
});

test('httpie is an http command with the header as a Name:Value item', () => {
  assert.equal(formatForClipboard(JWT, 'httpie', TARGET), `http 'https://api.airisk.example.com/' 'Authorization:Bearer ${JWT}'`);
  assert.throws(() => formatForClipboard('a\\b', 'httpie', TARGET), RangeError, 'a backslash, which HTTPie reads as an escape, is beyond b64token');
});

test('export lines set AIRISK_TOKEN in single quotes for POSIX shells and PowerShell', () => {
  assert.equal(formatForClipboard(JWT, 'export-posix'), `export AIRISK_TOKEN='${JWT}'`);
  assert.equal(formatForClipboard('~it', 'export-posix'), `export AIRISK_TOKEN='~it'`);
  assert.equal(formatForClipboard(JWT, 'export-powershell'), `$env:AIRISK_TOKEN = '${JWT}'`);
  assert.equal(formatForClipboard('abc.DEF-_~+/==', 'export-powershell'), "$env:AIRISK_TOKEN = 'abc.DEF-_~+/=='");
});

test('the command formats refuse without a base URL, or with one that is not an http(s) URL, without echoing the token', () => {
  for (const format of COPY_FORMATS.filter(needsBaseUrl)) {
    for (const target of [undefined, { baseUrl: 'not a url' }, { baseUrl: 'file:///etc/passwd' }]) {
      assert.throws(
        () => formatForClipboard(JWT, format, target),
        (error: unknown) => error instanceof RangeError && !error.message.includes(JWT) && /base URL/.test(error.message),
      );
    }
  }
  assert.deepEqual(COPY_FORMATS.filter(needsBaseUrl), ['curl-command', 'httpie']);
});

test('the one header-safe rule: printable ASCII without spaces, shared by the token client and every copy', () => {
  assert.equal(isHeaderSafeToken(JWT), true);
  assert.equal(isHeaderSafeToken('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'), true);
  for (const token of ['', ' ', 'a b', 'a\nb', 'a\u0000b', 'a\u007fb', 'é', 'a\u2028b']) assert.equal(isHeaderSafeToken(token), false, JSON.stringify(token));
});
