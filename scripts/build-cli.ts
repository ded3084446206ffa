/**
 * `node scripts/build-cli.ts`: bundles the command-line tool `src-main/cli.ts` with esbuild into ONE
 * file, `dist/cli/airisk-token.cjs`, that runs on Node 20 or newer with nothing installed beside it
 * (package.json `bin`; the packaged app ships it and Settings → "Install command-line tool" points a
 * launcher at it).
 *
 * - CommonJS, target node20, minified, no source map. Not ESM: an ESM bundle hoists every import of
 *   a Node built-in to the top of the file, so `header` would load https, tls, net and readline for
 *   the one-shot sign-in it never runs. In CommonJS a `require()` stays where it is needed.
 * - First line `#!/usr/bin/env node`, so the file runs as a program (mode 0755).
 * - Node 20 lacks `Promise.withResolvers`: see {@link WITH_RESOLVERS_POLYFILL}.
 * - `login --no-app` (the sign-in, the callback server, and the certificate libraries for an https
 *   redirect: ~85 % of the code) is bundled on its own and embedded as a string, compiled the first
 *   time it is used: see {@link embeddedOneShotLogin}. V8 skims a string literal far faster than it
 *   pre-parses the same code, and every `header` pays that start-up (about 10 ms on this machine).
 *
 * Prints the bundle's size. Exit status 1 on any error or warning.
 */
import { chmod, mkdir, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { ROOT } from './build-main.ts';

/** Where the bundle goes by default. */
export const DEFAULT_CLI_OUT_FILE = `${ROOT}dist/cli/airisk-token.cjs`;

/**
 * `Promise.withResolvers` (Node 22) is the one API newer than Node 20 the bundled code calls (the
 * one-shot sign-in's callback server: core/oauth/callback-connections.ts, callback-wait.ts);
 * esbuild's target lowers syntax, not library calls, so the bundle brings it where it is missing.
 * test/integration/cli-bundle.test.ts runs a whole one-shot sign-in on the system's Node 20.
 */
const WITH_RESOLVERS_POLYFILL =
  'if (typeof Promise.withResolvers !== "function") Promise.withResolvers = function withResolvers() { let resolve, reject; const promise = new this((yes, no) => { resolve = yes; reject = no; }); return { promise, resolve, reject }; };';

/** The shebang, then "use strict" again: the polyfill before esbuild's own directive would turn strict mode off for the whole file. */
const BANNER = ['#!/usr/bin/env node', '"use strict";', WITH_RESOLVERS_POLYFILL].join('\n');

const COMMON: BuildOptions = {
  absWorkingDir: ROOT,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'silent',
};

/**
 * The main bundle's `import('./one-shot-login.ts')` resolves to a small module holding the one-shot
 * bundle as a string; its `runOneShotLogin` compiles that string once (as a CommonJS module, with
 * the bundle's own `require`) and calls the real one. Anything else importing one-shot-login.ts
 * statically would put it back into the start-up, so that is an error.
 */
function embeddedOneShotLogin(oneShotBundle: string): Plugin {
  return {
    name: 'airisk-embedded-one-shot-login',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /one-shot-login\.ts$/ }, (args) =>
        args.kind === 'dynamic-import' ? { path: 'one-shot-login', namespace: 'airisk-embedded' } : { errors: [{ text: `${args.importer} imports one-shot-login.ts statically: use import() so it stays embedded (scripts/build-cli.ts).` }] },
      );
      pluginBuild.onLoad({ filter: /.*/, namespace: 'airisk-embedded' }, () => ({
        loader: 'js',
        resolveDir: ROOT,
        contents: [
          "import { createRequire } from 'node:module';",
          "import { compileFunction } from 'node:vm';",
          `const SOURCE = ${JSON.stringify(oneShotBundle)};`,
          'let loaded;',
          'export function runOneShotLogin(command, io) {',
          '  if (loaded === undefined) {',
          '    const module = { exports: {} };',
          "    compileFunction(SOURCE, ['exports', 'require', 'module', '__filename', '__dirname'], { filename: `${__filename} [login --no-app]` })(module.exports, createRequire(__filename), module, __filename, __dirname);",
          '    loaded = module.exports;',
          '  }',
          '  return loaded.runOneShotLogin(command, io);',
          '}',
        ].join('\n'),
      }));
    },
  };
}

/** The one-shot sign-in on its own (CommonJS text, exporting runOneShotLogin). */
async function buildOneShotLogin(): Promise<string> {
  const result = await build({ ...COMMON, entryPoints: ['src-main/cli/one-shot-login.ts'], write: false, outfile: 'one-shot-login.cjs' });
  if (result.warnings.length > 0) throw new Error(result.warnings.map((warning) => warning.text).join('; '));
  const text = result.outputFiles[0]?.text;
  if (text === undefined || text === '') throw new Error('the one-shot sign-in bundle is empty');
  return text;
}

/** esbuild options for the CLI bundle at `outFile` with the one-shot sign-in embedded (tests build into a temporary folder). */
export function cliBundleOptions(outFile: string, oneShotBundle: string): BuildOptions {
  return { ...COMMON, entryPoints: ['src-main/cli.ts'], outfile: outFile, banner: { js: BANNER }, metafile: true, plugins: [embeddedOneShotLogin(oneShotBundle)] };
}

/** Builds the bundle at `outFile`; returns false when anything failed or warned. */
export async function buildCli(outFile: string = DEFAULT_CLI_OUT_FILE, report: (line: string) => void = console.log): Promise<boolean> {
  await rm(outFile, { force: true });
  await mkdir(dirname(outFile), { recursive: true });
  const result = await buildOneShotLogin()
    .then((oneShot) => build(cliBundleOptions(outFile, oneShot)))
    .catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
  if (result instanceof Error || result.metafile === undefined) {
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
