import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import { generate } from 'selfsigned';
import type { ConnectionCheck } from '../../src-main/contract.ts';
import { checkConnection } from '../../src-main/core/connections/connection-check.ts';
import type { FetchPort } from '../../src-main/core/oauth/fetch-port.ts';
import type { AiriskClientConfig } from '../../src-main/core/oauth/client-config.ts';
import { startSandbox, type Sandbox } from '../sandbox/sandbox-server.ts';
import { startHostileServer } from '../support/hostile-server.ts';
import { sandboxConfig } from '../support/sign-in-fixtures.ts';

const execFileAsync = promisify(execFile);

let sandbox: Sandbox;
before(async () => {
  sandbox = await startSandbox();
});
after(() => sandbox.close());

/** A bare server on loopback answering every request with `listener`. */
async function serve(listener: RequestListener): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(listener);
  return listen(server, 'http');
}

/** Checks the sandbox's client against a loopback server answering with `listener`, then closes that server. */
async function checkServed(listener: RequestListener, overrides: Partial<AiriskClientConfig> = {}): Promise<{ url: string; check: ConnectionCheck }> {
  const { url, close } = await serve(listener);
  try {
    return { url, check: await checkConnection(sandboxConfig(sandbox, { baseUrl: url, ...overrides }), {}) };
  } finally {
    await close();
  }
}

