/**
 * `npm run bench`: every performance row with its figure, its target and whether it holds, printed
 * and written to bench-results/latest.json. Figures are medians over repeated runs; these machines
 * are shared and noisy, so targets live here, never in timed tests.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { printRow, type BenchRow } from './bench-report.ts';
import { runCoreBenchmarks } from './core-benchmarks.ts';
import { mainBundleLoad } from './main-bundle-benchmark.ts';
import { runTerminalBenchmarks } from './terminal-benchmarks.ts';
import { trayModelRow } from './tray-benchmark.ts';
import { runWindowBenchmarks } from './window-benchmarks.ts';

const rows: BenchRow[] = [];
rows.push(...(await runCoreBenchmarks(printRow)));
rows.push(...(await runWindowBenchmarks(printRow)));
const mainBundle = await mainBundleLoad();
printRow(mainBundle);
rows.push(mainBundle);
rows.push(...(await runTerminalBenchmarks(printRow)));
const tray = await trayModelRow();
printRow(tray);
rows.push(tray);

const summary = { date: new Date().toISOString(), node: process.version, cpus: cpus().length, rows };
await mkdir('bench-results', { recursive: true });
await writeFile('bench-results/latest.json', `${JSON.stringify(summary, null, 2)}\n`);
const missed = rows.filter((row) => !row.holds);
console.log(`\n${rows.length - missed.length} of ${rows.length} targets hold${missed.length > 0 ? `; missed: ${missed.map((row) => `#${row.id}`).join(', ')}` : ''}. Written to bench-results/latest.json`);
