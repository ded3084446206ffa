import { resolve } from 'node:path';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { userDataDirectory } from '../core/app-paths.ts';
import { isWellFormedUserid } from '../core/oauth/userid.ts';
import { ONE_SHOT_OPTIONS, parseOneShotLogin, type LoginCommand } from './one-shot-arguments.ts';
import { usageErrorOf, UsageError } from './usage-error.ts';

/** Which account a command asks for; empty = the active one. Sent as the body of POST /v1/token and /v1/login. */
export interface AccountSelector {
  readonly userid?: string;
  readonly generic?: true;
  readonly connection?: string;
}

/** `header`, `token`, `json`: print the account's token in that form. */
export interface TokenCommand {
  readonly kind: 'token';
  readonly format: 'header' | 'token' | 'json';
  readonly selector: AccountSelector;
  readonly renew: boolean;
  readonly dataDir: string;
}

/** `run … -- CMD ARGS…`. */
export interface RunCommand {
  readonly kind: 'run';
  readonly selector: AccountSelector;
  readonly renew: boolean;
  readonly dataDir: string;
  readonly command: string;
  readonly args: readonly string[];
}

/** `login` through the app (without `--no-app`). */
export interface AppLoginCommand {
  readonly kind: 'app-login';
  readonly selector: AccountSelector;
  readonly dataDir: string;
}

/** Every command the CLI runs. */
export type CliCommand =
  | TokenCommand
  | RunCommand
  | AppLoginCommand
  | { readonly kind: 'list'; readonly json: boolean; readonly dataDir: string }
  | { readonly kind: 'status'; readonly dataDir: string }
  | LoginCommand
  | { readonly kind: 'help' };

/** The commands, in the order `--help` lists them. */
export const COMMANDS = ['header', 'token', 'json', 'list', 'status', 'run', 'login'] as const;
type CommandName = (typeof COMMANDS)[number];

const COMMON: ParseArgsOptionsConfig = { 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } };
const SELECTOR: ParseArgsOptionsConfig = { user: { type: 'string' }, generic: { type: 'boolean' }, connection: { type: 'string' } };
const OPTIONS: Readonly<Record<CommandName, ParseArgsOptionsConfig>> = {
  header: { ...COMMON, ...SELECTOR, renew: { type: 'boolean' } },
  token: { ...COMMON, ...SELECTOR, renew: { type: 'boolean' } },
  json: { ...COMMON, ...SELECTOR, renew: { type: 'boolean' } },
  run: { ...COMMON, ...SELECTOR, renew: { type: 'boolean' } },
  list: { ...COMMON, json: { type: 'boolean' } },
  status: COMMON,
  login: { ...COMMON, ...SELECTOR, 'no-app': { type: 'boolean' } },
};

type Values = Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;

/**
 * Parses argv (without node and the script) and the environment into a command, or throws
 * UsageError with one sentence that names the fix. The command comes first; `login --no-app`
 * hands the rest to the one-shot parser (today's `login`, unchanged).
 */
export function parseCliArguments(argv: readonly string[], env: NodeJS.ProcessEnv): CliCommand {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError(`Missing the command: say one of ${COMMANDS.join(', ')} (airisk-token --help explains them).`);
  if (first === '--help' || first === '-h' || first === 'help') return { kind: 'help' };
  if (!isCommandName(first)) {
    const hint = first.startsWith('-') ? 'put the command first' : 'say one of';
    throw new UsageError(`Unknown command "${first}": ${hint} ${COMMANDS.join(', ')} (airisk-token --help explains them).`);
  }
  if (first === 'login' && rest.includes('--no-app')) return parseOneShotLogin(rest.filter((arg) => arg !== '--no-app'), env);
  const split = first === 'run' ? splitRunArguments(rest) : { options: rest, command: [] };
  const values = parseOptions(first, split.options);
  if (values.help === true) return { kind: 'help' };
  const dataDir = dataDirectory(values, env);
  switch (first) {
    case 'header':
    case 'token':
    case 'json':
      return { kind: 'token', format: first, selector: selectorOf(values), renew: values.renew === true, dataDir };
    case 'run': {
      const [command, ...args] = split.command;
      if (command === undefined || command === '') throw new UsageError('run needs the command to run after "--": airisk-token run [--user ID] -- CMD ARGS…');
      return { kind: 'run', selector: selectorOf(values), renew: values.renew === true, dataDir, command, args };
    }
    case 'list':
      return { kind: 'list', json: values.json === true, dataDir };
    case 'status':
      return { kind: 'status', dataDir };
    case 'login':
      return { kind: 'app-login', selector: selectorOf(values), dataDir };
  }
}

function isCommandName(word: string): word is CommandName {
  return (COMMANDS as readonly string[]).includes(word);
}

/** `run`'s own options come before the first `--`; everything after it is the command, untouched. */
function splitRunArguments(rest: readonly string[]): { options: readonly string[]; command: readonly string[] } {
  const dashes = rest.indexOf('--');
  if (dashes === -1) {
    throw new UsageError('run needs "--" before the command, so its options stay its own: airisk-token run [--user ID] -- CMD ARGS…');
  }
  return { options: rest.slice(0, dashes), command: rest.slice(dashes + 1) };
}

function parseOptions(command: CommandName, args: readonly string[]): Values {
  try {
    return parseArgs({ args: [...args], options: OPTIONS[command], strict: true, allowPositionals: false }).values;
  } catch (error) {
    const option = /'(--?[\w-]+)/.exec((error as Error).message)?.[1]?.replace(/^--/, '');
    if (command === 'login' && (ONE_SHOT_OPTIONS as readonly string[]).includes(option ?? '')) {
      throw new UsageError(`--${String(option)} belongs to the one-shot sign-in without the app: add --no-app (airisk-token login --no-app --${String(option)} …).`);
    }
    throw usageErrorOf(error, command);
  }
}

/** `--data-dir DIR`, else `AIRISK_TOKEN_TRAY_DATA_DIR`, else the app's own data folder; always absolute. */
function dataDirectory(values: Values, env: NodeJS.ProcessEnv): string {
  const given = values['data-dir'];
  if (typeof given === 'string') {
    if (given.trim() === '') throw new UsageError('--data-dir is empty: give the folder the app keeps its data in, or leave the option out.');
    return resolve(given);
  }
  const fromEnv = env.AIRISK_TOKEN_TRAY_DATA_DIR;
  return fromEnv !== undefined && fromEnv !== '' ? resolve(fromEnv) : userDataDirectory(env);
}

function selectorOf(values: Values): AccountSelector {
  const { user, generic, connection } = values;
  if (typeof user === 'string' && generic === true) throw new UsageError('--user and --generic pick different accounts: give one of them.');
  if (typeof user === 'string' && !isWellFormedUserid(user)) throw new UsageError('--user must be a user ID like user_42: 1–128 characters, no spaces or control characters.');
  if (typeof connection === 'string' && connection.trim() === '') throw new UsageError('--connection is empty: give a connection name as the app shows it, or leave the option out.');
  return {
    ...(typeof user === 'string' ? { userid: user } : {}),
    ...(generic === true ? { generic: true as const } : {}),
    ...(typeof connection === 'string' ? { connection: connection.trim() } : {}),
  };
}
