/** Why the terminal access server cannot start; `message` is one sentence naming the fix. */
export type TerminalSetupProblem = 'terminal_directory_unsafe' | 'terminal_access_in_use' | 'endpoint_unavailable';

/** A start-up refusal of the terminal access server (the window shows its message as the problem). */
export class TerminalSetupError extends Error {
  readonly code: TerminalSetupProblem;

  constructor(code: TerminalSetupProblem, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'TerminalSetupError';
    this.code = code;
  }
}

