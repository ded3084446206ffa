/**
 * The commands that ask the running app (`header`, `token`, `json`, `run`, `login`, `list`,
 * `status`). Each prints only what was asked for on stdout and returns its exit status; a failure
 * is an AccessFailure whose one sentence run-cli.ts writes to stderr.
 */
import { formatForClipboard } from '../core/clipboard/copy-format.ts';
import { AccessFailure, askApp, findApp, sendAccessRequest, type AccessRequest } from './access-client.ts';
import { listJson, listText, statusText } from './account-lines.ts';
import { readAccounts, readStatus, readTokenAnswer, type TokenRead } from './app-answers.ts';
import type { AccountSelector, AppLoginCommand, RunCommand, TokenCommand } from './cli-arguments.ts';
import { EXIT_FAILED, EXIT_OK } from './exit-codes.ts';
import type { CliIo } from './run-cli.ts';
import { runChild } from './run-child.ts';

/** How long a token request may wait: the app's 60 s for the person's answer, and some slack. */
const TOKEN_TIMEOUT_MS = 90_000;
/** A sign-in through the app (login, --renew): the browser round trip, at most the app's own wait and then some. */
const SIGN_IN_TIMEOUT_MS = 15 * 60_000;
/** A request still unanswered after this long is waiting for the person: say where to look. */
const PROMPT_NOTE_AFTER_MS = 400;

/** `header`, `token`, `json`. */
export async function printToken(command: TokenCommand, io: CliIo): Promise<number> {
  const token = await requestToken(command.dataDir, '/v1/token', withRenew(command), io);
  io.stdout.write(`${tokenText(token, command.format)}\n`);
  return EXIT_OK;
}

/** `login` through the app: the app signs in (it opens the browser), then the header is printed. */
export async function appLogin(command: AppLoginCommand, io: CliIo): Promise<number> {
  const token = await requestToken(command.dataDir, '/v1/login', command.selector, io);
  io.stdout.write(`${tokenText(token, 'header')}\n`);
  return EXIT_OK;
}

/** `run … -- CMD ARGS…`: CMD's own exit status. */
export async function runWithToken(command: RunCommand, io: CliIo): Promise<number> {
  const token = await requestToken(command.dataDir, '/v1/token', withRenew(command), io);
  headerSafe(token.accessToken);
  return runChild({ command: command.command, args: command.args, env: io.env, token: token.accessToken, stderr: io.stderr, ...(io.signals === undefined ? {} : { signals: io.signals }) });
}

/** `list [--json]`. */
export async function listAccounts(command: { readonly json: boolean; readonly dataDir: string }, io: CliIo): Promise<number> {
  const accounts = readAccounts(await askApp(command.dataDir, { method: 'GET', path: '/v1/accounts', timeoutMs: TOKEN_TIMEOUT_MS, ...signalOf(io) }));
  io.stdout.write(`${command.json ? listJson(accounts) : listText(accounts)}\n`);
  return EXIT_OK;
}

/** `status`. */
export async function showStatus(command: { readonly dataDir: string }, io: CliIo): Promise<number> {
  const app = await findApp(command.dataDir);
  const status = readStatus(await sendAccessRequest(app, { method: 'GET', path: '/v1/status', timeoutMs: TOKEN_TIMEOUT_MS, ...signalOf(io) }));
  io.stdout.write(`${statusText(status, app.endpoint)}\n`);
  return EXIT_OK;
}

/** The printed forms of a token; the header rule (printable ASCII, no spaces) is copy's own. */
export function tokenText(token: TokenRead, format: TokenCommand['format']): string {
  if (format === 'json') {
    headerSafe(token.accessToken);
    return JSON.stringify({ access_token: token.accessToken, expiration: token.expiration, userid: token.userid, connection: token.connection });
  }
  return asFailure(() => formatForClipboard(token.accessToken, format));
}

function headerSafe(token: string): void {
  asFailure(() => formatForClipboard(token, 'token'));
}

function asFailure(format: () => string): string {
  try {
    return format();
  } catch {
    throw new AccessFailure(EXIT_FAILED, 'unusable_token', 'AIRisk Token Tray handed out a token that cannot stand in an HTTP header, so nothing was printed; sign in again in the app.');
  }
}

/** The body of POST /v1/token: the selector, and `renew: true` with --renew (the app signs in first when the token expired). */
function withRenew(command: { readonly selector: AccountSelector; readonly renew: boolean }): TokenBody {
  return { ...command.selector, ...(command.renew ? { renew: true as const } : {}) };
}

type TokenBody = AccountSelector & { readonly renew?: true };

function signalOf(io: CliIo): Pick<AccessRequest, 'signal'> {
  return io.interrupt === undefined ? {} : { signal: io.interrupt };
}

/**
 * POSTs the selector to `path`, telling the person on stderr where to look while the app waits
 * for them. A sign-in (login, --renew) may take the browser round trip, so it waits longer.
 */
async function requestToken(dataDir: string, path: '/v1/token' | '/v1/login', body: TokenBody, io: CliIo): Promise<TokenRead> {
  const app = await findApp(dataDir);
  const signsIn = path === '/v1/login' || body.renew === true;
  if (path === '/v1/login') io.stderr.write('Signing in through AIRisk Token Tray: finish in the browser it opens … (Ctrl+C cancels)\n');
  const note = path === '/v1/login' ? undefined : setTimeout(() => io.stderr.write('Waiting for AIRisk Token Tray: approve the request in its window if it asks … (Ctrl+C cancels)\n'), PROMPT_NOTE_AFTER_MS);
  note?.unref();
  try {
    return readTokenAnswer(await sendAccessRequest(app, { method: 'POST', path, body, timeoutMs: signsIn ? SIGN_IN_TIMEOUT_MS : TOKEN_TIMEOUT_MS, ...signalOf(io) }));
  } finally {
    clearTimeout(note);
  }
}
