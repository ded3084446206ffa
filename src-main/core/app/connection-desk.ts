import type { ConnectionCheck, ConnectionProblem, ConnectionResult, ConnectionUpdate, ConnectionView } from '../../contract.ts';
import { checkConnection } from '../connections/connection-check.ts';
import { exportConnectionFile, parseConnectionFile } from '../connections/connection-file.ts';
import type { FetchPort } from '../oauth/fetch-port.ts';
import { CONNECTION_FIELD_LABELS } from '../settings/connection-validation.ts';
import { movedSecretProblem, originOf, secretNotSentForCheck } from '../settings/client-secret-origin.ts';
import { freeConnectionName } from '../settings/connection-name.ts';
import { changesSignIn, validateConnectionUpdate } from '../settings/connection-validation.ts';
import { connectionView } from '../settings/connection-view.ts';
import { signInConfig } from '../settings/sign-in-config.ts';
import { DEFAULT_CONNECTION_FIELDS, type ConnectionFields } from '../settings/stored-settings.ts';
import type { ClientSecretRead, ConnectionRecord, Vault } from '../vault/vault.ts';
import { accountCounts } from './state-view.ts';

/** What the desk needs from the service around it. */
export interface ConnectionDeskPorts {
  readonly vault: Vault;
  /** Cancels a sign-in under way on this connection, if there is one. */
  readonly cancelSignInOn: (connectionId: string) => void;
  /** These accounts went with their connection (the expiry scheduler forgets them). */
  readonly accountsRemoved: (accountIds: readonly string[]) => void;
  readonly fetch?: FetchPort | undefined;
  readonly now: () => number;
}

/**
 * The connection half of the service: add, edit, duplicate, remove, check, export and import
 * connections. Every edit and every import goes through the one validation (connection-validation.ts).
 */
export class ConnectionDesk {
  readonly #ports: ConnectionDeskPorts;

  constructor(ports: ConnectionDeskPorts) {
    this.#ports = ports;
  }

