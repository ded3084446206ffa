/** What a vault warning is about; the app shows `message` as it is. */
export type VaultWarningKind = 'tokens-in-memory-only' | 'weak-encryption' | 'store-recovered' | 'store-migrated' | 'store-write-failed';

/** Something the person should know about how (or whether) tokens are kept. */
export interface VaultWarning {
  readonly kind: VaultWarningKind;
  readonly message: string;
}

/** A store file that could not be used and was moved aside (see conf-document-store.ts). */
export interface StoreRecovery {
  readonly movedTo: string;
  /** One sentence saying what was wrong with it. */
  readonly reason: string;
}

/** The warning for a store file that was moved aside at start-up. */
export function storeRecoveredWarning(recovered: StoreRecovery): VaultWarning {
  return {
    kind: 'store-recovered',
    message: `${recovered.reason} It was kept as ${recovered.movedTo}, and the app started with no accounts and default settings.`,
  };
}

/** The warning for a store file that was upgraded from an older schema version. */
export function storeMigratedWarning(from: number, to: number): VaultWarning {
  return {
    kind: 'store-migrated',
    message: `The store file was upgraded from schema version ${from} to ${to}; versions of the app older than this one can no longer read it.`,
  };
}

/** The warning for a change that could not be written to the store file (disk full, permissions). */
export function storeWriteFailedWarning(error: Error): VaultWarning {
  return {
    kind: 'store-write-failed',
    message: `The store file could not be written (${error.message}). Changes are kept while the app runs; free disk space or fix the folder's permissions so they are saved.`,
  };
}
