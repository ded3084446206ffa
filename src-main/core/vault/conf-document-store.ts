import { writeFile as atomicWriteFile } from 'atomically';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { resolve } from 'node:path';
import Conf, { type Options } from 'conf';
import type { DocumentStorePort } from './document-store-port.ts';
import { copyAside, filesSetAside, moveAside } from './move-aside.ts';
import { removeStaleTempFiles } from './stale-temp-files.ts';
import { StoreDocumentError } from './store-document-error.ts';
import { migrateStoreDocument } from './store-document.ts';

import type { StoreRecovery } from './vault-warning.ts';
import { isJsonObject } from '../../shared/json-object.ts';

/** The store file's name without extension: `<directory>/airisk-token-tray.json`. */
export const DEFAULT_STORE_FILE_NAME = 'airisk-token-tray';

/** `conf` options plus electron-store's `name`, which electron-store copies over `configName` (its default is `config`). */
export type SharedStoreOptions = Readonly<Partial<Options<Record<string, unknown>>>> & { readonly name: string };

/**
 * The one option object for `conf` (here) and `electron-store` (src-main/electron/electron-store-document.ts,
 * through `openConfDocumentStore`'s `create`), so both open the same file the same way.
 * - `cwd` + `configName`/`name` + `.json`: the file is `<directory>/<fileName>.json`;
 * - `clearInvalidConfig: false`: an unreadable file makes the constructor throw instead of being
 *   wiped, so openConfDocumentStore can move it aside;
 * - `configFileMode: 0o600` (conf ≥ 13 has it): the temporary file is created with this mode and
 *   the mode is applied again on every write, so an older 0644 file is tightened too;
 * - `deserialize` refuses JSON that is not an object (conf would read `[]` or `"x"` as an empty
 *   store and overwrite it) and keeps file content out of error messages;
 * - no schema, defaults, migrations or watching: the vault validates and migrates explicitly.
 */
export function storeOptions(directory: string, fileName: string = DEFAULT_STORE_FILE_NAME): SharedStoreOptions {
  return {
    cwd: directory,
    configName: fileName,
    name: fileName,
    projectName: DEFAULT_STORE_FILE_NAME,
    fileExtension: 'json',
    clearInvalidConfig: false,
    configFileMode: STORE_FILE_MODE,
    accessPropertiesByDotNotation: false,
    watch: false,
    deserialize: parseStoreText,
  };
}

/** The store file is readable by its owner only. */
const STORE_FILE_MODE = 0o600;

/** conf's default serialisation (tab-indented JSON), so background writes match its own. */
function serializeLikeConf(document: unknown): string {
  return JSON.stringify(document, undefined, '\t');
}

/** What the store needs of a `conf` instance; `electron-store` (a `conf` subclass) has it too. */
export interface ConfLike {
  readonly path: string;
  store: Record<string, unknown>;
}

/** Opens the file with {@link storeOptions}: `new Conf(options)` here, `new ElectronStore(…)` in the Electron shell. */
export type ConfFactory = (options: SharedStoreOptions) => ConfLike;

/** Options of {@link openConfDocumentStore}. */
export interface ConfDocumentStoreOptions {
  readonly directory: string;
  /** Without extension; default `airisk-token-tray`. */
  readonly fileName?: string;
  /** Clock for the moved-aside file's timestamp (tests). */
  readonly now?: () => number;
  /** How to open the file (default `new Conf(options)`); it must throw SyntaxError for an unreadable file, as conf does. */
  readonly create?: ConfFactory;
}

/** The opened store, and what happened to a store file that could not be used (undefined when none). */
export interface OpenedConfDocumentStore {
  readonly store: DocumentStorePort;
  readonly recovered: StoreRecovery | undefined;
}

/**
 * Opens `<directory>/<fileName>.json` with `conf` (or what `create` returns: electron-store in the
 * Electron shell). A file that cannot be parsed, fails validation or was written by a newer schema
 * version is renamed to `<fileName>.corrupt-<timestamp>.json` (`.newer-<timestamp>.json` for a
 * newer version) and the store starts empty; `recovered` says where it went and why. Other errors
 * (permissions, a directory in the way) are thrown.
 *
 * Nothing is lost across versions: when the store is missing or holds nothing (no connection, no
 * account) and an older version moved a store aside as `.newer-…` that this version reads, the newest
 * such file is renamed back (`recovered.restoredFrom`). Before a store of an older schema is
 * migrated (and written over), it is copied to `<fileName>.v<old version>-<timestamp>.json`, once.
 *
 * Crash safety: conf writes through `atomically.writeFileSync` — a temporary file
 * `<path>.tmp-<time><random>` in the same directory, created with `configFileMode`, written,
 * fsynced, closed, then renamed over the store file — so a killed process leaves either the old or
 * the new file, never half of one (at worst a stray `.tmp-…` file, removed here at the next open:
 * it holds an older copy of the encrypted tokens). Exceptions conf makes: with
 * `SNAP` set, or when the rename fails with `EXDEV` (seen on Windows), it writes in place.
 */
