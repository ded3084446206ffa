/**
 * Terminal access (rows 10–12): the real app service over a sandbox sign-in, its access server on
 * a Unix socket, every consent answered "allow" as the window would, and the bundled
 * `airisk-token` from `npm run build` run with this Node.
 */
import { createServer } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findApp, sendAccessRequest, type AppAddress } from '../src-main/cli/access-client.ts';
import { MAX_REQUESTS_PER_SECOND } from '../src-main/core/terminal/rate-limit.ts';
import { PROJECT_ROOT } from '../test/support/browser-host/renderer-build.ts';
import { startSandbox } from '../test/sandbox/sandbox-server.ts';
import { createNodeApp } from '../test/support/node-app.ts';
import { connectSandbox } from '../test/support/sandbox-settings.ts';
import { ConsentingBrowser } from '../test/support/sign-in-fixtures.ts';
import type { BenchRow } from './bench-report.ts';
import { timeNodeProcess } from './node-process.ts';
import { median, nowMs, round } from './stats.ts';

const CLI_PATH = join(PROJECT_ROOT, 'dist', 'cli', 'airisk-token.cjs');
const ROUND_TRIP_TARGET_MS = 1;
const HEADER_TARGET_MS = 60;
const RUN_TARGET_MS = 80;
/**
 * Round trips come in bursts, one burst a second, each one request short of the server's rate
 * limit ({@link MAX_REQUESTS_PER_SECOND} a second per terminal session): a script's calls, never a 429.
 */
const BURSTS = 20;
const BURST_SIZE = MAX_REQUESTS_PER_SECOND - 1;
/** Spawned processes are spaced so that two requests never come closer than this. */
const REQUEST_GAP_MS = Math.ceil(1000 / (MAX_REQUESTS_PER_SECOND - 1));
const WARM_UP = 3;
const SPAWNS = 21;

/** How long `call` takes, in ms. */
async function timed(call: () => Promise<unknown>): Promise<number> {
  const started = nowMs();
  await call();
  return nowMs() - started;
}

