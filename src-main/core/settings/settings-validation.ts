import type { SettingsProblem, SettingsUpdate, SettingsView } from '../../contract.ts';
import { findClientConfigProblems } from '../oauth/client-config.ts';
import { parseLoopbackRedirectUri } from '../oauth/redirect-uri.ts';
import { issuerProblem, scopeProblem } from '../oauth/standard-oauth-settings.ts';
import { isSignInError } from '../oauth/sign-in-error.ts';
import type { StoredSettings } from './stored-settings.ts';

/** Bounds a person could sensibly want; outside them the value is almost certainly a typo. */
export const EXPIRY_LEAD_RANGE = { min: 0, max: 24 * 3600 } as const;
export const CLIPBOARD_CLEAR_RANGE = { min: 0, max: 3600 } as const;

/**
 * The settings as the window may see them: the client secret only as "set or not". A secret saved
 * for another origin than the base URL's counts as not set, and `clientSecretProblem` says why.
 */
export function settingsView(settings: StoredSettings, clientSecretStored: boolean, clientSecretProblem: string | undefined = undefined): SettingsView {
  const { clientSecret: _secret, ...visible } = settings;
  const problem = clientSecretStored ? (clientSecretProblem ?? null) : null;
  return { ...visible, clientSecretSet: clientSecretStored && problem === null, clientSecretProblem: problem };
}

/** Settings after an accepted update, with the secret (if any) to store separately. */
export interface AcceptedSettings {
  readonly settings: Omit<StoredSettings, 'clientSecret'>;
  readonly clientSecret: string | undefined;
}

/**
 * Checks an update against every rule and names each problem with its fix. Nothing is applied
 * unless everything is valid, so a half-saved form never leaves the app misconfigured.
 */
export function validateSettingsUpdate(current: StoredSettings, update: SettingsUpdate): { ok: true; accepted: AcceptedSettings } | { ok: false; problems: SettingsProblem[] } {
  const problems: SettingsProblem[] = [];
  const known = new Set<string>(['baseUrl', 'authorizePath', 'tokenPath', 'clientId', 'clientSecret', 'redirectUri', 'bodyEncoding', 'expiryLeadSeconds', 'clipboardClearSeconds', 'startAtLogin', 'startHidden', 'allowWeakEncryption', 'scope', 'issuer']);
  for (const key of Object.keys(update)) {
    if (!known.has(key)) problems.push({ field: key as keyof SettingsUpdate, message: `"${key}" is not a setting.` });
  }
  const text = (field: 'baseUrl' | 'authorizePath' | 'tokenPath' | 'clientId' | 'redirectUri' | 'scope' | 'issuer'): string => {
    const value = update[field];
    if (value === undefined) return current[field];
    if (typeof value !== 'string') {
      problems.push({ field, message: `${field} must be text.` });
      return current[field];
    }
    return value.trim();
  };
  const flag = (field: 'startAtLogin' | 'startHidden' | 'allowWeakEncryption'): boolean => {
    const value = update[field];
    if (value === undefined) return current[field];
    if (typeof value !== 'boolean') problems.push({ field, message: `${field} must be true or false.` });
    return value === true;
  };
  const seconds = (field: 'expiryLeadSeconds' | 'clipboardClearSeconds', range: { min: number; max: number }, what: string): number => {
    const value = update[field];
    if (value === undefined) return current[field];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < range.min || value > range.max) {
      problems.push({ field, message: `${what} must be a whole number of seconds from ${range.min} to ${range.max}.` });
      return current[field];
    }
    return value;
  };

  const settings = {
    baseUrl: text('baseUrl').replace(/\/+$/, ''),
    authorizePath: text('authorizePath'),
    tokenPath: text('tokenPath'),
    clientId: text('clientId'),
    redirectUri: text('redirectUri'),
    bodyEncoding: update.bodyEncoding ?? current.bodyEncoding,
    expiryLeadSeconds: seconds('expiryLeadSeconds', EXPIRY_LEAD_RANGE, 'The expiry warning time'),
    clipboardClearSeconds: seconds('clipboardClearSeconds', CLIPBOARD_CLEAR_RANGE, 'The clipboard clear time'),
    startAtLogin: flag('startAtLogin'),
    startHidden: flag('startHidden'),
    allowWeakEncryption: flag('allowWeakEncryption'),
    scope: text('scope'),
    issuer: text('issuer'),
  };
  if (settings.bodyEncoding !== 'form' && settings.bodyEncoding !== 'json') {
    problems.push({ field: 'bodyEncoding', message: 'The token request body must be form or json.' });
  }
  for (const [field, problem] of [['scope', scopeProblem(settings.scope)], ['issuer', issuerProblem(settings.issuer)]] as const) {
    if (problem !== undefined) problems.push({ field, message: problem });
  }
  const clientSecret = update.clientSecret;
  if (clientSecret !== undefined && (typeof clientSecret !== 'string' || clientSecret.trim() === '')) {
    problems.push({ field: 'clientSecret', message: 'The client secret cannot be empty; paste the one AIRisk gave you.' });
  }

  // Reuse the sign-in's own checks for URLs and paths; credentials may legitimately be blank while setting up.
  problems.push(...findClientConfigProblems({ ...settings, clientId: 'set', clientSecret: 'set' }));
  try {
    parseLoopbackRedirectUri(settings.redirectUri);
  } catch (error) {
    problems.push({ field: 'redirectUri', message: isSignInError(error) ? error.message : 'The redirect URI is not valid.' });
  }

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, accepted: { settings, clientSecret: clientSecret?.trim() } };
}