async function listen(server: Server | ReturnType<typeof createHttpsServer>, scheme: 'http' | 'https'): Promise<{ url: string; close: () => Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Every message of a check, for asserting what none of them may contain. */
function messages(check: ConnectionCheck): string {
  return `${check.authorization.message}\n${check.token.message}`;
}

/** Real fetch that also counts the requests, to prove that nothing was sent. */
function countingFetch(calls: string[]): FetchPort {
  return (url, init) => {
    calls.push(`${init.method} ${url}`);
    return fetch(url, init);
  };
}

test('the sandbox with the demo client passes both steps', async () => {
  const check = await checkConnection(sandboxConfig(sandbox), {});
  assert.equal(check.authorization.verdict, 'ok');
  assert.equal(check.authorization.message, `The sign-in page at ${sandbox.url}/api/oauth2/Authorize answers (HTTP 400).`);
  assert.deepEqual(check.token, { verdict: 'ok', message: 'AIRisk did not refuse the client id and secret (it refused the made-up code, as expected).' });
});

test('the test code is posted exactly as a sign-in posts its code, PKCE verifier included, with a concrete redirect port', async () => {
  const bodies: string[] = [];
  const fetchPort: FetchPort = (url, init) => {
    if (init.body !== null) bodies.push(init.body);
    return fetch(url, init);
  };
  await checkConnection(sandboxConfig(sandbox), { fetch: fetchPort });
  assert.deepEqual(sandbox.tokenRequests.at(-1)?.fieldNames, ['grant_type', 'client_id', 'client_secret', 'redirect_uri', 'code', 'code_verifier']);
  const fields = new URLSearchParams(bodies[0] ?? '');
  assert.match(fields.get('code') ?? '', /^airisk-token-tray-connection-check-[0-9a-f]{32}$/);
  assert.equal(fields.get('redirect_uri'), 'http://127.0.0.1:8765/callback');
});

test('the JSON body encoding is checked as JSON', async () => {
  const check = await checkConnection(sandboxConfig(sandbox, { bodyEncoding: 'json' }), {});
  assert.equal(check.token.verdict, 'ok');
  assert.equal(sandbox.tokenRequests.at(-1)?.encoding, 'json');
});

test('a wrong client secret fails the token step with invalid_client, and the secret is in no message', async () => {
  const check = await checkConnection(sandboxConfig(sandbox, { clientSecret: 'wrong-secret-value' }), {});
  assert.equal(check.authorization.verdict, 'ok');
  assert.equal(check.token.verdict, 'failed');
  assert.match(check.token.message, /did not accept the client id or secret \(invalid_client\): check them/);
  assert.doesNotMatch(messages(check), /wrong-secret-value/);
});

test('a missing client secret skips the token step with a sentence, after checking the sign-in page', async () => {
  const check = await checkConnection(sandboxConfig(sandbox, { clientSecret: '' }), {});
  assert.equal(check.authorization.verdict, 'ok');
  assert.equal(check.token.verdict, 'skipped');
  assert.match(check.token.message, /no client secret is set/);
});

test('a closed port is a network failure and the token step is not tried', async () => {
  const { url, close } = await serve(() => undefined);
  await close();
  const calls: string[] = [];
  const check = await checkConnection(sandboxConfig(sandbox, { baseUrl: url }), { fetch: countingFetch(calls) });
  assert.equal(check.authorization.verdict, 'failed');
  assert.equal(check.authorization.message, `Nothing answers at ${url} (ECONNREFUSED): check the base URL and that AIRisk is running.`);
  assert.equal(check.token.verdict, 'skipped');
  assert.match(check.token.message, /^Not tried: nothing answers at/);
  assert.equal(calls.length, 1, 'no token request after the host was unreachable');
});

test('a host name that does not resolve is named as unknown', async (t) => {
  const check = await checkConnection(sandboxConfig(sandbox, { baseUrl: 'https://airisk-connection-check.invalid' }), { timeoutMs: 5_000 });
  if (/No answer/.test(check.authorization.message)) return t.skip('this machine’s resolver does not answer for .invalid names within 5 s');
  assert.equal(check.authorization.verdict, 'failed');
  assert.match(check.authorization.message, /^The host of https:\/\/airisk-connection-check\.invalid is not known \((ENOTFOUND|EAI_AGAIN)\): check the base URL/);
  assert.equal(check.token.verdict, 'skipped');
});

test('a redirect that the fetch refuses to hand back (as Electron’s net.fetch does, REDIRECT_REFUSED) still counts as the page answering', async () => {
  const { url, close } = await serve((_, response) => response.writeHead(302, { Location: 'https://login.example/' }).end());
  // The same rejection as src-main/electron/net-fetch.ts gives for a 3xx under redirect: 'manual'.
  const refusingRedirects: FetchPort = async (target, init) => {
    const response = await fetch(target, init);
    if (response.status >= 300 && response.status < 400) throw Object.assign(new Error('AIRisk answered the token request with a redirect, which is not followed.'), { code: 'REDIRECT_REFUSED' });
    return response;
  };
  try {
    const check = await checkConnection(sandboxConfig(sandbox, { baseUrl: url, clientSecret: '' }), { fetch: refusingRedirects });
    assert.deepEqual(check.authorization, { verdict: 'ok', message: `The sign-in page at ${url}/api/oauth2/Authorize answers (with a redirect).` });
  } finally {
    await close();
  }
});

test('a server that never answers times out after the short timeout', async () => {
  const { url, close } = await serve(() => undefined);
  try {
    const started = Date.now();
    const check = await checkConnection(sandboxConfig(sandbox, { baseUrl: url }), { timeoutMs: 300 });
    assert.ok(Date.now() - started < 5_000);
    assert.equal(check.authorization.verdict, 'failed');
    assert.equal(check.authorization.message, `No answer from ${url} within 0.3 s: check the base URL and your network or proxy.`);
    assert.equal(check.token.verdict, 'skipped');
  } finally {
    await close();
  }
});

test('an https server with a self-signed certificate is a TLS failure naming the code, and no secret is sent to it', async () => {
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], { keyType: 'ec', curve: 'P-256', algorithm: 'sha256' });
  const received: string[] = [];
  const server = createHttpsServer({ key: pems.private, cert: pems.cert }, (request, response) => {
    received.push(request.method ?? '');
    response.writeHead(200).end();
  });
  const { url, close } = await listen(server, 'https');
  try {
    const check = await checkConnection(sandboxConfig(sandbox, { baseUrl: url }), {});
    assert.equal(check.authorization.verdict, 'failed');
    assert.match(check.authorization.message, new RegExp(`^${url} presents a certificate this computer does not trust \\(self-signed or from an unknown authority\\).*\\((DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)\\)\\.$`));
    assert.equal(check.token.verdict, 'skipped');
    assert.deepEqual(received, []);
  } finally {
    await close();
  }
});