/** The floor of row 10: a bare HTTP server on a Unix socket that answers `{}` after reading the body. */
async function startFloorServer(directory: string): Promise<{ readonly address: AppAddress; close(): Promise<void> }> {
  const endpoint = join(directory, 'floor.sock');
  const server = createServer((request, response) => {
    request.resume();
    request.once('end', () => response.writeHead(200, { 'Content-Type': 'application/json' }).end('{}'));
  });
  await new Promise<void>((resolve) => server.listen(endpoint, resolve));
  return { address: { endpoint, key: 'floor' }, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Medians of each command over interleaved spawns (a busy moment lands on all of them alike). */
async function interleaved(commands: readonly (readonly string[])[], env: NodeJS.ProcessEnv): Promise<number[]> {
  const samples = commands.map((): number[] => []);
  for (let index = 0; index < WARM_UP + SPAWNS; index++) {
    for (const [which, args] of commands.entries()) {
      const ms = await timeNodeProcess(args, { env });
      if (index >= WARM_UP) samples[which]?.push(ms);
      await sleep(REQUEST_GAP_MS);
    }
  }
  return samples.map((runs) => median(runs));
}

/** Rows 10–12. */
export async function runTerminalBenchmarks(report: (row: BenchRow) => void): Promise<BenchRow[]> {
  const directory = await mkdtemp(join(tmpdir(), 'airisk-bench-terminal-'));
  const sandbox = await startSandbox();
  const app = await createNodeApp({ directory, openUrl: new ConsentingBrowser('approve').openUrl, terminal: { version: 'bench', cliPath: CLI_PATH } });
  try {
    await connectSandbox(app.service, sandbox);
    const signedIn = await app.service.signIn({ userid: 'user_42' });
    if (!signedIn.ok) throw new Error(`the benchmark's sign-in failed: ${signedIn.error.message}`);
    app.service.onStateChange((state) => {
      if (state.terminal.consent !== null) void app.service.answerConsent(state.terminal.consent.id, 'allow').catch(() => undefined);
    });
    const turnedOn = await app.service.updateSettings({ allowTerminalAccess: true });
    if (!turnedOn.ok) throw new Error(`terminal access did not turn on: ${turnedOn.problems.map((problem) => problem.message).join(' ')}`);

    // Row 10: this process's terminal session is approved by the first request; the rest are timed,
    // and so are the same requests to a bare HTTP server on a Unix socket (the floor), alternately.
    const address = await findApp(directory);
    const ask = { method: 'POST', path: '/v1/token', body: { userid: 'user_42' } } as const;
    await sendAccessRequest(address, ask);
    const floor = await startFloorServer(directory);
    const trips: number[] = [];
    const floorTrips: number[] = [];
    try {
      for (let burst = 0; burst < BURSTS; burst++) {
        await sleep(1000);
        for (let index = 0; index < BURST_SIZE; index++) {
          trips.push(await timed(() => sendAccessRequest(address, ask)));
          floorTrips.push(await timed(() => sendAccessRequest(floor.address, ask)));
        }
      }
    } finally {
      await floor.close();
    }
    const trip = median(trips);
    const floorTrip = median(floorTrips);
    const rows: BenchRow[] = [];
    const push = (row: BenchRow): void => {
      report(row);
      rows.push(row);
    };
    push({
      id: 10,
      what: `Terminal socket round trip: POST /v1/token for user_42 over the Unix socket (a new connection each, as the CLI), session approved, median of ${BURSTS} bursts of ${BURST_SIZE} a second; floor: a bare node:http server on a Unix socket answering {} to the same client, alternately`,
      figure: `${round(trip, 3)} ms (floor ${round(floorTrip, 3)} ms, so ${round(trip - floorTrip, 3)} ms of ours)`,
      target: `≤ ${ROUND_TRIP_TARGET_MS} ms`,
      holds: trip <= ROUND_TRIP_TARGET_MS,
      data: { medianMs: trip, floorMedianMs: floorTrip, roundTrips: trips.length },
    });

    // Rows 11 and 12: whole processes. Each CLI process is its own terminal session's member, approved above.
    const env = { ...process.env, AIRISK_TOKEN_TRAY_DATA_DIR: directory };
    await sleep(1000);
    const [bare, header, direct, run] = await interleaved([['-e', '0'], [CLI_PATH, 'header', '--user', 'user_42'], ['-e', 'process.exit(process.env.AIRISK_TOKEN ? 1 : 0)'], [CLI_PATH, 'run', '--user', 'user_42', '--', process.execPath, '-e', 'process.exit(process.env.AIRISK_TOKEN ? 0 : 1)']], env);
    const headerOverhead = (header ?? Number.NaN) - (bare ?? Number.NaN);
    const runOverhead = (run ?? Number.NaN) - (direct ?? Number.NaN);
    push({
      id: 11,
      what: `airisk-token header as a whole process (the bundle in this Node) vs node -e 0, median of ${SPAWNS} interleaved spawns`,
      figure: `${round(headerOverhead, 1)} ms over bare Node (header ${round(header ?? Number.NaN, 1)} ms, bare ${round(bare ?? Number.NaN, 1)} ms)`,
      target: `≤ ${HEADER_TARGET_MS} ms over bare Node`,
      holds: headerOverhead <= HEADER_TARGET_MS,
      data: { overheadMs: headerOverhead, headerMedianMs: header ?? Number.NaN, bareMedianMs: bare ?? Number.NaN },
    });
    push({
      id: 12,
      what: `airisk-token run -- node -e … vs the same node -e … run directly, median of ${SPAWNS} interleaved spawns`,
      figure: `${round(runOverhead, 1)} ms over the command alone (run ${round(run ?? Number.NaN, 1)} ms, direct ${round(direct ?? Number.NaN, 1)} ms)`,
      target: `≤ ${RUN_TARGET_MS} ms over the command alone`,
      holds: runOverhead <= RUN_TARGET_MS,
      data: { overheadMs: runOverhead, runMedianMs: run ?? Number.NaN, directMedianMs: direct ?? Number.NaN },
    });
    return rows;
  } finally {
    await app.service.shutdown();
    await sandbox.close();
    await rm(directory, { recursive: true, force: true });
  }
}
