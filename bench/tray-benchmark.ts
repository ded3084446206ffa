/**
 * Row 13: the tray menu model built for 10,000 accounts over 20 connections (a third of them
 * copied once, a mix of statuses), as the tray rebuilds it on every state change. Pure code in
 * this process: median of many builds after a warm-up, plus the menu's size with every submenu
 * entry and separator counted.
 */
import { buildTrayMenu, countMenuEntries } from '../src-main/core/tray/tray-menu-model.ts';
import { trayBenchState } from '../test/support/tray-bench-state.ts';
import type { BenchRow } from './bench-report.ts';
import { median, nowMs, quantile, round } from './stats.ts';

const ACCOUNTS = 10_000;
const CONNECTIONS = 20;
const TARGET_MS = 2;
const TARGET_ENTRIES = 40;
const WARM_UP = 20;
const BUILDS = 201;

/** Row 13: tray model build time and size at 10,000 accounts. */
export async function trayModelRow(): Promise<BenchRow> {
  const state = trayBenchState(ACCOUNTS, CONNECTIONS, null);
  const samples: number[] = [];
  let entries = 0;
  for (let index = 0; index < WARM_UP + BUILDS; index++) {
    const started = nowMs();
    const menu = buildTrayMenu(state);
    const elapsed = nowMs() - started;
    entries = countMenuEntries(menu);
    if (index >= WARM_UP) samples.push(elapsed);
  }
  const medianMs = median(samples);
  const p99Ms = quantile(samples, 0.99);
  return {
    id: 13,
    what: `Tray menu model: buildTrayMenu for ${ACCOUNTS.toLocaleString('en-US')} accounts over ${CONNECTIONS} connections, median of ${BUILDS} builds`,
    figure: `median ${round(medianMs, 3)} ms, p99 ${round(p99Ms, 3)} ms; ${entries} entries in all (submenus and separators counted)`,
    target: `≤ ${TARGET_MS} ms median, ≤ ${TARGET_ENTRIES} entries`,
    holds: medianMs <= TARGET_MS && entries <= TARGET_ENTRIES,
    data: { medianMs, p99Ms, entries, accounts: ACCOUNTS, connections: CONNECTIONS, builds: BUILDS },
  };
}