test('a server answering 404 everywhere: no sign-in page (check the authorization path), no OAuth (check the token path)', async () => {
  const { url, check } = await checkServed((_, response) => response.writeHead(404, { 'Content-Type': 'text/html' }).end('<h1>Not found</h1>'));
  assert.deepEqual(check.authorization, { verdict: 'failed', message: `There is no sign-in page at ${url}/api/oauth2/Authorize (HTTP 404): check the authorization path.` });
  assert.deepEqual(check.token, { verdict: 'failed', message: `AIRisk does not speak OAuth at ${url}/api/oauth2/Token (HTTP 404, no OAuth error): check the token path.` });
});

test('a server answering an HTML page with 200 everywhere: the page answers, the token endpoint does not speak OAuth', async () => {
  const { url, check } = await checkServed((_, response) => response.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><p>Welcome</p>'));
  assert.equal(check.authorization.verdict, 'ok');
  assert.deepEqual(check.token, { verdict: 'failed', message: `AIRisk does not speak OAuth at ${url}/api/oauth2/Token (HTTP 200, not JSON): check the token path.` });
});

test('a server answering 503 everywhere gets warnings that AIRisk may be having trouble', async () => {
  const { check } = await checkServed((_, response) => response.writeHead(503, { 'Content-Type': 'text/plain' }).end('busy'));
  assert.equal(check.authorization.verdict, 'warning');
  assert.match(check.authorization.message, /answers with HTTP 503: AIRisk may be having trouble/);
  assert.equal(check.token.verdict, 'warning');
  assert.match(check.token.message, /answers with HTTP 503: AIRisk may be having trouble/);
});

test('a sign-in page answering 302, 403 and 405 is ok, a warning and a warning', async () => {
  for (const [status, verdict] of [[302, 'ok'], [403, 'warning'], [405, 'warning']] as const) {
    const { check } = await checkServed((_, response) => response.writeHead(status, { Location: 'https://login.example/' }).end(), { clientSecret: '' });
    assert.equal(check.authorization.verdict, verdict, `HTTP ${status}`);
    assert.match(check.authorization.message, new RegExp(`HTTP ${status}`));
  }
});

test('a hostile token endpoint’s bidi and control characters are removed from its description', async () => {
  const { url, close } = await serve((_, response) => {
    response.writeHead(400, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: 'unauthorized_client\u202E', error_description: 'Look\u202E here\u0007\r\nnow\u2066' }));
  });
  try {
    const check = await checkConnection(sandboxConfig(sandbox, { baseUrl: url }), {});
    assert.equal(check.token.verdict, 'warning');
    assert.match(check.token.message, /^The token endpoint speaks OAuth, but AIRisk refused the token request: unauthorized_client — Look here now/);
    assert.doesNotMatch(check.token.message, /[\p{Cc}\p{Cf}]/u);
  } finally {
    await close();
  }
});

test('a server whose description repeats a short client secret (3 characters) or the test code has its description left out', async () => {
  for (const echoed of ['client_secret', 'code'] as const) {
    const { url, close } = await serve((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const value = new URLSearchParams(Buffer.concat(chunks).toString('utf8')).get(echoed) ?? '';
        response.writeHead(400, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: 'unauthorized_client', error_description: `you sent ${value}` }));
      });
    });
    try {
      const check = await checkConnection(sandboxConfig(sandbox, { baseUrl: url, clientSecret: 'k9q' }), {});
      assert.deepEqual(check.token, { verdict: 'warning', message: "The token endpoint speaks OAuth, but AIRisk's description was left out because it repeated a secret." }, echoed);
      assert.doesNotMatch(messages(check), /k9q|airisk-token-tray-connection-check-/);
    } finally {
      await close();
    }
  }
});

