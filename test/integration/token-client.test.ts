import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, test } from 'node:test';
import { isSignInError } from '../../src-main/core/oauth/sign-in-error.ts';
import { exchangeCode } from '../../src-main/core/oauth/token-client.ts';
import { completeConsent } from '../support/consent.ts';
import { startSandbox, type Sandbox } from '../sandbox/sandbox-server.ts';
import { sandboxConfig } from '../support/sign-in-fixtures.ts';

let sandbox: Sandbox;
before(async () => {
  sandbox = await startSandbox();
});
after(() => sandbox.close());

/** A code from the sandbox for the seed's own redirect URI, approved without a callback server. */
async function codeFor(userid?: string): Promise<string> {
  const url = new URL('/api/oauth2/Authorize', sandbox.url);
  url.search = new URLSearchParams({ response_type: 'code', client_id: 'demo-client', redirect_uri: 'https://localhost/callback', state: 's', ...(userid === undefined ? {} : { userid }) }).toString();
  const { location } = await completeConsent(url.href, 'approve', { followRedirect: false });
  return new URL(location).searchParams.get('code') ?? '';
}

const exchange = (code: string, extra: { userid?: string; redirectUri?: string } = {}) => ({
  config: sandboxConfig(sandbox),
  redirectUri: extra.redirectUri ?? 'https://localhost/callback',
  code,
  ...(extra.userid === undefined ? {} : { userid: extra.userid }),
});

test('exchanges a code posted exactly as the documentation’s curl example (form, no PKCE)', async () => {
  const token = await exchangeCode(exchange(await codeFor()));
  assert.match(token.accessToken, /^[\w-]+\.[\w-]+\.[\w-]+$/);
  assert.equal(sandbox.tokenRequests.at(-1)?.contentType, 'application/x-www-form-urlencoded');
  assert.deepEqual(sandbox.tokenRequests.at(-1)?.fieldNames, ['client_id', 'client_secret', 'redirect_uri', 'code']);
});

test('a replayed code is rejected with invalid_grant and advice to sign in again', async () => {
  const code = await codeFor();
  await exchangeCode(exchange(code));
  await assert.rejects(exchangeCode(exchange(code)), (error) => isSignInError(error, 'token_rejected') && error.oauthError === 'invalid_grant' && /AIRisk rejected the code: invalid_grant/.test(error.message) && /sign in again/.test(error.message) && !error.message.includes(code));
});

test('a userid that differs from the authorization request is rejected', async () => {
  await assert.rejects(exchangeCode(exchange(await codeFor('user_42'), { userid: 'user_43' })), (error) => isSignInError(error, 'token_rejected') && error.oauthError === 'invalid_grant');
});

test('no server at the address → token_network naming the address', async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as { port: number }).port;
  await new Promise((resolve) => closed.close(resolve));
  await assert.rejects(
    exchangeCode({ ...exchange('code'), config: { ...sandboxConfig(sandbox), baseUrl: `http://127.0.0.1:${port}` } }),
    (error) => isSignInError(error, 'token_network') && error.message.includes(`http://127.0.0.1:${port}`) && /ECONNREFUSED/.test(error.message),
  );
});

/** A bare server for answers the sandbox never gives. */
async function serve(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` };
}

test('an oversized answer is cut off and refused', async () => {
  const { server, url } = await serve((_, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ access_token: 'a'.repeat(200_000), expiration: '2030-01-01T00:00:00Z' }));
  });
  try {
    await assert.rejects(exchangeCode({ ...exchange('code'), config: { ...sandboxConfig(sandbox), baseUrl: url } }), (error) => isSignInError(error, 'token_response_too_large') && /64 KiB/.test(error.message));
  } finally {
    server.close();
  }
});

test('a redirect from the token endpoint is not followed and is reported', async () => {
  const { server, url } = await serve((_, res) => {
    res.writeHead(302, { Location: 'https://elsewhere.example/login' });
    res.end();
  });
  try {
    await assert.rejects(exchangeCode({ ...exchange('code'), config: { ...sandboxConfig(sandbox), baseUrl: url } }), (error) => isSignInError(error, 'token_http_error') && /HTTP 302/.test(error.message) && /elsewhere\.example/.test(error.message));
  } finally {
    server.close();
  }
});

test('a token with spaces, and a JSON array, are refused', async () => {
  for (const body of [JSON.stringify({ access_token: 'two words', expiration: '2030-01-01T00:00:00Z' }), '[]']) {
    const { server, url } = await serve((_, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(body);
    });
    try {
      await assert.rejects(exchangeCode({ ...exchange('code'), config: { ...sandboxConfig(sandbox), baseUrl: url } }), (error) => isSignInError(error, 'token_invalid_response'));
    } finally {
      server.close();
    }
  }
});

test('clock skew is measured from AIRisk’s Date header', async () => {
  const { server, url } = await serve((_, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', Date: new Date(Date.now() + 120_000).toUTCString() });
    res.end(JSON.stringify({ access_token: 'tok', expiration: '2030-01-01T00:00:00Z' }));
  });
  try {
    const token = await exchangeCode({ ...exchange('code'), config: { ...sandboxConfig(sandbox), baseUrl: url } });
    assert.ok(Math.abs(token.clockSkewMs - 120_000) < 1500, `skew ${token.clockSkewMs}`);
  } finally {
    server.close();
  }
});

test('an aborted exchange reports cancelled, not a network error', async () => {
  sandbox.setFault('slow-token', { delayMs: 5_000 });
  try {
    const controller = new AbortController();
    const pending = exchangeCode(exchange('code'), { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(pending, (error) => isSignInError(error, 'cancelled'));
  } finally {
    sandbox.setFault(null);
  }
});
