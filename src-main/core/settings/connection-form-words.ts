import type { ConnectionFormWords } from '../../contract.ts';
import { DEFAULT_CONNECTION_FIELDS } from './stored-settings.ts';

/*
 * The connection form's words (Settings and the first-run setup): each field's label and hint in
 * the form's order, and a new connection's starting values — exactly what main uses as defaults.
 */

/** Every field of the connection form, in order; `advanced` ones sit in Settings' Advanced fold (the first-run setup leaves them out). */
export const CONNECTION_FORM_WORDS: ConnectionFormWords = {
  fields: [
    { key: 'name', label: 'Name', hint: 'Your name for this AIRisk, such as “Production” or “Staging”.', advanced: false, missing: 'Enter a name for this connection, such as “Production”.' },
    { key: 'baseUrl', label: 'AIRisk base URL', hint: null, advanced: false },
    { key: 'clientId', label: 'Client id', hint: null, advanced: false, missing: 'Enter the client id AIRisk gave you.' },
    { key: 'clientSecret', label: 'Client secret', hint: 'Write-only: kept encrypted on this computer and never shown again.', advanced: false, missing: 'Enter the client secret AIRisk gave you.' },
    { key: 'redirectUri', label: 'Redirect URI', hint: 'Register this address with AIRisk as the app’s redirect URI.', advanced: false },
    { key: 'authorizePath', label: 'Authorization path', hint: null, advanced: true },
    { key: 'tokenPath', label: 'Token path', hint: null, advanced: true },
    {
      key: 'bodyEncoding',
      label: 'Token request body',
      hint: null,
      advanced: true,
      choices: [
        { value: 'form', label: 'Form (x-www-form-urlencoded)' },
        { value: 'json', label: 'JSON' },
      ],
    },
    { key: 'scope', label: 'Scope', hint: 'Standard OAuth 2.0 servers only (AIRisk needs none): sent with the sign-in only when set, e.g. “openid profile”.', advanced: true },
    { key: 'issuer', label: 'Issuer', hint: 'Standard OAuth 2.0 servers only: the issuer a sign-in’s iss must name. Empty: the base URL.', advanced: true },
  ],
  defaults: DEFAULT_CONNECTION_FIELDS,
  texts: {
    list: 'Each connection is one AIRisk environment (production, staging, a sandbox) with its own client and its own tokens.',
    advanced: 'Advanced: paths, token request body, scope and issuer',
    showSecret: 'Show what I type',
    keepSecret: 'Leave empty to keep the current one.',
    check: 'Checking sends the client id and secret to that AIRisk, before any browser opens.',
    authorization: 'Authorization endpoint',
    token: 'Token endpoint and client',
    verdicts: { ok: 'OK', warning: 'Warning', failed: 'Failed', skipped: 'Not checked' },
    remove: 'Its details are deleted from this computer; export it first if you may want it back.',
    needsSecret: 'Needs a client secret before anyone can sign in.',
    lastStays: 'The last connection cannot be removed.',
    replaceSecret: 'Replace client secret',
    secretSet: '(currently set)',
    secretUnset: '(currently not set)',
    tooLarge: 'It is far too large to be a connection file; choose the .airisk-connection.json file you were given.',
    setup: 'Enter the details AIRisk gave you when you registered this app. You can change them later in Settings, and add more AIRisk environments there.',
  },
};
