import type { AiriskMethodName, ConsentAnswer } from '../../contract.ts';

/** What one argument of a contract method may be, checked before the service sees it. */
export type ArgumentKind = 'text' | 'text-or-null' | 'sign-in-request' | 'settings-update' | 'connection-update' | 'consent-answer';

/** One parameter: its name (for messages) and kind. */
export interface ParameterSpec {
  readonly name: string;
  readonly kind: ArgumentKind;
}

/** The answers a consent prompt takes; anything else is refused before the service sees it. */
export const CONSENT_ANSWERS: readonly ConsentAnswer[] = ['allow', 'always', 'deny'];

/** Text longer than this is refused at the boundary (a pasted redirect URL is the longest real one). */
export const MAX_TEXT_LENGTH = 16_384;

/**
 * The parameters of every contract method, checked at the IPC boundary: exact count and primitive
 * types. Deeper rules (known copy formats, label length, settings values) stay in the service,
 * which answers them with messages the window shows.
 */
export const METHOD_PARAMETERS: { readonly [M in AiriskMethodName]: readonly ParameterSpec[] } = {
  getState: [],
  signIn: [{ name: 'request', kind: 'sign-in-request' }],
  cancelSignIn: [],
  openSignInPage: [],
  submitRedirectedUrl: [{ name: 'url', kind: 'text' }],
  renew: [{ name: 'accountId', kind: 'text' }],
  renewAll: [{ name: 'connectionId', kind: 'text' }],
  cancelRenewAll: [],
  remove: [{ name: 'accountId', kind: 'text' }],
  setActive: [{ name: 'accountId', kind: 'text' }],
  rename: [
    { name: 'accountId', kind: 'text' },
    { name: 'label', kind: 'text' },
  ],
  copy: [
    { name: 'accountId', kind: 'text-or-null' },
    // null: the default format of Settings.
    { name: 'format', kind: 'text-or-null' },
  ],
  tokenDetails: [{ name: 'accountId', kind: 'text' }],
  dismissError: [],
  getSettings: [],
  updateSettings: [{ name: 'update', kind: 'settings-update' }],
  saveConnection: [
    { name: 'connectionId', kind: 'text-or-null' },
    { name: 'update', kind: 'connection-update' },
  ],
  duplicateConnection: [{ name: 'connectionId', kind: 'text' }],
  removeConnection: [{ name: 'connectionId', kind: 'text' }],
  checkConnection: [
    { name: 'connectionId', kind: 'text-or-null' },
    { name: 'update', kind: 'connection-update' },
  ],
  exportConnection: [{ name: 'connectionId', kind: 'text' }],
  importConnection: [{ name: 'fileText', kind: 'text' }],
  answerConsent: [
    { name: 'requestId', kind: 'text' },
    { name: 'answer', kind: 'consent-answer' },
  ],
  revokeTerminalSession: [{ name: 'sessionId', kind: 'text-or-null' }],
  installCommandLineTool: [],
  checkForUpdates: [],
};

const KIND_TEXT: Readonly<Record<ArgumentKind, string>> = {
  text: 'text',
  'text-or-null': 'text or null',
  'sign-in-request': 'an object { connectionId?: text, userid?: text }',
  'settings-update': 'an object of setting changes (text, numbers or true/false)',
  'connection-update': 'an object of connection fields (text)',
  'consent-answer': `one of ${CONSENT_ANSWERS.map((answer) => `"${answer}"`).join(', ')}`,
};

/** Refused arguments; the message names the method, the parameter and what was expected. */
export class ArgumentError extends Error {
  override readonly name = 'ArgumentError';
}

/**
 * Throws an {@link ArgumentError} unless `args` fit `method`'s parameters exactly. Returns nothing:
 * the caller passes the same (now checked) array on.
 */
export function checkArguments(method: AiriskMethodName, args: readonly unknown[]): void {
  const parameters = METHOD_PARAMETERS[method];
  if (args.length !== parameters.length) {
    const expected = parameters.length === 0 ? 'no arguments' : `${parameters.length} argument${parameters.length === 1 ? '' : 's'} (${parameters.map((parameter) => `${parameter.name}: ${KIND_TEXT[parameter.kind]}`).join(', ')})`;
    throw new ArgumentError(`airisk.${method} takes ${expected}; it got ${args.length}.`);
  }
  parameters.forEach((parameter, index) => {
    const problem = argumentProblem(parameter.kind, args[index]);
    if (problem !== undefined) throw new ArgumentError(`airisk.${method}: ${parameter.name} must be ${KIND_TEXT[parameter.kind]}; ${problem}.`);
  });
}

function argumentProblem(kind: ArgumentKind, value: unknown): string | undefined {
  switch (kind) {
    case 'text':
      return textProblem(value);
    case 'text-or-null':
      return value === null ? undefined : textProblem(value);
    case 'consent-answer':
      return CONSENT_ANSWERS.some((answer) => answer === value) ? undefined : typeof value === 'string' ? `got "${value.slice(0, 40)}"` : `got ${describe(value)}`;
    case 'sign-in-request': {
      if (!isPlainObject(value)) return `got ${describe(value)}`;
      const extra = Object.keys(value).filter((key) => key !== 'userid' && key !== 'connectionId');
      if (extra.length > 0) return `it has unknown field${extra.length === 1 ? '' : 's'} ${extra.map((key) => `"${key.slice(0, 40)}"`).join(', ')}`;
      for (const key of ['connectionId', 'userid'] as const) {
        const field = value[key];
        const problem = field === undefined ? undefined : textProblem(field);
        if (problem !== undefined) return `${key} ${problem.replace(/^got /, 'is ')}`;
      }
      return undefined;
    }
    case 'connection-update': {
      if (!isPlainObject(value)) return `got ${describe(value)}`;
      for (const [key, field] of Object.entries(value)) {
        const problem = textProblem(field);
        if (problem !== undefined) return `"${key.slice(0, 40)}" ${problem.replace(/^got /, 'is ')}`;
      }
      return undefined;
    }
    case 'settings-update': {
      if (!isPlainObject(value)) return `got ${describe(value)}`;
      for (const [key, field] of Object.entries(value)) {
        if (typeof field === 'string' ? field.length > MAX_TEXT_LENGTH : typeof field !== 'number' && typeof field !== 'boolean') {
          return `"${key.slice(0, 40)}" is ${typeof field === 'string' ? 'too long' : describe(field)}`;
        }
      }
      return undefined;
    }
  }
}

function textProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return `got ${describe(value)}`;
  if (value.length > MAX_TEXT_LENGTH) return `got ${value.length} characters (at most ${MAX_TEXT_LENGTH})`;
  return undefined;
}

/** An object literal (or null-prototype object), not an array, Date, class instance or null. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object of another kind' : typeof value === 'undefined' ? 'nothing' : `a ${typeof value}`;
}