test('a bare 401 from the token endpoint (no OAuth body) means the client id or secret was refused (RFC 6749 §5.2), not a wrong token path', async () => {
  for (const [type, body] of [['text/plain', 'Unauthorized'], ['application/json', '{}']] as const) {
    const { url, close } = await serve((request, response) => {
      if (request.method === 'GET') response.writeHead(400, { 'Content-Type': 'text/html' }).end('missing parameters');
      else response.writeHead(401, { 'Content-Type': type, 'WWW-Authenticate': 'Basic realm="AIRisk"' }).end(body);
    });
    try {
      const check = await checkConnection(sandboxConfig(sandbox, { baseUrl: url }), {});
      assert.deepEqual(check.token, { verdict: 'failed', message: `AIRisk did not accept the client id or secret (HTTP 401) at ${url}/api/oauth2/Token: check them.` }, type);
    } finally {
      await close();
    }
  }
});

test('a hostile token endpoint’s bidi and control characters are removed, and secrets it echoes are left out', async () => {
  const { url, close } = await serve((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const fields = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const echo = `${fields.get('client_secret') ?? ''} ${fields.get('code') ?? ''} ${fields.get('code_verifier') ?? ''}`;
      const description = `Look\u202E here\u0007\r\nnow\u2066 ${echo}`;
      response.writeHead(400, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: 'unauthorized_client\u202E', error_description: description }));
    });
  });
  try {
    const check = await checkConnection(sandboxConfig(sandbox, { baseUrl: url }), {});
    assert.equal(check.token.verdict, 'warning');
    assert.equal(check.token.message, "The token endpoint speaks OAuth, but AIRisk's description was left out because it repeated a secret.");
    for (const message of [check.authorization.message, check.token.message]) assert.doesNotMatch(message, /[\p{Cc}\p{Cf}]/u);
    assert.doesNotMatch(messages(check), /demo-secret|airisk-token-tray-connection-check-/);
  } finally {
    await close();
  }
});

test('a server that issues a token for a made-up code gets a warning, and the token is nowhere in the result', async () => {
  const hostile = await startHostileServer();
  try {
    const check = await checkConnection(sandboxConfig(sandbox, { baseUrl: hostile.origin }), {});
    assert.equal(check.authorization.verdict, 'ok');
    assert.equal(check.token.verdict, 'warning');
    assert.match(check.token.message, /AIRisk issued a token for a made-up code .* it does not check codes/);
    assert.doesNotMatch(JSON.stringify(check), /stolen/);
  } finally {
    await hostile.close();
  }
});

