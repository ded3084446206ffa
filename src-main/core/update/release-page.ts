/**
 * The releases page of the repository the release workflow publishes to: the tray's "Version 1.2.3
 * available — open download page" opens it where this copy cannot update itself.
 */

/**
 * electron-builder.yml `publish` owner/repo and package.json "repository" name the same repository
 * (test/integration/packaging.test.ts holds them together).
 */
export const RELEASE_REPOSITORY = { owner: 'airisk', repo: 'airisk-token-tray' } as const;

const RELEASES_PATH = `/${RELEASE_REPOSITORY.owner}/${RELEASE_REPOSITORY.repo}/releases`;
const VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

/** The page of release `v<version>`; the list of releases when the version is not a plain semver. */
export function releasePageUrl(version: string): string {
  return `https://github.com${RELEASES_PATH}${VERSION.test(version) ? `/tag/v${version}` : ''}`;
}

/**
 * Whether `url` is one of this repository's release pages, exactly as {@link releasePageUrl} makes
 * them (https://github.com, no credentials, query or fragment): the only addresses besides the
 * sign-in page that the app hands to the system browser.
 */
export function isReleasePageUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.origin !== 'https://github.com' || parsed.username !== '' || parsed.password !== '' || parsed.search !== '' || parsed.hash !== '') return false;
  if (parsed.pathname === RELEASES_PATH) return true;
  const prefix = `${RELEASES_PATH}/tag/v`;
  return parsed.pathname.startsWith(prefix) && VERSION.test(parsed.pathname.slice(prefix.length));
}
