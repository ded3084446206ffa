import assert from 'node:assert/strict';
import { test } from 'node:test';
import { freeConnectionName } from '../../src-main/core/settings/connection-name.ts';

test('a duplicate is named "<name> (copy)", then "(copy 2)", compared case-insensitively', () => {
  assert.equal(freeConnectionName('Staging', 'copy', ['Staging']), 'Staging (copy)');
  assert.equal(freeConnectionName('Staging', 'copy', ['Staging', 'staging (COPY)']), 'Staging (copy 2)');
  assert.equal(freeConnectionName('Staging', 'copy', ['Staging', 'Staging (copy)', 'Staging (copy 2)']), 'Staging (copy 3)');
});

test('an import keeps a free name and appends " (imported)" to a taken one', () => {
  assert.equal(freeConnectionName('Staging', 'imported', ['Production'], true), 'Staging');
  assert.equal(freeConnectionName('Staging', 'imported', ['STAGING'], true), 'Staging (imported)');
  assert.equal(freeConnectionName('Staging', 'imported', ['Staging', 'Staging (imported)'], true), 'Staging (imported 2)');
});

test('a long name is shortened so the suffixed name still fits 64 characters', () => {
  const name = freeConnectionName('x'.repeat(64), 'copy', ['x'.repeat(64)]);
  assert.equal([...name].length, 64);
  assert.match(name, / \(copy\)$/);
});
