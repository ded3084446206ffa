import type { ErrorView } from '../../contract.ts';

/** Who and where a failed sign-in was for, when known: "user_42 on Staging", and its connection. */
export interface FailureContext {
  readonly subject?: string;
  readonly connectionId?: string;
}

const TITLES: Readonly<Record<string, string>> = {
  access_denied: 'AIRisk refused the sign-in',
  issuer_mismatch: 'The answer came from another issuer',
  authorization_error: 'AIRisk did not authorize the sign-in',
  authorization_unreachable: 'The sign-in page cannot be reached',
  callback_timeout: 'The browser did not come back in time',
  callback_port_unavailable: 'The sign-in could not listen for the browser',
  paste_invalid: 'That address does not finish this sign-in',
  token_rejected: 'AIRisk refused to issue a token',
  token_network: 'AIRisk could not be reached',
  token_timeout: 'AIRisk could not be reached',
  invalid_configuration: 'The settings need a change',
  token_not_saved: 'The token could not be stored',
  busy: 'Renew all is under way',
};

/** The failures a connection's settings fix (the window offers a way there). */
const FIXED_IN_SETTINGS: ReadonlySet<string> = new Set([
  'invalid_configuration',
  'authorization_error',
  'authorization_unreachable',
  'issuer_mismatch',
  'token_rejected',
  'callback_port_unavailable',
  'token_not_json',
  'token_http_error',
]);

/**
 * The failure as the window and tray show it: a one-line headline by error code naming who it was
 * for ("AIRisk refused the sign-in (user_9 on Staging)"), the full sentence, and the connection
 * whose settings fix it (only when settings do).
 */
export function failureView(code: string, message: string, at: string, context: FailureContext = {}): ErrorView {
  const headline = TITLES[code] ?? 'The sign-in did not finish';
  return {
    code,
    message,
    at,
    title: context.subject === undefined ? headline : `${headline} (${context.subject})`,
    settingsConnectionId: context.connectionId !== undefined && FIXED_IN_SETTINGS.has(code) ? context.connectionId : null,
  };
}
