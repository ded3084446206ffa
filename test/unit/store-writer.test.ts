import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DocumentStorePort } from '../../src-main/core/vault/document-store-port.ts';
import { emptyStoreDocument, type StoreDocument } from '../../src-main/core/vault/store-document.ts';
import { StoreWriter } from '../../src-main/core/vault/store-writer.ts';

/** A recording in-memory DocumentStorePort (test double): counts writes, can fail, can hold background writes. */
class RecordingStore implements DocumentStorePort {
  readonly path = '/nowhere/store.json';
  readonly writes: string[] = [];
  failWith: Error | undefined;
  /** Background writes wait here until released, to observe ordering. */
  readonly held: (() => void)[] = [];
  holdBackgroundWrites = false;

  read(): unknown {
    return undefined;
  }
  write(document: StoreDocument): void {
    if (this.failWith !== undefined) throw this.failWith;
    this.writes.push(`sync:${document.activeAccountId}`);
  }
}

/** The same double with a background write, as conf-document-store has. */
class BackgroundStore extends RecordingStore {
  async writeInBackground(document: StoreDocument): Promise<void> {
    if (this.holdBackgroundWrites) await new Promise<void>((resolve) => this.held.push(resolve));
    if (this.failWith !== undefined) throw this.failWith;
    this.writes.push(`bg:${document.activeAccountId}`);
  }
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const doc = (activeAccountId: string | null): StoreDocument => ({ ...emptyStoreDocument(), activeAccountId });

test('immediate mode writes before returning and throws write errors', () => {
  const store = new BackgroundStore();
  const writer = new StoreWriter(store, 'immediate', () => assert.fail('no error callback in immediate mode'));
  writer.write(doc('a'));
  assert.deepEqual(store.writes, ['sync:a']);
  store.failWith = new Error('disk full');
  assert.throws(() => writer.write(doc('b')), /disk full/);
});

test('coalesced mode writes once on the next turn, in the background, with the latest document', async () => {
  const store = new BackgroundStore();
  const writer = new StoreWriter(store, 'coalesced', () => assert.fail('unexpected error'));
  for (const id of ['a', 'b', 'c']) writer.write(doc(id));
  assert.deepEqual(store.writes, []);
  await turn();
  await writer.flush();
  assert.deepEqual(store.writes, ['bg:c']);
});

test('a store without background writes is written synchronously on the next turn', async () => {
  const store = new RecordingStore();
  const writer = new StoreWriter(store, 'coalesced', () => assert.fail('unexpected error'));
  writer.write(doc('a'));
  await turn();
  assert.deepEqual(store.writes, ['sync:a']);
});

test('changes made during a background write follow it, in order, in one more write', async () => {
  const store = new BackgroundStore();
  store.holdBackgroundWrites = true;
  const writer = new StoreWriter(store, 'coalesced', () => assert.fail('unexpected error'));
  writer.write(doc('first'));
  await turn();
  writer.write(doc('second'));
  writer.write(doc('third'));
  await turn();
  const heldWrites = (): number => store.held.length;
  assert.equal(heldWrites(), 1, 'one write at a time');
  store.held.shift()?.();
  for (let i = 0; i < 5 && heldWrites() === 0; i++) await turn();
  store.held.shift()?.();
  await writer.flush();
  assert.deepEqual(store.writes, ['bg:first', 'bg:third']);
});

test('a lazy write waits, a later urgent one takes it along, and flush writes everything', async () => {
  const store = new BackgroundStore();
  const writer = new StoreWriter(store, 'coalesced', () => assert.fail('unexpected error'));
  writer.write(doc('lazy'), 'lazy');
  await turn();
  assert.deepEqual(store.writes, [], 'a last-use change does not write at once');
  writer.write(doc('urgent'), 'soon');
  await turn();
  await writer.flush();
  assert.deepEqual(store.writes, ['bg:urgent']);
  writer.write(doc('pending'), 'lazy');
  await writer.flush();
  assert.deepEqual(store.writes, ['bg:urgent', 'bg:pending']);
  await writer.flush();
  assert.equal(store.writes.length, 2, 'nothing pending, nothing written');
});

test('a failing background write is reported, not thrown', async () => {
  const store = new BackgroundStore();
  store.failWith = new Error('EACCES: permission denied');
  const errors: Error[] = [];
  const writer = new StoreWriter(store, 'coalesced', (error) => errors.push(error));
  writer.write(doc('a'));
  await writer.flush();
  assert.deepEqual(errors.map((e) => e.message), ['EACCES: permission denied']);
});
