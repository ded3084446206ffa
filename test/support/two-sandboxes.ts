/**
 * Two AIRisk sandboxes on two ports for one test file, as two connections would see them: started
 * before the file's tests and closed after. Read `a` and `b` inside tests, once `before` has run.
 */
import { after, before } from 'node:test';
import { startSandbox, type Sandbox } from '../sandbox/sandbox-server.ts';

/** The two sandboxes of a test file. */
export interface SandboxPair {
  readonly a: Sandbox;
  readonly b: Sandbox;
}

/** Registers the file's before/after hooks and returns the pair they fill in. */
export function useTwoSandboxes(): SandboxPair {
  const started: { a?: Sandbox; b?: Sandbox } = {};
  before(async () => {
    started.a = await startSandbox();
    started.b = await startSandbox();
  });
  after(async () => {
    await started.a?.close();
    await started.b?.close();
  });
  const get = (name: 'a' | 'b'): Sandbox => {
    const sandbox = started[name];
    if (sandbox === undefined) throw new Error(`sandbox ${name} is read before the file's before hook ran`);
    return sandbox;
  };
  return {
    get a() {
      return get('a');
    },
    get b() {
      return get('b');
    },
  };
}
