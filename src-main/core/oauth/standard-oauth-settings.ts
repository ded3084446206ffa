/**
 * The two optional settings for standard OAuth 2.0 servers, checked the same way in Settings and
 * on the CLI. Both are empty (unset) by default; AIRisk documents neither.
 * - `scope`: RFC 6749 §3.3, sent in the authorization request only when set;
 * - `issuer`: RFC 9207, the `iss` a callback must carry when it carries one (default: the base URL).
 */
import { hasAcceptableTransport } from './transport-rule.ts';

/** The longest scope accepted; real ones are a few words. */
export const MAX_SCOPE_LENGTH = 1000;

/** What is wrong with a scope (already trimmed), or undefined when it is usable (empty = unset). */
export function scopeProblem(scope: string): string | undefined {
  if ([...scope].length > MAX_SCOPE_LENGTH) return `The scope is longer than ${MAX_SCOPE_LENGTH} characters; use the scope values your OAuth server documents, separated by spaces.`;
  if (/[\p{C}\u2028\u2029]/u.test(scope)) return 'The scope must be printable text without control or invisible characters, e.g. "openid profile".';
  return undefined;
}

/** What is wrong with an issuer (already trimmed), or undefined when it is usable (empty = unset). */
export function issuerProblem(issuer: string): string | undefined {
  if (issuer === '') return undefined;
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return `The issuer "${issuer.slice(0, 80)}" is not an absolute URL; use the one your OAuth server names as its issuer, e.g. https://login.example.com, or leave it empty.`;
  }
  if (!hasAcceptableTransport(url)) {
    return 'The issuer must start with https:// (plain http only on 127.0.0.1 or localhost), or be left empty.';
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    return 'The issuer must not contain a user name, password, query (?…) or fragment (#…).';
  }
  return undefined;
}
