/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** What the consent page shows and what its form carries back. */
export interface ConsentPageInput {
  readonly clientName: string;
  readonly clientId: string;
  /** The `userid` of the request, or null for a generic token. */
  readonly userid: string | null;
  /** Every authorization parameter, sent back as hidden inputs. */
  readonly hiddenFields: readonly (readonly [name: string, value: string])[];
  /** Where the person will be sent afterwards (shown, so they can judge it). */
  readonly redirectUri: string;
}

/**
 * The consent page: names the client and the user, and posts every authorization parameter back
 * to `/api/oauth2/Authorize` with `decision=approve` or `decision=deny`.
 */
export function renderConsentPage(input: ConsentPageInput): string {
  const user = input.userid === null ? 'generic token (no user)' : `user ${input.userid}`;
  const hidden = input.hiddenFields
    .map(([name, value]) => `    <input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n');
  return page(
    'Authorize access — AIRisk sandbox',
    `  <h1>Authorize ${escapeHtml(input.clientName)}</h1>
  <p><strong id="client">${escapeHtml(input.clientName)}</strong> (client id <code id="client-id">${escapeHtml(input.clientId)}</code>)
  asks for an AIRisk access token for <strong id="user">${escapeHtml(user)}</strong>.</p>
  <p>After you decide you will be sent to <code id="redirect-uri">${escapeHtml(input.redirectUri)}</code>.</p>
  <form method="post" action="/api/oauth2/Authorize">
${hidden}
    <button type="submit" name="decision" value="approve">Approve</button>
    <button type="submit" name="decision" value="deny">Deny</button>
  </form>`,
  );
}

/** The page for a request the sandbox must not redirect back (unknown client, unregistered redirect URI). */
export function renderErrorPage(title: string, message: string): string {
  return page(
    `${title} — AIRisk sandbox`,
    `  <h1>${escapeHtml(title)}</h1>
  <p id="error">${escapeHtml(message)}</p>`,
  );
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${escapeHtml(title)}</title>
  <style>body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; } button { margin-right: 1rem; }</style>
</head>
<body>
${body}
</body>
</html>
`;
}
