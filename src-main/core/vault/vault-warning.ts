/** What a vault warning is about; the app shows `message` as it is. */
export type VaultWarningKind = 'tokens-in-memory-only' | 'weak-encryption' | 'store-recovered' | 'store-migrated' | 'store-write-failed';

/** Something the person should know about how (or whether) tokens are kept. */
export interface VaultWarning {
  readonly kind: VaultWarningKind;
  readonly message: string;
}

/**
 * What happened to the store file at start-up (see conf-document-store.ts): it could not be used and
 * was moved aside (`movedTo`, `reason`), or the store was empty and a file an older version had
 * moved aside was put back (`restoredFrom`).
 */
export type StoreRecovery =
  | {
      readonly movedTo: string;
      /** One sentence saying what was wrong with it. */
      readonly reason: string;
      readonly restoredFrom?: undefined;
    }
  | { readonly restoredFrom: string; readonly movedTo?: undefined; readonly reason?: undefined };

/** The warning for a store file that was moved aside, or restored, at start-up. */
export function storeRecoveredWarning(recovered: StoreRecovery): VaultWarning {
  if (recovered.restoredFrom !== undefined) {
    return { kind: 'store-recovered', message: `Restored the tokens an older version of AIRisk Token Tray had set aside (${recovered.restoredFrom}).` };
  }
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
