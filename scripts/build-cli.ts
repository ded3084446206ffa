/**
 * `node scripts/build-cli.ts`: bundles the command-line tool `src-main/cli.ts` with esbuild into ONE
 * file, `dist/cli/airisk-token.mjs`, that runs on Node 20 or newer with nothing installed beside it
 * (package.json `bin`; the packaged app ships it and Settings → "Install command-line tool" points a
 * launcher at it).
 *
 * - ESM (cli.ts awaits at top level), target node20, minified, no source map.
 * - First line `#!/usr/bin/env node`, so the file runs as a program (mode 0755).
 * - CommonJS dependencies inlined in an ESM bundle call `require()` for Node's built-ins (selfsigned
 *   needs `crypto`): the banner defines `require` with `createRequire`, else esbuild's stand-in
 *   throws "Dynamic require is not supported" the first time `login --no-app` uses an https redirect.
 * - Node 20 lacks `Promise.withResolvers`: see {@link WITH_RESOLVERS_POLYFILL}.
 * - The certificate code (selfsigned and its X.509 libraries, ~85 % of the file) is reached only
 *   through `import()`, so esbuild keeps it in lazily run wrappers: the app commands never run it.
 *
 * Prints the bundle's size. Exit status 1 on any error or warning.
 */
import { chmod, mkdir, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { ROOT } from './build-main.ts';

/** Where the bundle goes by default. */
export const DEFAULT_CLI_OUT_FILE = `${ROOT}dist/cli/airisk-token.mjs`;

/**
 * `Promise.withResolvers` (Node 22) is the one API newer than Node 20 the bundled code calls (the
 * one-shot sign-in's callback server: core/oauth/callback-connections.ts, callback-wait.ts);
 * esbuild's target lowers syntax, not library calls, so the bundle brings it where it is missing.
 * test/integration/cli-bundle.test.ts runs a whole one-shot sign-in on the system's Node 20.
 */
const WITH_RESOLVERS_POLYFILL =
  'if (typeof Promise.withResolvers !== "function") Promise.withResolvers = function withResolvers() { let resolve, reject; const promise = new this((yes, no) => { resolve = yes; reject = no; }); return { promise, resolve, reject }; };';

const BANNER = ['#!/usr/bin/env node', "import { createRequire as __airiskCreateRequire } from 'node:module';", 'const require = __airiskCreateRequire(import.meta.url);', WITH_RESOLVERS_POLYFILL].join('\n');

/** esbuild options for the CLI bundle at `outFile` (tests build into a temporary folder). */
export function cliBundleOptions(outFile: string): BuildOptions {
  return {
    absWorkingDir: ROOT,
    entryPoints: ['src-main/cli.ts'],
    outfile: outFile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    banner: { js: BANNER },
    define: { 'process.env.NODE_ENV': '"production"' },
    metafile: true,
    logLevel: 'silent',
  };
}

/** Builds the bundle at `outFile`; returns false when anything failed or warned. */
export async function buildCli(outFile: string = DEFAULT_CLI_OUT_FILE, report: (line: string) => void = console.log): Promise<boolean> {
  await rm(outFile, { force: true });
  await mkdir(dirname(outFile), { recursive: true });
  const result = await build(cliBundleOptions(outFile)).catch((error: unknown) => error as Error);
  if (result instanceof Error || !('metafile' in result) || result.metafile === undefined) {
    console.error(`build-cli: failed: ${result instanceof Error ? result.message : 'no output'}`);
    return false;
  }
  for (const warning of result.warnings) console.error(`build-cli: warning: ${warning.text}${warning.location === null ? '' : ` (${warning.location.file}:${warning.location.line})`}`);
  await chmod(outFile, 0o755);
  const bytes = Object.values(result.metafile.outputs)[0]?.bytes ?? 0;
  report(`${outFile}  ${(bytes / 1024).toFixed(1)} KiB`);
  return result.warnings.length === 0;
}

if (import.meta.main) {
  if (!(await buildCli())) process.exitCode = 1;
}
