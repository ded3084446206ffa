import { parseArgs } from 'node:util';
import {
  DEFAULT_AUTHORIZE_PATH,
  DEFAULT_BASE_URL,
  DEFAULT_REDIRECT_URI,
  DEFAULT_TOKEN_PATH,
  findClientConfigProblems,
  type AiriskClientConfig,
} from '../core/oauth/client-config.ts';
import { issuerProblem, scopeProblem } from '../core/oauth/standard-oauth-settings.ts';
import { messageOf } from '../shared/message-of.ts';

export type OutputFormat = 'header' | 'token' | 'json';

/** A parsed `login` command. */
export interface LoginCommand {
  readonly kind: 'login';
  readonly config: AiriskClientConfig;
  readonly userid: string | undefined;
  readonly openBrowser: boolean;
  readonly paste: boolean;
  readonly format: OutputFormat;
  readonly callbackTimeoutMs: number | undefined;
}

export type CliCommand = LoginCommand | { readonly kind: 'help' };

/** Bad usage: the CLI prints the message and the usage, and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `Usage: npm run --silent cli -- login [options]

Signs in to AIRisk in your browser and prints the bearer token. Stores nothing.

Options:
  --user ID              user-specific token (userid=ID); without it, the generic token
  --base-url URL         AIRisk base URL (default ${DEFAULT_BASE_URL})
  --authorize-path PATH  default ${DEFAULT_AUTHORIZE_PATH}
  --token-path PATH      default ${DEFAULT_TOKEN_PATH}
  --client-id ID         client id (or AIRISK_CLIENT_ID)
  --redirect-uri URI     loopback redirect URI registered with AIRisk (default ${DEFAULT_REDIRECT_URI})
  --body form|json       token request body encoding (default form)
  --scope VALUE          OAuth scope to ask for (standard OAuth 2.0 servers; AIRisk needs none)
  --issuer URL           the issuer a callback's iss must name (default: the base URL)
  --no-browser           print the sign-in address instead of opening the browser
  --paste                also accept the redirected URL pasted on standard input
  --timeout SECONDS      how long to wait for the browser (default 300)
  --format header|token|json
                         what to print: "Authorization: Bearer <token>" (default), the bare
                         token, or {"access_token","expiration","userid"}
  -h, --help             this text

The client secret comes from the AIRISK_CLIENT_SECRET environment variable, never from the
command line (arguments end up in shell history and process lists).

Example:  curl -H "$(npm run --silent cli -- login --user user_42)" https://api.AIRisk.example.com/…
Exit status: 0 signed in, 1 sign-in failed or denied, 2 bad usage.`;

/** Parses argv (without node and the script) and the environment into a command, or throws UsageError. */
export function parseCliArguments(argv: readonly string[], env: NodeJS.ProcessEnv): CliCommand {
  if (argv.some((arg) => arg === '--client-secret' || arg.startsWith('--client-secret='))) {
    throw new UsageError('Do not pass the client secret as an argument: it would land in shell history and process lists. Set AIRISK_CLIENT_SECRET instead.');
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        user: { type: 'string' },
        'base-url': { type: 'string', default: DEFAULT_BASE_URL },
        'authorize-path': { type: 'string', default: DEFAULT_AUTHORIZE_PATH },
        'token-path': { type: 'string', default: DEFAULT_TOKEN_PATH },
        'client-id': { type: 'string' },
        'redirect-uri': { type: 'string', default: DEFAULT_REDIRECT_URI },
        body: { type: 'string', default: 'form' },
        scope: { type: 'string' },
        issuer: { type: 'string' },
        'no-browser': { type: 'boolean', default: false },
        paste: { type: 'boolean', default: false },
        timeout: { type: 'string' },
        format: { type: 'string', default: 'header' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(messageOf(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (positionals.length !== 1 || positionals[0] !== 'login') {
    throw new UsageError(positionals.length === 0 ? 'Missing the command: login.' : `Unknown command "${positionals.join(' ')}"; the only command is login.`);
  }
  const body = values.body;
  if (body !== 'form' && body !== 'json') throw new UsageError(`--body must be form or json, not "${body}".`);
  const format = values.format;
  if (format !== 'header' && format !== 'token' && format !== 'json') throw new UsageError(`--format must be header, token or json, not "${format}".`);
  const clientId = values['client-id'] ?? env.AIRISK_CLIENT_ID ?? '';
  if (clientId.trim() === '') throw new UsageError('No client id: pass --client-id ID or set AIRISK_CLIENT_ID.');
  const clientSecret = env.AIRISK_CLIENT_SECRET ?? '';
  if (clientSecret === '') throw new UsageError('No client secret: set the AIRISK_CLIENT_SECRET environment variable.');
  const scope = values.scope?.trim() ?? '';
  const badScope = scopeProblem(scope);
  if (badScope !== undefined) throw new UsageError(`--scope: ${badScope}`);
  const issuer = values.issuer?.trim() ?? '';
  const badIssuer = issuerProblem(issuer);
  if (badIssuer !== undefined) throw new UsageError(`--issuer: ${badIssuer}`);
  let callbackTimeoutMs: number | undefined;
  if (values.timeout !== undefined) {
    const seconds = Number(values.timeout);
    if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`--timeout must be a positive number of seconds, not "${values.timeout}".`);
    callbackTimeoutMs = Math.round(seconds * 1000);
  }
  const config: AiriskClientConfig = {
    baseUrl: values['base-url'],
    authorizePath: values['authorize-path'],
    tokenPath: values['token-path'],
    clientId: clientId.trim(),
    clientSecret,
    redirectUri: values['redirect-uri'],
    bodyEncoding: body,
    ...(scope === '' ? {} : { scope }),
    ...(issuer === '' ? {} : { issuer }),
  };
  const pathProblems = findClientConfigProblems(config).filter((problem) => problem.field === 'authorizePath' || problem.field === 'tokenPath');
  if (pathProblems.length > 0) throw new UsageError(pathProblems.map((problem) => problem.message).join(' '));
  return {
    kind: 'login',
    config,
    userid: values.user,
    openBrowser: !values['no-browser'],
    paste: values.paste,
    format,
    callbackTimeoutMs,
  };
}
