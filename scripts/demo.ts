/**
 * `npm run demo` (after `npm run build`): two AIRisk sandboxes with their demo client, each on a
 * free port, and the desktop app in its own temporary data folder with two connections to them,
 * "Sandbox A" and "Sandbox B" — so connections can be tried with no AIRisk account, and the
 * person's real tokens and settings are never touched. Sign in from the tray or the window and
 * approve in the browser. Quitting the app stops the sandbox and removes the data folder.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../test/sandbox/sandbox-server.ts';
import { readyToLaunch, runElectron } from './start-electron.ts';

async function main(): Promise<void> {
  const binary = readyToLaunch('demo');
  if (binary === undefined) {
    process.exitCode = 1;
    return;
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'airisk-demo-'));
  const sandbox = await startSandbox({ onRequest: ({ method, path, status }) => console.log(`sandbox A: ${method} ${path} ${status}`) });
  const sandboxB = await startSandbox({ onRequest: ({ method, path, status }) => console.log(`sandbox B: ${method} ${path} ${status}`) });
  console.log(`AIRisk sandbox A listening on ${sandbox.url}, sandbox B on ${sandboxB.url} (demo client ${sandbox.demoClient.clientId})`);
  console.log(`App data in ${dataDir} (temporary, removed when the app quits)`);
  try {
    // --data-dir on the command line: the app reads the demo client only with one (launch-options.ts).
    process.exitCode = await runElectron(binary, ['--data-dir', dataDir, ...process.argv.slice(2)], {
      ...process.env,
      AIRISK_DEMO_SANDBOX_URL: sandbox.url,
      AIRISK_DEMO_CLIENT_ID: sandbox.demoClient.clientId,
      AIRISK_DEMO_CLIENT_SECRET: sandbox.demoClient.clientSecret,
      AIRISK_DEMO_SANDBOX_URL_B: sandboxB.url,
      AIRISK_DEMO_CLIENT_ID_B: sandboxB.demoClient.clientId,
      AIRISK_DEMO_CLIENT_SECRET_B: sandboxB.demoClient.clientSecret,
    });
  } finally {
    await sandbox.close();
    await sandboxB.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
