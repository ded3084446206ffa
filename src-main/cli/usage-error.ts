import { messageOf } from '../shared/message-of.ts';

/** Bad usage: the CLI prints the message (one sentence naming the fix) on stderr and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * A `node:util` parseArgs failure as a UsageError that names the command and where to read its
 * options, instead of Node's own advice about positionals that start with "-".
 */
export function usageErrorOf(error: unknown, command: string): UsageError {
  const code = (error as { code?: unknown } | null)?.code;
  const message = messageOf(error);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /'([^']+)'/.exec(message)?.[1] ?? 'that option';
    return new UsageError(`Unknown option '${option}' for ${command}; see airisk-token --help for its options.`);
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return new UsageError(`${message.replace(/\.$/, '')} (${command}); see airisk-token --help.`);
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const argument = /'([^']*)'/.exec(message)?.[1] ?? '';
    return new UsageError(`${command} takes no arguments besides its options, not "${argument}"; see airisk-token --help.`);
  }
  return new UsageError(`${message} (${command}); see airisk-token --help.`);
}
