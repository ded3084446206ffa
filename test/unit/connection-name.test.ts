import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connectionNameProblem, freeConnectionName } from '../../src-main/core/settings/connection-name.ts';

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

test('a name counts code points: 64 emoji are fine, 65 are one too many', () => {
  assert.equal(connectionNameProblem('\u{1F680}'.repeat(64)), undefined);
  assert.match(connectionNameProblem('\u{1F680}'.repeat(65)) ?? '', /at most 64 characters; this one has 65/);
});

test('a name refuses control, format (zero-width, bidi) and line-separator characters, and lone surrogates', () => {
  for (const bad of ['Tab\there', 'Rev\u202Eerse', 'Zero\u200Bwidth', 'Soft\u00ADhyphen', 'Para\u2029graph', 'Lone \ud800']) {
    assert.match(connectionNameProblem(bad) ?? '', /control or invisible characters/, JSON.stringify(bad));
  }
});

test('names are the same name when their NFKC forms match case-insensitively', () => {
  assert.match(connectionNameProblem('\uFF33andbox \uFF42', ['Sandbox B']) ?? '', /already/);
  assert.match(connectionNameProblem('STAGING', ['staging']) ?? '', /already/);
  assert.equal(connectionNameProblem('Staging 2', ['Staging']), undefined);
  assert.equal(freeConnectionName('\uFF33taging', 'copy', ['Staging', 'staging (copy)']), '\uFF33taging (copy 2)');
});

test('the first connection\'s default name is one shared constant, for the renderer too', async () => {
  const shared = await import('../../src-main/shared/airisk-defaults.ts');
  const stored = await import('../../src-main/core/settings/stored-settings.ts');
  assert.equal(shared.DEFAULT_CONNECTION_NAME, 'AIRisk');
  assert.equal(stored.DEFAULT_CONNECTION_FIELDS.name, shared.DEFAULT_CONNECTION_NAME);
});
