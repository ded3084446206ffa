/**
 * The small command-line kit the dev tools share (`npm run sandbox`, `npm run dev:browser`): strict
 * option parsing that turns every mistake into a UsageError, and bounded integer flags.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { messageOf } from '../../src-main/shared/message-of.ts';

/** Bad usage: the tool prints the message and its usage, and exits 2. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses `argv` strictly (no positionals, no unknown options); throws UsageError. */
export function parseCommandLine<T extends Options>(argv: readonly string[], options: T): ReturnType<typeof parseArgs<{ options: T; strict: true; allowPositionals: false }>>['values'] {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(messageOf(error));
  }
}

/** A whole-number flag within [min, max], or `fallback` when absent; throws UsageError naming the flag. */
export function integerFlag(flag: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`${flag} must be an integer from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

/** Longest token lifetime the tools accept, in seconds (ten years). */
export const MAX_TOKEN_LIFETIME_SECONDS = 10 * 365 * 24 * 3600;
