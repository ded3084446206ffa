import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codeChallengeS256, createPkcePair, createState } from '../../src-main/core/oauth/pkce.ts';

test('S256 challenge matches the RFC 7636 Appendix B vector', () => {
  assert.equal(codeChallengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'), 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
});

test('a fresh verifier is 43 unreserved characters and its challenge is derived from it', () => {
  const pair = createPkcePair();
  assert.match(pair.verifier, /^[A-Za-z0-9\-._~]{43}$/);
  assert.equal(pair.challenge, codeChallengeS256(pair.verifier));
  assert.equal(pair.method, 'S256');
  assert.notEqual(createPkcePair().verifier, pair.verifier);
});

test('state carries at least 128 random bits and never repeats', () => {
  const states = new Set(Array.from({ length: 200 }, () => createState()));
  assert.equal(states.size, 200);
  for (const state of states) assert.ok(Buffer.from(state, 'base64url').length * 8 >= 128);
});
