/*
 * The client secret is bound to the origin (scheme, host, port) of the base URL it was saved for,
 * so a changed base URL — in Settings, or by another program editing the store file — never
 * receives it. This is the one rule; the vault applies it to the origin sealed inside what it
 * decrypts (never to a plain field of the store file), for the sign-in and the settings view.
 */

/** The origin of a base URL (`https://api.airisk.example.com`), or null when it is not a URL. */
export function originOf(baseUrl: string): string | null {
  try {
    const { origin } = new URL(baseUrl);
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/**
 * Why a client secret saved for `savedFor` may not be sent to `baseUrl`, or undefined when it may
 * (same origin). `savedFor` null: a secret saved by an earlier version, without its origin, which is
 * never guessed. The message says what to do: enter the secret again for the current address.
 */
export function clientSecretOriginProblem(savedFor: string | null, baseUrl: string): string | undefined {
  const current = originOf(baseUrl);
  if (savedFor !== null && savedFor === current) return undefined;
  const where = current ?? 'the new base URL';
  const why = 'A secret is only ever sent to the address it was entered for.';
  return savedFor === null
    ? `The client secret was saved by an earlier version without the AIRisk address it is for; enter it again for ${where} (needed once after the update). ${why}`
    : `The client secret was saved for ${savedFor}; enter it again for ${where}. ${why}`;
}

/**
 * Why an edit of a connection with a stored secret from `before` to `after` (base URLs) must carry the
 * secret again, or undefined when it need not (same origin). Saving it would leave a secret that
 * silently stops being sent; the edit is refused instead, naming both origins.
 */
export function movedSecretProblem(before: string, after: string): string | undefined {
  const from = originOf(before);
  const to = originOf(after);
  if (from === to) return undefined;
  return `The client secret is kept for ${from ?? 'the old base URL'} only; enter it again for ${to ?? 'the new base URL'}.`;
}

/** What "Check connection" says when the stored secret, sealed to `savedFor`, is not sent to the checked `baseUrl`. */
export function secretNotSentForCheck(savedFor: string, baseUrl: string): string {
  return `The stored secret is for ${savedFor} and was not sent to ${originOf(baseUrl) ?? 'the new base URL'}; enter it again to check.`;
}
