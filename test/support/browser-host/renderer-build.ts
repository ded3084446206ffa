/**
 * Where the built renderer lives (`dist/renderer/`, from `npx vite build`), the check that it has
 * been built, and the build itself for `npm run dev:browser -- --build`.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root. */
export const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..', '..');

/** The folder `npx vite build` writes the renderer to. */
export const DEFAULT_RENDERER_DIR = join(PROJECT_ROOT, 'dist', 'renderer');

/** The command that builds the renderer. */
export const BUILD_COMMAND = 'npx vite build';

/** The renderer folder has no `index.html`: it has not been built. */
export class RendererMissingError extends Error {
  readonly rendererDir: string;

  constructor(rendererDir: string) {
    super(`The renderer is not built: ${join(rendererDir, 'index.html')} is missing. Run \`${BUILD_COMMAND}\` first (or \`npm run dev:browser -- --build\`).`);
    this.name = 'RendererMissingError';
    this.rendererDir = rendererDir;
  }
}

/** Throws {@link RendererMissingError} unless `rendererDir/index.html` exists. */
export function assertRendererBuilt(rendererDir: string): void {
  if (!existsSync(join(rendererDir, 'index.html'))) throw new RendererMissingError(rendererDir);
}

/** Runs `vite build` in the repository root with this Node, output on our terminal; resolves with its exit code. */
export function buildRenderer(): Promise<number> {
  const viteBin = join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(viteBin)) return Promise.reject(new Error(`Vite is not installed (${viteBin} is missing); run npm install.`));
  return new Promise((resolveExit, reject) => {
    const child = spawn(process.execPath, [viteBin, 'build'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolveExit(code ?? (signal === null ? 1 : 128)));
  });
}
