/**
 * Row 9: how long Node takes to load the bundled main process (dist/main/main.cjs, from `npm run
 * build`), against starting Node with nothing to do. The bundle is copied to a temporary folder
 * next to the recording `electron` stand-in test/integration/main-bundle.test.ts uses: main's top
 * level runs for real (launch options, app scheme, single-instance lock), the stand-in refuses the
 * lock, main quits, and nothing Electron does is timed.
 */
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_OUT_DIR, ROOT } from '../scripts/build-main.ts';
import type { BenchRow } from './bench-report.ts';
import { timeNodeProcess } from './node-process.ts';
import { median, round } from './stats.ts';

const TARGET_MS = 40;
const WARM_UP = 3;
const SPAWNS = 21;

/** The stand-in `electron` module, taken from the test that proves the bundle loads with it. */
async function electronStandIn(): Promise<string> {
  const test = await readFile(join(ROOT, 'test', 'integration', 'main-bundle.test.ts'), 'utf8');
  const match = /const RECORDING_ELECTRON_STAND_IN = `([\s\S]*?)`;/.exec(test);
  if (match?.[1] === undefined) throw new Error('RECORDING_ELECTRON_STAND_IN not found in test/integration/main-bundle.test.ts: the benchmark needs the same stand-in.');
  return match[1];
}

/** Row 9: main.cjs loaded in Node vs `node -e 0`, medians over interleaved spawns. */
export async function mainBundleLoad(bundleDir = DEFAULT_OUT_DIR): Promise<BenchRow> {
  const workDir = await mkdtemp(join(tmpdir(), 'airisk-bench-main-'));
  try {
    const distMain = join(workDir, 'dist', 'main');
    await mkdir(distMain, { recursive: true });
    const bundles = (await readdir(bundleDir)).filter((file) => file.endsWith('.cjs'));
    if (!bundles.includes('main.cjs')) throw new Error(`${join(bundleDir, 'main.cjs')} is missing: run npm run build first.`);
    for (const file of bundles) await copyFile(join(bundleDir, file), join(distMain, file));
    await mkdir(join(workDir, 'node_modules', 'electron'), { recursive: true });
    await writeFile(join(workDir, 'node_modules', 'electron', 'index.js'), await electronStandIn());
    const mainBytes = (await stat(join(distMain, 'main.cjs'))).size;
    const lazyBytes = bundles.includes('localhost-certificate.cjs') ? (await stat(join(distMain, 'localhost-certificate.cjs'))).size : 0;

    const loadMain = `process.argv.push('--data-dir', ${JSON.stringify(join(workDir, 'user data'))}); require('./dist/main/main.cjs');`;
    const main: number[] = [];
    const bare: number[] = [];
    // Interleaved, so a busy moment on this shared machine lands on both sides alike.
    for (let index = 0; index < WARM_UP + SPAWNS; index++) {
      const bareMs = await timeNodeProcess(['-e', '0'], { cwd: workDir });
      const mainMs = await timeNodeProcess(['-e', loadMain], { cwd: workDir });
      if (index < WARM_UP) continue;
      bare.push(bareMs);
      main.push(mainMs);
    }
    const overhead = median(main) - median(bare);
    return {
      id: 9,
      what: `Main bundle load: dist/main/main.cjs required in Node (recording electron stand-in, lock refused → quits) vs node -e 0, median of ${SPAWNS} spawns each`,
      figure: `${round(overhead, 1)} ms over bare Node (main ${round(median(main), 1)} ms, bare ${round(median(bare), 1)} ms); main.cjs ${round(mainBytes / 1024, 1)} KiB${lazyBytes > 0 ? `, localhost-certificate.cjs ${round(lazyBytes / 1024, 1)} KiB loaded only for an https redirect` : ''}`,
      target: `≤ ${TARGET_MS} ms over bare Node`,
      holds: overhead <= TARGET_MS,
      data: { overheadMs: overhead, mainMedianMs: median(main), bareMedianMs: median(bare), mainBytes, lazyCertificateBytes: lazyBytes, spawns: SPAWNS },
    };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
