import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

test('lint refuses an electron import in src-main/core', async () => {
  assert.deepEqual(await ruleIds("import { app } from 'electron';\nexport const a = app;\n", 'src-main/core/example.ts'), ['no-restricted-imports']);
});

test('lint refuses Node modules and main-process code in src-renderer, but allows the contract', async () => {
  assert.deepEqual(await ruleIds("import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n", 'src-renderer/example.ts'), ['no-restricted-imports']);
  assert.deepEqual(await ruleIds("import path from 'path';\nexport const a = path;\n", 'src-renderer/example.ts'), ['no-restricted-imports']);
  assert.deepEqual(await ruleIds("import { startSignIn } from '../src-main/core/oauth/sign-in.ts';\nexport const a = startSignIn;\n", 'src-renderer/example.ts'), ['no-restricted-imports']);
  assert.deepEqual(await ruleIds("import type { Example } from '../src-main/contract.ts';\nexport type A = Example;\n", 'src-renderer/example.ts'), []);
  assert.deepEqual(await ruleIds("import { formatTimeLeft } from '../src-main/shared/time-left.ts';\nexport const a = formatTimeLeft;\n", 'src-renderer/example.ts'), []);
});

test('src-main/shared imports nothing but itself, so it runs in main and in the browser', async () => {
  assert.deepEqual(await ruleIds("import { join } from 'node:path';\nexport const a = join;\n", 'src-main/shared/example.ts'), ['no-restricted-imports']);
  assert.deepEqual(await ruleIds("import { msLeft } from '../core/expiry/token-status.ts';\nexport const a = msLeft;\n", 'src-main/shared/example.ts'), ['no-restricted-imports']);
  assert.deepEqual(await ruleIds("import { formatDuration } from './time-left.ts';\nexport const a = formatDuration;\n", 'src-main/shared/example.ts'), []);
});

test('the same imports are fine in the Electron shell', async () => {
  assert.deepEqual(await ruleIds("import { app } from 'electron';\nexport const a = app;\n", 'src-main/electron/example.ts'), []);
});
