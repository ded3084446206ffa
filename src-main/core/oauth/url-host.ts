/** A host as a URL (or a Host header) spells it: an IPv6 literal in brackets (`::1` → `[::1]`), anything else unchanged. */
export function hostInUrl(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}
