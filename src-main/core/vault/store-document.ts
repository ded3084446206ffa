import { randomUUID } from 'node:crypto';
import { DEFAULT_SETTINGS } from '../settings/stored-settings.ts';
import { migrateV1ToV2 } from './store-document-v1.ts';
import { migrateV2ToV3 } from './store-document-v2.ts';
import { StoreDocumentError, invalidDocument } from './store-document-error.ts';
import { STORE_SCHEMA_VERSION, type StoreDocument } from './store-document-schema.ts';

import { validateStoreDocument } from './validate-store-document.ts';
import { isJsonObject } from '../../shared/json-object.ts';

export { STORE_SCHEMA_VERSION, type StoreDocument, type StoredAccount } from './store-document-schema.ts';

/** What {@link migrateStoreDocument} made of a raw document. */
export interface StoreDocumentMigration {
  readonly document: StoreDocument;
  /** The schema version the raw document had, when it was older than the current one. */
  readonly migratedFrom: number | undefined;
  /** Small inconsistencies that were repaired rather than rejected (one sentence each); the caller should persist the document when any. */
  readonly repairs: readonly string[];
}

/** Options of {@link migrateStoreDocument}; `newId` makes the ids new accounts get predictable in tests. */
export interface MigrationOptions {
  readonly newId?: () => string;
}

/** One migration step: a valid document of version N (unknown shape, checked by the step) to version N + 1. */
type MigrationStep = (raw: Record<string, unknown>, newId: () => string) => Record<string, unknown>;

/** Step N migrates version N to N + 1. */
const MIGRATION_STEPS: Readonly<Record<number, MigrationStep>> = {
  1: migrateV1ToV2,
  2: migrateV2ToV3,
};

/** An empty store (first run): no connection until setup saves one, no accounts, default settings. */
export function emptyStoreDocument(): StoreDocument {
  return { schemaVersion: STORE_SCHEMA_VERSION, connections: [], accounts: [], activeAccountId: null, settings: DEFAULT_SETTINGS };
}

/**
 * Turns what the store file holds into a current, validated document. `undefined` (no file) is an
 * empty store. Older versions are migrated one step at a time, then the result is validated
 * strictly. Throws StoreDocumentError: `invalid` for anything damaged, `newer-version` for a
 * document from a newer app (which must not be overwritten).
 */
export function migrateStoreDocument(raw: unknown, options: MigrationOptions = {}): StoreDocumentMigration {
  if (raw === undefined) return { document: emptyStoreDocument(), migratedFrom: undefined, repairs: [] };
  if (!isJsonObject(raw)) throw invalidDocument('it is not a JSON object');
  const version = raw.schemaVersion;
  if (version === undefined) throw invalidDocument('it has no schemaVersion');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw invalidDocument(`schemaVersion ${JSON.stringify(version)} is not a version number`);
  }
  if (version > STORE_SCHEMA_VERSION) {
    throw new StoreDocumentError(
      'newer-version',
      `The store file was written by a newer version of AIRisk Token Tray (store schema version ${version}; this version reads up to ${STORE_SCHEMA_VERSION}).`,
    );
  }
  const newId = options.newId ?? randomUUID;
  let current: Record<string, unknown> = raw;
  for (let from = version; from < STORE_SCHEMA_VERSION; from += 1) {
    const step = MIGRATION_STEPS[from];
    if (step === undefined) throw new Error(`No migration from store schema version ${from} to ${from + 1}.`);
    current = step(current, newId);
  }
  const { document, repairs } = validateStoreDocument(current);
  return { document, migratedFrom: version === STORE_SCHEMA_VERSION ? undefined : version, repairs };
}