export function openConfDocumentStore(options: ConfDocumentStoreOptions): OpenedConfDocumentStore {
  const fileName = options.fileName ?? DEFAULT_STORE_FILE_NAME;
  const now = options.now ?? Date.now;
  const create: ConfFactory = options.create ?? ((shared) => new Conf(shared));
  mkdirSync(options.directory, { recursive: true, mode: 0o700 });
  removeStaleTempFiles(options.directory, `${fileName}.json`);
  const shared = storeOptions(options.directory, fileName);
  const filePath = resolve(options.directory, `${fileName}.json`);
  let recovered: StoreRecovery | undefined;
  let conf: ConfLike;
  try {
    conf = create(shared);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    recovered = { movedTo: moveAside(filePath, 'corrupt', new Date(now())), reason: error.message };
    conf = create(shared);
  }
  // This process is the file's only writer (single-instance lock), so what it last read or wrote is
  // what the file holds: the document is parsed once here, not again when the vault opens.
  let current: unknown = recovered === undefined && existsSync(conf.path) ? conf.store : undefined;
  let judged: StoreJudgement = recovered === undefined ? judge(current) : { kind: 'empty', migratedFrom: undefined };
  if (judged.kind === 'corrupt' || judged.kind === 'newer') {
    recovered = { movedTo: moveAside(conf.path, judged.kind, new Date(now())), reason: judged.reason };
    current = undefined;
  } else if (recovered === undefined && judged.kind === 'empty') {
    const restored = restoreSetAsideStore(filePath);
    if (restored !== undefined) {
      conf = create(shared);
      current = conf.store;
      judged = judge(current);
      recovered = { restoredFrom: restored };
    }
  }
  // Before the migrated document is written over it, the file as the older version wrote it is kept.
  if (judged.migratedFrom !== undefined) copyAside(filePath, `v${judged.migratedFrom}`, new Date(now()));
  const store: DocumentStorePort = {
    path: conf.path,
    read: () => current,
    write: (document) => {
      conf.store = document;
      current = document;
    },
    // conf has no asynchronous write. This one writes the same bytes conf would (its default
    // serialisation) through the same atomic writer conf uses (temp file, fsync, rename) with the
    // same file mode, on libuv's thread pool. conf's cached copy goes stale, which is fine: reads
    // come from `current`.
    writeInBackground: async (document) => {
      await atomicWriteFile(conf.path, serializeLikeConf(document), { mode: STORE_FILE_MODE });
      current = document;
    },
  };
  return { store, recovered };
}

/** What a store file's document is to this version: usable, usable but holding nothing, or to be moved aside (and why). */
type StoreJudgement =
  | { readonly kind: 'usable' | 'empty'; readonly migratedFrom: number | undefined }
  | { readonly kind: 'corrupt' | 'newer'; readonly reason: string; readonly migratedFrom?: undefined };

/** Migrates and validates `raw` (nothing is written); `empty` = no file, or one with no connection and no account. */
function judge(raw: unknown): StoreJudgement {
  try {
    const { document, migratedFrom } = migrateStoreDocument(raw);
    const empty = document.connections.length === 0 && document.accounts.length === 0;
    return { kind: empty ? 'empty' : 'usable', migratedFrom };
  } catch (error) {
    if (!(error instanceof StoreDocumentError)) throw error;
    return { kind: error.kind === 'newer-version' ? 'newer' : 'corrupt', reason: error.reason };
  }
}

/**
 * For a store that is missing or holds nothing: renames the newest `.newer-…` file an older version
 * set aside, if this version reads it and it holds something, back to `filePath` and returns where
 * it was; undefined when there is none.
 */
function restoreSetAsideStore(filePath: string): string | undefined {
  const restorable = filesSetAside(filePath, 'newer').find((path) => judge(readStoreFile(path)).kind === 'usable');
  if (restorable !== undefined) renameSync(restorable, filePath);
  return restorable;
}

/** A set-aside store file's document, or undefined when it cannot be read or parsed (it is then left where it is). */
function readStoreFile(path: string): unknown {
  try {
    return parseStoreText(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** conf's `deserialize`: JSON text (a leading byte order mark ignored) that must be an object. Throws SyntaxError. */
export function parseStoreText(text: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new SyntaxError(text.trim().length === 0 ? 'The store file is empty.' : 'The store file is not valid JSON.');
  }
  if (!isJsonObject(parsed)) throw new SyntaxError('The store file holds JSON that is not an object.');
  return parsed;
}
