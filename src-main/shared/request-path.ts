/** The path of an HTTP request target (`/a/b?x#y` → `/a/b`); `/` when there is none. */
export function pathOf(target: string | undefined): string {
  const raw = target ?? '/';
  const end = raw.search(/[?#]/);
  return end === -1 ? raw : raw.slice(0, end);
}
