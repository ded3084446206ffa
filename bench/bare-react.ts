/**
 * The floors of the window rows: bare React apps built now by Vite with the project's own
 * vite.config.ts (same plugins, target and minifier), in a folder under the system temp directory
 * whose node_modules is a link to ours.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { PROJECT_ROOT } from '../test/support/browser-host/renderer-build.ts';

/** Row 6's floor: `createRoot(…).render(<p />)` and nothing else. */
export const RENDER_NOTHING = "import { createRoot } from 'react-dom/client';\n\ncreateRoot(document.getElementById('root') as HTMLElement).render(<p />);\n";

/**
 * Row 7's floor: the least a window must do before its list is painted. It asks `window.airisk`
 * (the browser host's bridge) for the same state, then renders seven static rows with the first
 * seven accounts' names.
 */
export const RENDER_SEVEN_ROWS = `import { createRoot } from 'react-dom/client';

interface Bridge { getState(): Promise<{ accounts: readonly { id: string; label: string }[] }> }
const root = createRoot(document.getElementById('root') as HTMLElement);
void (window as unknown as { airisk: Bridge }).airisk.getState().then((state) =>
  root.render(<div role="list">{state.accounts.slice(0, 7).map((account) => <div role="listitem" key={account.id}>{account.label}</div>)}</div>));
`;

/** A built bare app: its output folder (index.html + assets/), and how to delete it. */
export interface BareApp {
  readonly outDir: string;
  remove(): Promise<void>;
}

/** Builds `mainSource` (a main.tsx) as a page of its own. */
export async function buildBareApp(mainSource: string): Promise<BareApp> {
  const directory = await mkdtemp(join(tmpdir(), 'airisk-bench-floor-'));
  const remove = (): Promise<void> => rm(directory, { recursive: true, force: true });
  try {
    const source = join(directory, 'src');
    await mkdir(source);
    await symlink(join(PROJECT_ROOT, 'node_modules'), join(directory, 'node_modules'), 'dir');
    await writeFile(join(source, 'index.html'), '<!doctype html>\n<html lang="en"><head><meta charset="utf-8" /><title>floor</title></head><body><div id="root"></div><script type="module" src="./main.tsx"></script></body></html>\n');
    await writeFile(join(source, 'main.tsx'), mainSource);
    const outDir = join(directory, 'dist');
    await build({ configFile: join(PROJECT_ROOT, 'vite.config.ts'), root: source, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    return { outDir, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
