/** Runs a system tool (`ss`, `ps`) and hands back its stdout; injected so tests can replace it. */
import { execFile } from 'node:child_process';

/** Resolves with stdout, or undefined when the tool is missing, fails or takes too long. */
export type CommandRunner = (command: string, args: readonly string[]) => Promise<string | undefined>;

/** The real runner: no shell, a 2 s limit, an empty environment apart from PATH and LC_ALL=C. */
export const runSystemCommand: CommandRunner = (command, args) =>
  new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { LC_ALL: 'C' };
    if (process.env.PATH !== undefined) env.PATH = process.env.PATH;
    execFile(command, [...args], { timeout: 2000, maxBuffer: 8 * 1024 * 1024, env, windowsHide: true }, (error, stdout) => {
      resolve(error === null ? stdout : undefined);
    });
  });
