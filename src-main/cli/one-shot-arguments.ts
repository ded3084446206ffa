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
import { usageErrorOf, UsageError } from './usage-error.ts';

export type OutputFormat = 'header' | 'token' | 'json';

/** A parsed `login --no-app` command: today's one-shot sign-in in the browser, storing nothing. */
export interface LoginCommand {
  readonly kind: 'login';
  readonly config: AiriskClientConfig;
  readonly userid: string | undefined;
  readonly openBrowser: boolean;
  readonly paste: boolean;
  readonly format: OutputFormat;
  readonly callbackTimeoutMs: number | undefined;
}

/** The options only the one-shot sign-in knows (`login` without `--no-app` refuses them by name). */
export const ONE_SHOT_OPTIONS = ['base-url', 'authorize-path', 'token-path', 'client-id', 'redirect-uri', 'body', 'scope', 'issuer', 'no-browser', 'paste', 'timeout', 'format'] as const;

/**
 * Parses the options of `login --no-app` (argv after `login`, without `--no-app`) and the
 * environment into a one-shot sign-in, or throws UsageError.
 */
export function parseOneShotLogin(argv: readonly string[], env: NodeJS.ProcessEnv): LoginCommand {
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
      },
    });
  } catch (error) {
    throw usageErrorOf(error, 'login --no-app');
  }
  const { values, positionals } = parsed;
  if (positionals.length > 0) throw new UsageError(`login --no-app takes options only, not "${positionals.join(' ')}"; see airisk-token --help.`);
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
