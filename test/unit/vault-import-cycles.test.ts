import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

const VAULT = new URL('../../src-main/core/vault/', import.meta.url);
/** `import … from './x.ts'` and `export … from './x.ts'`, types included: a type-only circle is still a knot. */
const SIBLING_IMPORT = /^(?:import|export)\s[^;]*?\sfrom\s+'\.\/([\w-]+\.ts)';/gms;

/** Each vault file and the vault files it imports. */
function vaultImports(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of readdirSync(VAULT).filter((name) => name.endsWith('.ts'))) {
    const source = readFileSync(new URL(file, VAULT), 'utf8');
    graph.set(file, [...source.matchAll(SIBLING_IMPORT)].map((match) => match[1] ?? ''));
  }
  return graph;
}

/** The first import circle found, as the list of files around it, or undefined. */
function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const done = new Set<string>();
  const visit = (file: string, path: string[]): string[] | undefined => {
    const seen = path.indexOf(file);
    if (seen >= 0) return [...path.slice(seen), file];
    if (done.has(file)) return undefined;
    for (const next of graph.get(file) ?? []) {
      const cycle = visit(next, [...path, file]);
      if (cycle !== undefined) return cycle;
    }
    done.add(file);
    return undefined;
  };
  for (const file of graph.keys()) {
    const cycle = visit(file, []);
    if (cycle !== undefined) return cycle;
  }
  return undefined;
}

test('the vault files import each other without a circle', () => {
  const graph = vaultImports();
  assert.ok((graph.get('store-document.ts') ?? []).includes('validate-store-document.ts'), 'the import parser reads the vault files');
  assert.equal(findCycle(graph)?.join(' → '), undefined);
});

test('the circle finder finds a circle', () => {
  assert.deepEqual(findCycle(new Map([['a.ts', ['b.ts']], ['b.ts', ['c.ts']], ['c.ts', ['a.ts']]])), ['a.ts', 'b.ts', 'c.ts', 'a.ts']);
});
