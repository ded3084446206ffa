import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { expectedIssuer } from '../../src-main/core/oauth/client-config.ts';

describe('expectedIssuer', () => {
  test('is the base URL without a trailing slash when no issuer is configured', () => {
    assert.equal(expectedIssuer({ baseUrl: 'https://api.AIRisk.example.com' }), 'https://api.AIRisk.example.com');
    assert.equal(expectedIssuer({ baseUrl: 'https://api.AIRisk.example.com/' }), 'https://api.AIRisk.example.com');
    assert.equal(expectedIssuer({ baseUrl: 'https://sso.example.com/realms/airisk//' }), 'https://sso.example.com/realms/airisk');
  });

  test('is the configured issuer, exactly as written apart from surrounding spaces', () => {
    assert.equal(expectedIssuer({ baseUrl: 'https://api.AIRisk.example.com', issuer: ' https://login.example/ ' }), 'https://login.example/');
  });

  test('an empty configured issuer means the base URL', () => {
    assert.equal(expectedIssuer({ baseUrl: 'https://api.AIRisk.example.com/', issuer: '  ' }), 'https://api.AIRisk.example.com');
  });
});
