/** The demo connections a `--data-dir` launch sets up, against the real service and two real sandboxes. */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { upsertDemoConnections } from '../../src-main/core/app/demo-connections.ts';
import { createNodeApp, type NodeApp } from '../support/node-app.ts';
import { sandboxSettings } from '../support/sandbox-settings.ts';
import { ConsentingBrowser } from '../support/sign-in-fixtures.ts';
import { useTwoSandboxes } from '../support/two-sandboxes.ts';

const sandboxes = useTwoSandboxes();

async function startApp(t: TestContext): Promise<NodeApp> {
  const directory = await mkdtemp(join(tmpdir(), 'airisk-demo-connections-'));
  const app = await createNodeApp({ directory, openUrl: new ConsentingBrowser('approve').openUrl });
  t.after(async () => {
    await app.service.shutdown();
    await rm(directory, { recursive: true, force: true });
  });
  return app;
}

test('demo connections are added to an empty store, and a restart edits them instead of adding more', async (t) => {
  const app = await startApp(t);
  const demos = [sandboxSettings(sandboxes.a, 'Sandbox A'), sandboxSettings(sandboxes.b, 'Sandbox B')];
  assert.deepEqual(await upsertDemoConnections(app.service, demos), []);
  const first = (await app.service.getState()).connections;
  assert.deepEqual(first.map((connection) => [connection.name, connection.origin, connection.configured]), [['Sandbox A', sandboxes.a.url, true], ['Sandbox B', sandboxes.b.url, true]]);
  // The sandboxes swapped ports since: the same names now point elsewhere.
  assert.deepEqual(await upsertDemoConnections(app.service, [sandboxSettings(sandboxes.b, 'Sandbox A'), sandboxSettings(sandboxes.a, 'Sandbox B')]), []);
  const second = (await app.service.getState()).connections;
  assert.deepEqual(second.map((connection) => [connection.id, connection.origin]), [[first[0]?.id, sandboxes.b.url], [first[1]?.id, sandboxes.a.url]]);
});

test('a demo connection edits the connection whose name matches as names do (case-insensitively), not a second one beside it', async (t) => {
  const app = await startApp(t);
  const saved = await app.service.saveConnection(null, sandboxSettings(sandboxes.a, 'sandbox a'));
  assert.ok(saved.ok);
  assert.deepEqual(await upsertDemoConnections(app.service, [sandboxSettings(sandboxes.b, 'Sandbox A')]), []);
  const { connections } = await app.service.getState();
  assert.deepEqual(connections.map((connection) => [connection.id, connection.name, connection.origin]), [[saved.connection.id, 'Sandbox A', sandboxes.b.url]]);
});

test('a refused demo connection is reported in a sentence naming it, and the others are still set up', async (t) => {
  const app = await startApp(t);
  const refused = await upsertDemoConnections(app.service, [{ ...sandboxSettings(sandboxes.a, 'Sandbox A'), baseUrl: 'http://evil.example' }, sandboxSettings(sandboxes.b, 'Sandbox B')]);
  assert.equal(refused.length, 1);
  assert.match(refused[0] ?? '', /^the demo connection "Sandbox A" was refused: .*https/);
  assert.deepEqual((await app.service.getState()).connections.map((connection) => connection.name), ['Sandbox B']);
});
