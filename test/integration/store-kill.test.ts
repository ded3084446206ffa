import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { openConfDocumentStore } from '../../src-main/core/vault/conf-document-store.ts';
import { migrateStoreDocument } from '../../src-main/core/vault/store-document.ts';

const WRITER = fileURLToPath(new URL('../support/store-writer.ts', import.meta.url));
/** About 3 MB a document, so a write takes long enough to be interrupted. */
const WRITER_ACCOUNTS = 400;
const MIN_ROUNDS = 6;
const MAX_ROUNDS = 40;
/** Rounds whose kill must have landed mid-write (a temporary file left behind) before we stop. */
const WANTED_MID_WRITE_KILLS = 2;

/** Starts the writer, waits until its first document is on disk, lets it write for a random while, then SIGKILLs it. */
async function writeAndKill(directory: string): Promise<void> {
  // SNAP would make conf write in place instead of atomically.
  const { SNAP: _snap, ...env } = process.env;
  const child = spawn(process.execPath, [WRITER, directory, String(WRITER_ACCOUNTS)], { stdio: ['ignore', 'pipe', 'pipe'], env });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = once(child, 'exit');
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (chunk.includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`The writer exited (${String(code)}) before it was ready: ${stderr}`)));
  });
  try {
    await ready;
    await delay(5 + Math.floor(Math.random() * 120));
  } finally {
    child.kill('SIGKILL');
    await exited;
  }
  assert.equal(child.signalCode, 'SIGKILL', `the writer should have been killed, not have ended by itself: ${stderr}`);
}

test('a store killed with SIGKILL mid-write, round after round, always opens without recovery, validates and loses its stale temporary copy', { timeout: 180_000 }, async (t) => {
  const directory = await mkdtemp(join(tmpdir(), 'airisk-store-kill-'));
  t.after(() => rm(directory, { recursive: true, force: true }));
  let midWriteKills = 0;
  let rounds = 0;
  while (rounds < MIN_ROUNDS || (midWriteKills < WANTED_MID_WRITE_KILLS && rounds < MAX_ROUNDS)) {
    rounds += 1;
    await writeAndKill(directory);
    const leftovers = (await readdir(directory)).filter((name) => name.includes('.tmp-'));
    if (leftovers.length > 0) midWriteKills += 1;

    const { store, recovered } = openConfDocumentStore({ directory });
    assert.deepEqual((await readdir(directory)).filter((name) => name.includes('.tmp-')), [], `round ${rounds}: opening removes the interrupted write's temporary copy`);
    assert.equal(recovered, undefined, `round ${rounds}: the store had to be recovered: ${recovered?.reason ?? ''}`);
    const { document, migratedFrom, repairs } = migrateStoreDocument(store.read());
    assert.equal(migratedFrom, undefined);
    assert.deepEqual(repairs, []);
    assert.equal(document.accounts.length, WRITER_ACCOUNTS, `round ${rounds}: every account is there`);
    const write = /^write-(\d+)$/.exec(document.connections[0]?.clientId ?? '')?.[1];
    assert.ok(write !== undefined, `round ${rounds}: the document is one the writer wrote whole`);
    assert.ok(document.accounts.every((account) => account.clockSkewMs === Number(write)), `round ${rounds}: no mix of two writes`);
  }
  t.diagnostic(`${rounds} rounds, ${midWriteKills} killed while a temporary file was being written`);
  assert.ok(midWriteKills >= 1, `none of ${rounds} kills landed mid-write; the test proved nothing`);
});
