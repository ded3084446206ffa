/**
 * electron-builder's own YAML parser and schema validator, loaded from where app-builder-lib
 * resolves them, so the tests read and validate `electron-builder.yml` exactly as electron-builder
 * does. (Neither is a direct dependency of ours: the top-level `ajv` is eslint's v6, and `js-yaml`
 * ships no types.)
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

interface AjvError {
  readonly instancePath: string;
  readonly message?: string;
}
type ValidateFunction = ((data: unknown) => boolean) & { errors?: readonly AjvError[] | null };
interface AjvInstance {
  compile(schema: unknown): ValidateFunction;
}
type AjvConstructor = new (options: { allErrors: boolean; strict: boolean }) => AjvInstance;
interface JsYaml {
  load(text: string, options?: { filename?: string }): unknown;
}

const fromProject = createRequire(import.meta.url);
const electronBuilderPackage = fromProject.resolve('electron-builder/package.json');
const appBuilderLibPackage = createRequire(electronBuilderPackage).resolve('app-builder-lib/package.json');
const fromAppBuilderLib = createRequire(appBuilderLibPackage);

/** Absolute path of the JSON schema electron-builder validates its configuration with. */
export const BUILDER_SCHEMA_PATH = join(dirname(appBuilderLibPackage), 'scheme.json');

/** Parses YAML with electron-builder's js-yaml. */
export function parseYaml(text: string, filename: string): unknown {
  const yaml = fromAppBuilderLib('js-yaml') as JsYaml;
  return yaml.load(text, { filename });
}

/**
 * Validates `config` against electron-builder's schema with electron-builder's Ajv (v8; `strict:
 * false` as electron-builder does, because the schema uses a custom `typeof` keyword). Returns one
 * line per error, empty when valid.
 */
export async function validateBuilderConfig(config: unknown): Promise<string[]> {
  const { default: Ajv } = fromAppBuilderLib('ajv') as { default: AjvConstructor };
  const schema: unknown = JSON.parse(await readFile(BUILDER_SCHEMA_PATH, 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  if (validate(config)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`);
}
