import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clientSecretOriginProblem, originOf } from '../../src-main/core/settings/client-secret-origin.ts';
import { connectionView } from '../../src-main/core/settings/connection-view.ts';
import { DEFAULT_CONNECTION_FIELDS } from '../../src-main/core/settings/stored-settings.ts';
import { sealClientSecret, unsealClientSecret } from '../../src-main/core/vault/client-secret-seal.ts';
import { readStoredConnection } from '../../src-main/core/vault/read-store-connection.ts';

const SECRET = { ciphertext: 'c1ph3r', backend: 'node-aes-256-gcm' };

test('a client secret may be sent only to the origin it was saved for; a path change keeps it', () => {
  assert.equal(clientSecretOriginProblem('https://a.example', 'https://a.example/airisk'), undefined);
  assert.equal(clientSecretOriginProblem('https://a.example', 'https://a.example'), undefined);
  assert.equal(clientSecretOriginProblem('https://a.example', 'https://b.example'), 'The client secret was saved for https://a.example; enter it again for https://b.example. A secret is only ever sent to the address it was entered for.');
  assert.match(clientSecretOriginProblem('https://a.example', 'http://a.example') ?? '', /enter it again for http:\/\/a\.example/);
  assert.match(clientSecretOriginProblem('https://a.example', 'https://a.example:8443') ?? '', /for https:\/\/a\.example:8443/);
  assert.match(clientSecretOriginProblem('http://127.0.0.1:8790', 'http://localhost:8790') ?? '', /saved for http:\/\/127\.0\.0\.1:8790/);
  assert.equal(
    clientSecretOriginProblem(null, 'https://a.example'),
    'The client secret was saved by an earlier version without the AIRisk address it is for; enter it again for https://a.example (needed once after the update). A secret is only ever sent to the address it was entered for.',
  );
  assert.match(clientSecretOriginProblem('https://a.example', 'not a url') ?? '', /enter it again for the new base URL/);
  assert.equal(originOf('HTTPS://API.AIRisk.example.com:443/x'), 'https://api.airisk.example.com');
  assert.equal(originOf('not a url'), null);
});

test('a sealed client secret carries its origin; an older bare secret reads as origin unknown', () => {
  const sealed = sealClientSecret('s3cret "with" quotes', 'https://a.example');
  assert.deepEqual(unsealClientSecret(sealed), { secret: 's3cret "with" quotes', origin: 'https://a.example' });
  assert.deepEqual(unsealClientSecret('bare-secret'), { secret: 'bare-secret', origin: undefined });
  assert.throws(() => unsealClientSecret(`${sealed.slice(0, 30)}`), /damaged|JSON/);
});

test('the connection view asks for the secret again, and says why, when it was saved for another origin', () => {
  const connection = { id: 'c1', ...DEFAULT_CONNECTION_FIELDS, baseUrl: 'https://b.example', clientSecretStored: 'disk' as const };
  const problem = clientSecretOriginProblem('https://a.example', connection.baseUrl);
  const view = connectionView(connection, problem, 0);
  assert.equal(view.clientSecretSet, false);
  assert.equal(view.clientSecretProblem, 'The client secret was saved for https://a.example; enter it again for https://b.example. A secret is only ever sent to the address it was entered for.');
  assert.deepEqual([connectionView(connection, undefined, 0).clientSecretSet, connectionView(connection, undefined, 0).clientSecretProblem], [true, null]);
  assert.equal(connectionView({ ...connection, clientSecretStored: 'none' }, problem, 0).clientSecretProblem, null, 'no secret, nothing to explain');
});

test('stored connections keep no plain record of the secret\'s origin: a written one is dropped, never trusted', () => {
  const read = readStoredConnection({ id: 'c1', name: 'AIRisk', baseUrl: 'https://b.example', clientSecret: SECRET, clientSecretOrigin: 'https://b.example' }, 'connections[0]', []);
  assert.equal('clientSecretOrigin' in read, false);
  assert.deepEqual(read.clientSecret, SECRET);
});
