/**
 * `node scripts/build-main.ts`: bundles the Electron main process and the preload with esbuild.
 *
 * - `src-main/main.ts` → `dist/main/main.cjs`: one CommonJS file for Node 24 (Electron 45's Node),
 *   `electron` left external, every dependency inlined (conf and electron-store are ESM-only;
 *   esbuild converts them). `import.meta.url` has no meaning in CommonJS, so it is defined as the
 *   bundle's own file URL; nothing bundled relies on it today, but a dependency update may.
 * - `src-main/preload.ts` → `dist/main/preload.cjs`: one CommonJS file (a sandboxed preload cannot
 *   load modules), `electron` external only.
 * - `src-main/core/oauth/localhost-certificate.ts` → `dist/main/localhost-certificate.cjs`: the
 *   self-signed certificate for an https loopback redirect (selfsigned with the @peculiar X.509 and
 *   ASN.1 libraries, ~40 % of main's code once). main.cjs `require`s it only when a sign-in uses an
 *   https redirect URI: every source imports it with `import()`, which the main bundle leaves as a
 *   `require("./localhost-certificate.cjs")` next to itself (a static import fails the build).
 * - `src-main/electron/updater.ts` → `dist/main/updater.cjs`: electron-updater (with its semver,
 *   js-yaml and fs-extra), loaded the same way, on the first update check: a development run,
 *   which never checks, never loads it.
 * - main.cjs holds none of what conf loads only for its `schema` and `migrations` options (ajv,
 *   ajv-formats, fast-uri, semver): see {@link confWithoutSchemaOrMigrations}.
 *
 * Both minified, no source maps, `process.env.NODE_ENV` = "production". Prints each bundle's size
 * and its largest inputs. Exit status 1 on any error or warning.
 */
import { mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';

/** The repository root (with a trailing slash). */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Where the bundles go by default. */
export const DEFAULT_OUT_DIR = `${ROOT}dist/main`;

/**
 * Defines `import.meta.url` for the CommonJS bundle. It comes after "use strict" (repeated here,
 * because a banner before esbuild's own directive would turn strict mode off for the whole file).
 */
const IMPORT_META_URL_SHIM = '"use strict";var __airisk_import_meta_url=require("node:url").pathToFileURL(__filename).href;';

/** The certificate code's source, and the file main.cjs loads it from (next to itself). */
const CERTIFICATE_SOURCE = /\/core\/oauth\/localhost-certificate\.ts$/;
const CERTIFICATE_BUNDLE = 'localhost-certificate.cjs';
/** The electron-updater glue's source, and its bundle next to main.cjs. */
const UPDATER_SOURCE = /\/electron\/updater\.ts$/;
const UPDATER_BUNDLE = 'updater.cjs';

/**
 * Main bundle: `import('…/localhost-certificate.ts')` becomes `require("./localhost-certificate.cjs")`
 * at the time of the call, so starting the app never loads the certificate libraries. A static
 * import would pull them back into main.cjs, so it is an error.
 */
function lazyBundle(source: RegExp, bundle: string): Plugin {
  return {
    name: `airisk-lazy-${bundle}`,
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: source }, (args) =>
        args.kind === 'dynamic-import'
          ? { path: `./${bundle}`, external: true }
          : { errors: [{ text: `${args.importer} imports ${args.path} statically: use import() so it stays in ${bundle}, out of main.cjs's start-up.` }] },
      );
    },
  };
}
const lazyCertificate = lazyBundle(CERTIFICATE_SOURCE, CERTIFICATE_BUNDLE);
/** The same for electron-updater's glue (src-main/electron/updater.ts → updater.cjs). */
const lazyUpdater = lazyBundle(UPDATER_SOURCE, UPDATER_BUNDLE);

/**
 * conf validates with ajv (and ajv-formats, which brings fast-uri) when given a `schema`, and
 * migrates with semver when given `migrations`. The vault does both itself (src-main/core/vault)
 * and passes neither, so conf never reaches that code. In main.cjs conf's imports of them are
 * stand-ins that throw if they ever are reached: about 170 KiB less to load at every start.
 */
const CONF_STAND_INS: Readonly<Record<string, string>> = {
  'ajv/dist/2020.js': 'exports.Ajv2020 = function Ajv2020() { fail(); };',
  'ajv-formats': 'exports.default = function ajvFormats() { fail(); };',
  semver: "module.exports = new Proxy({}, { get: (_, key) => (key === '__esModule' ? undefined : fail) });",
};

