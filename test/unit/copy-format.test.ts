import assert from 'node:assert/strict';
import { test } from 'node:test';
import { COPY_FORMATS, DEFAULT_COPY_FORMAT, formatForClipboard, isCopyFormat } from '../../src-main/core/clipboard/copy-format.ts';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyXzQyIn0.c2lnbmF0dXJl-_';

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

test('curl format single-quotes a token a shell would expand inside double quotes', () => {
  assert.equal(formatForClipboard('a$b`c"d\\e!f', 'curl'), `-H 'Authorization: Bearer a$b\`c"d\\e!f'`);
  assert.equal(formatForClipboard("it's", 'curl'), `-H 'Authorization: Bearer it'\\''s'`);
});

test('refuses an empty token or one that would break the header line, without echoing it', () => {
  for (const token of ['', 'two words', 'line\nbreak', 'cr\rlf', 'tab\there', 'naïve']) {
    for (const format of COPY_FORMATS) {
      assert.throws(
        () => formatForClipboard(token, format),
        (error: unknown) => error instanceof RangeError && (token === '' || !error.message.includes(token)),
      );
    }
  }
});

test('recognises exactly the three formats', () => {
  assert.deepEqual([...COPY_FORMATS], ['header', 'token', 'curl']);
  for (const format of COPY_FORMATS) assert.equal(isCopyFormat(format), true);
  for (const value of ['Header', 'bearer', '', 'curl ', null, undefined, 0, {}, ['header']]) {
    assert.equal(isCopyFormat(value), false, `accepted ${JSON.stringify(value)}`);
  }
});