test('an invalid base URL fails both steps naming the field, and nothing is sent', async () => {
  const calls: string[] = [];
  const check = await checkConnection(sandboxConfig(sandbox, { baseUrl: 'http://airisk.example.com' }), { fetch: countingFetch(calls) });
  assert.equal(check.authorization.verdict, 'failed');
  assert.match(check.authorization.message, /base URL must start with https:\/\//);
  assert.equal(check.token.verdict, 'failed');
  assert.match(check.token.message, /base URL must start with https:\/\//);
  assert.deepEqual(calls, []);
});

test('a token path that leaves the base URL’s origin fails the token step and sends the secret nowhere', async () => {
  const hostile = await startHostileServer();
  try {
    const calls: string[] = [];
    const check = await checkConnection(sandboxConfig(sandbox, { tokenPath: `//127.0.0.1:${hostile.port}/api/oauth2/Token` }), { fetch: countingFetch(calls) });
    assert.equal(check.authorization.verdict, 'ok');
    assert.equal(check.token.verdict, 'failed');
    assert.match(check.token.message, /^The token path must start with a single \//);
    assert.deepEqual(calls, [`GET ${sandbox.url}/api/oauth2/Authorize`]);
    assert.deepEqual(hostile.received, []);
  } finally {
    await hostile.close();
  }
});

test('an invalid redirect URI fails the token step with the redirect URI rule’s message', async () => {
  const check = await checkConnection(sandboxConfig(sandbox, { redirectUri: 'https://evil.example/callback' }), {});
  assert.equal(check.token.verdict, 'failed');
  assert.match(check.token.message, /^The redirect URI points at "evil.example", which is not this computer/);
});

/** A certificate authority, and leaf certificates it signs for https servers on 127.0.0.1. */
async function certificateAuthority(): Promise<{ cert: string; issue: (options: { expired?: boolean; host?: string }) => Promise<{ key: string; cert: string }> }> {
  const ca = await generate([{ name: 'commonName', value: 'Connection check test CA' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  const issue = async ({ expired = false, host }: { expired?: boolean; host?: string }): Promise<{ key: string; cert: string }> => {
    const day = 24 * 60 * 60 * 1000;
    const notBeforeDate = new Date(Date.now() - (expired ? 30 : 1) * day);
    const leaf = await generate([{ name: 'commonName', value: host ?? '127.0.0.1' }], {
      keyType: 'ec',
      algorithm: 'sha256',
      notBeforeDate,
      notAfterDate: new Date(expired ? Date.now() - day : Date.now() + day),
      ca: { key: ca.private, cert: ca.cert },
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames: host === undefined ? [{ type: 7, ip: '127.0.0.1' }] : [{ type: 2, value: host }] },
      ],
    });
    return { key: leaf.private, cert: leaf.cert };
  };
  return { cert: ca.cert, issue };
}

/** The check of `baseUrl` in a child Node that trusts `caFile`. */
async function checkInChildTrusting(caFile: string, baseUrl: string): Promise<ConnectionCheck> {
  const child = fileURLToPath(new URL('../support/connection-check-child.ts', import.meta.url));
  const { stdout } = await execFileAsync(process.execPath, [child, baseUrl], { env: { ...process.env, NODE_EXTRA_CA_CERTS: caFile }, timeout: 20_000 });
  return JSON.parse(stdout) as ConnectionCheck;
}

test('https servers with a certificate from a trusted authority: valid is ok, expired and for another host are TLS failures', async (t) => {
  const authority = await certificateAuthority();
  const directory = await mkdtemp(join(tmpdir(), 'airisk-conn-check-'));
  t.after(() => rm(directory, { recursive: true, force: true }));
  const caFile = join(directory, 'ca.pem');
  await writeFile(caFile, authority.cert);
  const cases = [
    { name: 'valid', options: {}, expect: /^The sign-in page at https:\/\/127\.0\.0\.1:\d+\/api\/oauth2\/Authorize answers \(HTTP 400\)\.$/ },
    { name: 'expired', options: { expired: true }, expect: /^https:\/\/127\.0\.0\.1:\d+ presents an expired certificate: .*\(CERT_HAS_EXPIRED\)\.$/ },
    { name: 'another host', options: { host: 'other.example' }, expect: /^https:\/\/127\.0\.0\.1:\d+ presents a certificate for another host name: check the host in the base URL \(ERR_TLS_CERT_ALTNAME_INVALID\)\.$/ },
  ];
  for (const { name, options, expect } of cases) {
    const server = createHttpsServer(await authority.issue(options), (_, response) => response.writeHead(400).end());
    const { url, close } = await listen(server, 'https');
    try {
      const check = await checkInChildTrusting(caFile, url);
      assert.match(check.authorization.message, expect, name);
      assert.equal(check.authorization.verdict, name === 'valid' ? 'ok' : 'failed', name);
      assert.equal(check.token.verdict, 'skipped', name);
    } finally {
      await close();
    }
  }
});