  /** Every connection as Settings edits it (decrypts each secret to judge it; Settings only). */
  async views(): Promise<ConnectionView[]> {
    const counts = accountCounts(this.#ports.vault.accounts());
    const views: ConnectionView[] = [];
    for (const connection of this.#ports.vault.connections()) views.push(await this.#view(connection, counts));
    return views;
  }

  /** `id` null adds a connection; otherwise edits it. A sign-in under way on it stops when the edit changes where it goes. */
  async save(id: string | null, update: ConnectionUpdate): Promise<ConnectionResult> {
    if (typeof update !== 'object' || update === null) throw new Error('A connection update must be an object of changes.');
    const vault = this.#ports.vault;
    const current = id === null ? undefined : this.#require(id);
    const base: ConnectionFields = current ?? DEFAULT_CONNECTION_FIELDS;
    // A new connection has no name until it is given one, not the default's.
    const checked = validateConnectionUpdate(current === undefined ? { ...base, name: '' } : base, update, this.#namesBut(id));
    if (!checked.ok) return { ok: false, problems: checked.problems };
    const { fields, clientSecret } = checked.accepted;
    const moved = current !== undefined && clientSecret === undefined && current.clientSecretStored !== 'none' ? movedSecretProblem(current.baseUrl, fields.baseUrl) : undefined;
    if (moved !== undefined) return { ok: false, problems: [{ field: 'clientSecret', message: moved }] };
    // A new secret changes the client too: a sign-in under way would exchange its code with the old one.
    if (current !== undefined && (changesSignIn(current, fields) || clientSecret !== undefined)) this.#ports.cancelSignInOn(current.id);
    // Fields and secret in one change, the secret encrypted first: a failing cipher saves nothing.
    const saved = await vault.saveConnection(current?.id ?? null, fields, clientSecret);
    // Tokens belong to the AIRisk that issued them: never copied into a command aimed at another one.
    if (current !== undefined && originOf(current.baseUrl) !== originOf(fields.baseUrl)) vault.dropTokens(current.id);
    return { ok: true, connection: await this.#view(saved) };
  }

  /** A copy named "<name> (copy)" (then "(copy 2)" …), without the secret and without accounts. */
  async duplicate(id: string): Promise<ConnectionResult> {
    const { id: _id, clientSecretStored: _stored, ...fields } = this.#require(id);
    const copy = this.#ports.vault.addConnection({ ...fields, name: freeConnectionName(fields.name, 'copy', this.#namesBut(null)) });
    return asksForSecret({ ok: true, connection: await this.#view(copy) });
  }

  /** Removes the connection with its accounts and tokens (the vault refuses the last one); a sign-in under way on it is then cancelled. */
  remove(id: string): void {
    const vault = this.#ports.vault;
    this.#require(id);
    const accountIds = vault.accounts().filter((account) => account.connectionId === id).map((account) => account.id);
    // The vault refuses the last connection (the one place of that rule); only then is a sign-in on it stopped.
    vault.removeConnection(id);
    this.#ports.cancelSignInOn(id);
    this.#ports.accountsRemoved(accountIds);
  }

  /**
   * Checks saved connection `id` with `update` laid over it (or `update` alone), before any browser
   * opens. Fields that break a rule are reported as a failed step and nothing is sent. An empty or
   * absent secret means the stored one, sent only if it is sealed to the checked base URL's origin.
   */
  async check(id: string | null, update: ConnectionUpdate): Promise<ConnectionCheck> {
    if (typeof update !== 'object' || update === null) throw new Error('A connection update must be an object of changes.');
    const current = id === null ? DEFAULT_CONNECTION_FIELDS : this.#require(id);
    const { clientSecret: typed, ...rest } = update;
    const secretGiven = typeof typed === 'string' && typed.trim() !== '';
    // The name plays no part in a check; only the fields that decide where the requests go are judged.
    const checked = validateConnectionUpdate({ ...current, name: 'check' }, { ...rest, name: 'check', ...(secretGiven ? { clientSecret: typed } : {}) }, []);
    if (!checked.ok) {
      const why = checked.problems.map((problem) => problem.message).join(' ');
      return { authorization: { verdict: 'failed', message: `Nothing was sent: ${why}` }, token: { verdict: 'skipped', message: 'Not tried until the settings above are fixed.' } };
    }
    const { fields, clientSecret } = checked.accepted;
    const stored = clientSecret !== undefined || id === null ? undefined : await this.#ports.vault.readClientSecret(id, fields.baseUrl);
    const secret = clientSecret ?? stored?.secret;
    const ports = { now: this.#ports.now, ...(this.#ports.fetch === undefined ? {} : { fetch: this.#ports.fetch }) };
    return checkConnection(signInConfig(fields, secret ?? ''), ports, { secretProblem: storedSecretProblem(stored, fields.baseUrl) });
  }

  /** The connection as a connection file's text (never the secret). */
  export(id: string): string {
    return exportConnectionFile(this.#require(id));
  }

  /** Adds a connection from a connection file's text; a refused file changes nothing. A taken name gets " (imported)" ("(imported 2)" …). */
  async import(fileText: string): Promise<ConnectionResult> {
    if (typeof fileText !== 'string') throw new Error('fileText must be text.');
    const parsed = parseConnectionFile(fileText);
    // The parser builds its fields afresh, the known ones only: never a secret.
    const result = parsed.ok ? await this.save(null, { ...parsed.fields, name: freeConnectionName(parsed.fields.name.trim(), 'imported', this.#namesBut(null), true) }) : parsed;
    // No form shows the file's fields: a field's problem names it ("Base URL: …"), the file's stays as it is.
    const named = (problem: ConnectionProblem): ConnectionProblem => (problem.field === 'file' ? problem : { ...problem, message: `${CONNECTION_FIELD_LABELS[problem.field] ?? problem.field}: ${problem.message}` });
    return result.ok ? asksForSecret(result) : { ok: false, problems: result.problems.map(named) };
  }

  async #view(connection: ConnectionRecord, counts: ReadonlyMap<string, number> = accountCounts(this.#ports.vault.accounts())): Promise<ConnectionView> {
    const { problem } = await this.#ports.vault.readClientSecret(connection.id);
    return connectionView(connection, problem, counts.get(connection.id) ?? 0);
  }

  #require(id: string): ConnectionRecord {
    if (typeof id !== 'string') throw new Error('connectionId must be text.');
    const connection = this.#ports.vault.connection(id);
    if (connection === undefined) throw new Error('That connection no longer exists; it may have been removed.');
    return connection;
  }

  #namesBut(id: string | null): string[] {
    return this.#ports.vault.connections().filter((connection) => connection.id !== id).map((connection) => connection.name);
  }
}

/** A new connection (a duplicate, an import) with the note asking for its secret. The file chose where the secret will go, so the note shows it: a look-alike name can hide another AIRisk. */
function asksForSecret(result: { readonly ok: true; readonly connection: ConnectionView }): ConnectionResult {
  const { name, baseUrl } = result.connection;
  return { ...result, note: `Enter the client secret for ${name} only if ${originOf(baseUrl) ?? baseUrl} is your AIRisk.` };
}

/** Why a stored secret was not used for a check of `baseUrl`, in the token step's words (undefined: it was, or none is set). */
function storedSecretProblem(stored: ClientSecretRead | undefined, baseUrl: string): string | undefined {
  if (stored?.problem === undefined) return undefined;
  return stored.savedFor === undefined ? `Not tried: ${stored.problem}` : secretNotSentForCheck(stored.savedFor, baseUrl);
}
