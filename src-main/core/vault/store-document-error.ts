/**
 * Why a store document cannot be used: `invalid` = damaged or hand-edited into something this
 * version cannot trust; `newer-version` = written by a newer version of the app, readable by it but
 * not by us. Either way the file is moved aside, never overwritten. `reason` is one sentence for a person.
 */
export class StoreDocumentError extends Error {
  readonly kind: 'invalid' | 'newer-version';
  readonly reason: string;

  constructor(kind: 'invalid' | 'newer-version', reason: string) {
    super(reason);
    this.name = 'StoreDocumentError';
    this.kind = kind;
    this.reason = reason;
  }
}

/** An `invalid` StoreDocumentError whose reason says what is wrong where. */
export function invalidDocument(problem: string): StoreDocumentError {
  return new StoreDocumentError('invalid', `The store file is not a valid store: ${problem}.`);
}
