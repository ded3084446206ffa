/**
 * Where the window's page comes from: a privileged custom scheme (`app://airisk/…`) that serves
 * only the built renderer (dist/renderer). One origin, so navigation, IPC-sender and protocol
 * checks all compare against the same thing.
 */

/** The custom scheme registered with `protocol.registerSchemesAsPrivileged`. */
export const APP_SCHEME = 'app';

/** The one host the scheme answers for. */
export const APP_HOST = 'airisk';

/** `app://airisk`: the renderer's origin. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The page the window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True when `url` is on `origin` (same scheme, host and port), with no user name or password.
 * Compares parts instead of `URL.origin`, which is `"null"` for custom schemes in Node.
 * Unparseable input is false.
 */
export function hasOrigin(url: string, origin: string): boolean {
  let candidate: URL;
  let expected: URL;
  try {
    candidate = new URL(url);
    expected = new URL(origin);
  } catch {
    return false;
  }
  if (candidate.username !== '' || candidate.password !== '') return false;
  return (
    candidate.protocol === expected.protocol &&
    candidate.hostname.toLowerCase() === expected.hostname.toLowerCase() &&
    candidate.port === expected.port &&
    candidate.hostname !== ''
  );
}