const confWithoutSchemaOrMigrations: Plugin = {
  name: 'airisk-conf-without-schema-or-migrations',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^(?:ajv\/dist\/2020\.js|ajv-formats|semver)$/ }, (args) => (/[/\\]node_modules[/\\]conf[/\\]/.test(args.importer) ? { path: args.path, namespace: 'airisk-conf-stand-in' } : undefined));
    pluginBuild.onLoad({ filter: /.*/, namespace: 'airisk-conf-stand-in' }, (args) => ({
      loader: 'js',
      contents: `function fail() { throw new Error(${JSON.stringify(`${args.path} is not in main.cjs: conf's schema and migrations options are not used (see scripts/build-main.ts).`)}); }\n${CONF_STAND_INS[args.path] ?? 'fail();'}\n`,
    }));
  },
};

/** esbuild options for each bundle, writing into `outDir` (tests build into a temporary folder). */
export function bundleOptions(outDir: string): readonly { readonly name: 'main' | 'preload' | 'localhost-certificate' | 'updater'; readonly options: BuildOptions }[] {
  const common: BuildOptions = {
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node24',
    external: ['electron'],
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    metafile: true,
    logLevel: 'silent',
  };
  return [
    {
      name: 'main',
      options: {
        ...common,
        entryPoints: ['src-main/main.ts'],
        outfile: `${outDir}/main.cjs`,
        banner: { js: IMPORT_META_URL_SHIM },
        define: { ...common.define, 'import.meta.url': '__airisk_import_meta_url' },
        plugins: [lazyCertificate, lazyUpdater, confWithoutSchemaOrMigrations],
        // `import()` of the certificate bundle becomes a plain `require()`: CommonJS all the way,
        // nothing for Electron's ESM loader to resolve inside the asar.
        supported: { 'dynamic-import': false },
      },
    },
    { name: 'preload', options: { ...common, entryPoints: ['src-main/preload.ts'], outfile: `${outDir}/preload.cjs` } },
    {
      name: 'localhost-certificate',
      options: {
        ...common,
        entryPoints: ['src-main/core/oauth/localhost-certificate.ts'],
        outfile: `${outDir}/${CERTIFICATE_BUNDLE}`,
        banner: { js: IMPORT_META_URL_SHIM },
        define: { ...common.define, 'import.meta.url': '__airisk_import_meta_url' },
      },
    },
    {
      name: 'updater',
      options: {
        ...common,
        entryPoints: ['src-main/electron/updater.ts'],
        outfile: `${outDir}/${UPDATER_BUNDLE}`,
        banner: { js: IMPORT_META_URL_SHIM },
        define: { ...common.define, 'import.meta.url': '__airisk_import_meta_url' },
      },
    },
  ];
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

/** The largest inputs of a bundle, grouped by package (or `src-main` for our own code). */
function largestInputs(metafile: Metafile, count: number): string[] {
  const byPackage = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
      const key = match?.[1] ?? path.split('/')[0] ?? path;
      byPackage.set(key, (byPackage.get(key) ?? 0) + bytesInOutput);
    }
  }
  return [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, count).map(([name, bytes]) => `${name} ${kilobytes(bytes)}`);
}

/** Builds both bundles into `outDir` (emptied first); returns false when anything failed or warned. */
export async function buildMain(outDir: string = DEFAULT_OUT_DIR, report: (line: string) => void = console.log): Promise<boolean> {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  let failed = false;
  for (const bundle of bundleOptions(outDir)) {
    const result = await build(bundle.options).catch((error: unknown) => error as { errors?: unknown[]; warnings?: unknown[] } | Error);
    if (!('metafile' in result) || result.metafile === undefined) {
      console.error(`build-main: ${bundle.name} failed:`);
      console.error(result instanceof Error ? result.message : JSON.stringify(result, null, 2));
      failed = true;
      continue;
    }
    for (const warning of result.warnings) {
      console.error(`build-main: ${bundle.name}: warning: ${warning.text}${warning.location === null ? '' : ` (${warning.location.file}:${warning.location.line})`}`);
      failed = true;
    }
    const [outFile, output] = Object.entries(result.metafile.outputs)[0] ?? [];
    if (outFile === undefined || output === undefined) continue;
    report(`${outFile}  ${kilobytes(output.bytes)}  (largest: ${largestInputs(result.metafile, 6).join(', ')})`);
  }
  return !failed;
}

if (import.meta.main) {
  if (!(await buildMain())) process.exitCode = 1;
}
