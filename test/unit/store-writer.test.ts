import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DocumentStorePort } from '../../src-main/core/vault/document-store-port.ts';
import { emptyStoreDocument, type StoreDocument } from '../../src-main/core/vault/store-document.ts';
import { StoreWriter } from '../../src-main/core/vault/store-writer.ts';

/** A recording in-memory DocumentStorePort (test double): counts writes, can be told to fail. */
class RecordingStore implements DocumentStorePort {
  readonly path = '/nowhere/store.json';
  readonly writes: StoreDocument[] = [];
  failWith: Error | undefined;
  read(): unknown {
    return this.writes.at(-1);
  }
  write(document: StoreDocument): void {
    if (this.failWith !== undefined) throw this.failWith;
    this.writes.push(document);
  }
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const doc = (activeAccountId: string | null): StoreDocument => ({ ...emptyStoreDocument(), activeAccountId });

test('immediate mode writes before returning and throws write errors', () => {
  const store = new RecordingStore();
  const writer = new StoreWriter(store, 'immediate', () => assert.fail('no error callback in immediate mode'));
  writer.write(doc('a'));
  assert.equal(store.writes.length, 1);
  store.failWith = new Error('disk full');
  assert.throws(() => writer.write(doc('b')), /disk full/);
});

test('coalesced mode writes once on the next turn, with the latest document', async () => {
  const store = new RecordingStore();
  const writer = new StoreWriter(store, 'coalesced', () => assert.fail('unexpected error'));
  for (const id of ['a', 'b', 'c']) writer.write(doc(id));
  assert.equal(store.writes.length, 0);
  await turn();
  assert.deepEqual(store.writes.map((d) => d.activeAccountId), ['c']);
});

test('a lazy write waits, a later urgent one takes it along, and flush writes now', async () => {
  const store = new RecordingStore();
  const writer = new StoreWriter(store, 'coalesced', () => assert.fail('unexpected error'));
  writer.write(doc('lazy'), 'lazy');
  await turn();
  assert.equal(store.writes.length, 0, 'a last-use change does not write at once');
  writer.write(doc('urgent'), 'soon');
  await turn();
  assert.deepEqual(store.writes.map((d) => d.activeAccountId), ['urgent']);
  writer.write(doc('pending'), 'lazy');
  writer.flush();
  assert.deepEqual(store.writes.map((d) => d.activeAccountId), ['urgent', 'pending']);
  writer.flush();
  assert.equal(store.writes.length, 2, 'nothing pending, nothing written');
});

test('a failing background write is reported, not thrown', async () => {
  const store = new RecordingStore();
  store.failWith = new Error('EACCES: permission denied');
  const errors: Error[] = [];
  const writer = new StoreWriter(store, 'coalesced', (error) => errors.push(error));
  writer.write(doc('a'));
  await turn();
  assert.deepEqual(errors.map((e) => e.message), ['EACCES: permission denied']);
});
