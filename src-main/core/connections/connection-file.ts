import type { ConnectionProblem } from '../../contract.ts';

/** The fields a connection file carries (never the secret). */
export interface ConnectionFileFields {
  readonly name: string;
  readonly baseUrl: string;
  readonly authorizePath: string;
  readonly tokenPath: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly bodyEncoding: 'form' | 'json';
  readonly scope: string;
  readonly issuer: string;
}

/** Placeholder until the r4-conn-check branch is merged: the file text for `fields`. */
export function exportConnectionFile(_fields: ConnectionFileFields): string {
  throw new Error('not merged yet');
}

/** Placeholder until the r4-conn-check branch is merged: the fields of a connection file, or why it is refused. */
export function parseConnectionFile(_text: string): { ok: true; fields: ConnectionFileFields } | { ok: false; problems: ConnectionProblem[] } {
  throw new Error('not merged yet');
}
