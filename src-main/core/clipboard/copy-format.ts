import type { CopyFormat } from '../../contract.ts';
import { isHeaderSafeToken } from '../oauth/header-safe-token.ts';

/**
 * What a copy puts on the clipboard: the whole `Authorization` header line (the default), the bare
 * token, a curl option or command, an HTTPie command, or a shell line that exports the token.
 */

/** Every copy format, in the order settings offer them. */
export const COPY_FORMATS = ['header', 'token', 'curl', 'curl-command', 'httpie', 'export-posix', 'export-powershell'] as const satisfies readonly CopyFormat[];

type Unlisted = Exclude<CopyFormat, (typeof COPY_FORMATS)[number]>;
/** Compile-time proof that every contract format is listed (`never` when complete). */
export const everyFormatListed: Unlisted extends never ? true : Unlisted = true;

export type { CopyFormat };

/** Each format as the row menu and Settings name it (the window shows these words as they are). */
export const COPY_FORMAT_LABELS: Readonly<Record<CopyFormat, string>> = {
  header: 'Header (Authorization: Bearer …)',
  token: 'Bare token',
  curl: 'curl -H option',
  'curl-command': 'Whole curl command',
  httpie: 'HTTPie command',
  'export-posix': 'export AIRISK_TOKEN (POSIX shells)',
  'export-powershell': '$env:AIRISK_TOKEN (PowerShell)',
};

/** What each format puts on the clipboard, in words for the window's announcement ("Copied header for user_42"). */
export const COPY_FORMAT_NOUNS: Readonly<Record<CopyFormat, string>> = {
  header: 'header',
  token: 'token',
  curl: 'curl -H option',
  'curl-command': 'curl command',
  httpie: 'HTTPie command',
  'export-posix': 'export line',
  'export-powershell': 'PowerShell $env line',
};

/** The format used unless the person picked another. */
export const DEFAULT_COPY_FORMAT: CopyFormat = 'header';

/** The formats that name the connection's base URL (a whole command), so need it. */
const NEEDS_BASE_URL: ReadonlySet<CopyFormat> = new Set(['curl-command', 'httpie']);

/**
 * RFC 6750 b64token characters (JWTs, base64). Only such a token goes into a shell command: no
 * shell reads any of them as code, inside single or double quotes, in sh, bash, zsh, fish or
 * PowerShell. Quoting anything more is shell-specific (fish reads `\'` inside single quotes,
 * PowerShell doubles `'`), and the clipboard cannot know which shell it is pasted into.
 */
const SHELL_SAFE_TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

const SHELL_FORMATS: ReadonlySet<CopyFormat> = new Set(['curl', 'curl-command', 'httpie', 'export-posix', 'export-powershell']);

/** The variable the export formats set. */
export const TOKEN_VARIABLE = 'AIRISK_TOKEN';

/** What a format may need besides the token: the account's own connection's base URL. */
export interface CopyTarget {
  readonly baseUrl: string;
}

/** True when `value` is one of {@link COPY_FORMATS}, e.g. for a setting read from disk or IPC. */
export function isCopyFormat(value: unknown): value is CopyFormat {
  return typeof value === 'string' && (COPY_FORMATS as readonly string[]).includes(value);
}

/** True when `format` names the base URL (a whole command): `formatForClipboard` then needs a target. */
export function needsBaseUrl(format: CopyFormat): boolean {
  return NEEDS_BASE_URL.has(format);
}

/**
 * `text` as one word for a POSIX shell (sh, bash, zsh): in single quotes, where nothing expands,
 * each `'` written as `'\''`.
 */
export function posixQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** `text` as a PowerShell single-quoted string, where nothing expands and `'` is written `''`. */
export function powerShellQuote(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** `header` as an HTTPie request item `Name:Value` (the token is a b64token: no backslash for HTTPie to read as an escape). */
function httpieHeaderItem(header: string): string {
  return header.replace(': ', ':');
}

/**
 * The base URL as the commands name it: parsed and serialized (`https://api.example.com/`), so
 * it is ASCII without spaces or control characters. Refuses one that is not an http(s) URL.
 */
function commandUrl(target: CopyTarget | undefined, format: CopyFormat): string {
  if (target === undefined) throw new RangeError(`The ${format} format needs the connection's base URL; nothing was copied.`);
  let url: URL;
  try {
    url = new URL(target.baseUrl);
  } catch {
    throw new RangeError(`The connection's base URL is not a URL, so no ${format} command can be made; fix it in Settings. Nothing was copied.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new RangeError(`The connection's base URL is not an http(s) address; fix it in Settings. Nothing was copied.`);
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') throw new RangeError(`The connection's base URL carries a user name, a query or a fragment; fix it in Settings. Nothing was copied.`);
  // A quote or backslash in the path would end or escape the shell's quoting: written as %27 / %5C.
  return url.href.replaceAll("'", '%27').replaceAll('\\', '%5C');
}

/**
 * The clipboard text for `token` in `format`. Refuses (RangeError, without echoing the token) a
 * token that is empty or not header-safe (isHeaderSafeToken), so a copy can never smuggle a line
 * break into a header; the shell formats take only a b64token (SHELL_SAFE_TOKEN), and quote the URL:
 * - `curl`: `-H "Authorization: Bearer <token>"`;
 * - `curl-command`: `curl -H 'Authorization: Bearer <token>' '<base URL>'`;
 * - `httpie`: `http '<base URL>' 'Authorization:Bearer <token>'`;
 * - `export-posix`: `export AIRISK_TOKEN='<token>'`; `export-powershell`: `$env:AIRISK_TOKEN = '<token>'`.
 * `curl-command` and `httpie` need `target`, the account's own connection.
 */
export function formatForClipboard(token: string, format: CopyFormat = DEFAULT_COPY_FORMAT, target?: CopyTarget): string {
  if (!isHeaderSafeToken(token)) {
    throw new RangeError('The token is empty or holds characters that cannot stand in an HTTP header; nothing was copied.');
  }
  if (SHELL_FORMATS.has(format) && !SHELL_SAFE_TOKEN.test(token)) {
    throw new RangeError('The token holds characters beyond base64 (quotes, backslashes, $ …) that a shell could read as code, so no shell command is copied; copy the header or the bare token instead. Nothing was copied.');
  }
  const header = `Authorization: Bearer ${token}`;
  switch (format) {
    case 'header':
      return header;
    case 'token':
      return token;
    case 'curl':
      return `-H "${header}"`;
    case 'curl-command':
      return `curl -H ${posixQuote(header)} ${posixQuote(commandUrl(target, format))}`;
    case 'httpie':
      return `http ${posixQuote(commandUrl(target, format))} ${posixQuote(httpieHeaderItem(header))}`;
    case 'export-posix':
      return `export ${TOKEN_VARIABLE}=${posixQuote(token)}`;
    case 'export-powershell':
      return `$env:${TOKEN_VARIABLE} = ${powerShellQuote(token)}`;
  }
}

/** Why `token` cannot be copied in `format` (formatForClipboard's refusal, which never holds the token), or null when it can. */
export function copyFormatProblem(token: string, format: CopyFormat, target?: CopyTarget): string | null {
  try {
    formatForClipboard(token, format, target);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
