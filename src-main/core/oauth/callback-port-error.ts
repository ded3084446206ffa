import { formatRedirectUri } from './redirect-uri.ts';
import type { LoopbackRedirect } from './redirect-uri.ts';
import { SignInError } from './sign-in-error.ts';
import { hostInUrl } from './url-host.ts';

/**
 * Why a loopback address could not be listened on:
 * - `in_use`: another program holds it (EADDRINUSE);
 * - `not_permitted`: this app lacks the privilege (EACCES/EPERM, e.g. port 443 on Linux);
 * - `no_such_address`: the loopback address does not exist here (EADDRNOTAVAIL/EAFNOSUPPORT);
 * - `other`: any other system error.
 */
export type CallbackPortProblem = 'in_use' | 'not_permitted' | 'no_such_address' | 'other';

/** A `callback_port_unavailable` SignInError that also says where and why, for the sign-in to decide on. */
export class CallbackPortUnavailableError extends SignInError {
  readonly problem: CallbackPortProblem;
  /** The address that failed, e.g. `127.0.0.1` or `::1`. */
  readonly host: string;
  /** The port that failed; 0 when any free port was asked for. */
  readonly port: number;

  constructor(problem: CallbackPortProblem, where: { host: string; port: number }, message: string, cause?: unknown) {
    super('callback_port_unavailable', message, cause === undefined ? {} : { cause });
    this.problem = problem;
    this.host = where.host;
    this.port = where.port;
  }
}

/** The system error code (`EADDRINUSE`, …) of a failed socket call, if it has one. */
export function errnoCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return undefined;
}

function problemOf(errorCode: string | undefined): CallbackPortProblem {
  switch (errorCode) {
    case 'EADDRINUSE':
      return 'in_use';
    case 'EACCES':
    case 'EPERM':
      return 'not_permitted';
    case 'EADDRNOTAVAIL':
    case 'EAFNOSUPPORT':
      return 'no_such_address';
    default:
      return 'other';
  }
}

function placeOf(host: string, port: number): string {
  return port === 0 ? `a free port on ${hostInUrl(host)}` : `port ${port} on ${hostInUrl(host)}`;
}

/** "choose another port in the redirect URI (e.g. …) and register that redirect URI with AIRisk". */
function chooseAnotherPort(redirect: LoopbackRedirect, port: number): string {
  const suggestedPort = port >= 1024 && port < 65535 ? port + 1 : redirect.protocol === 'https' ? 8443 : 8765;
  const otherUri = formatRedirectUri({ ...redirect, portExplicit: true }, suggestedPort);
  return `choose another port in the redirect URI (e.g. ${otherUri}) and register that redirect URI with AIRisk`;
}

const PASTE = 'Or finish the sign-in by pasting the URL the browser was redirected to.';

function notPermittedMessage(redirect: LoopbackRedirect, host: string, port: number): string {
  const where = placeOf(host, port);
  if (port > 0 && port < 1024) {
    const rule = process.platform === 'linux' ? ', which Linux does not let an ordinary program listen on' : ' this app may not listen on';
    return (
      `Cannot receive the sign-in callback: ${where} is a privileged port (below 1024)${rule}. ` +
      `Use a port of 1024 or above: ${chooseAnotherPort(redirect, port)}. ${PASTE}`
    );
  }
  return `Cannot receive the sign-in callback: this app is not allowed to listen on ${where}. Free the port, or ${chooseAnotherPort(redirect, port)}. ${PASTE}`;
}

function portMessage(problem: CallbackPortProblem, redirect: LoopbackRedirect, host: string, port: number, errorCode: string | undefined): string {
  const where = placeOf(host, port);
  switch (problem) {
    case 'in_use':
      return (
        `Cannot receive the sign-in callback: ${where} is already in use by another program, which would receive the sign-in code, ` +
        `so the sign-in stopped before opening the browser. Free the port (close the program using it), or ${chooseAnotherPort(redirect, port)}.`
      );
    case 'not_permitted':
      return notPermittedMessage(redirect, host, port);
    case 'no_such_address':
      return (
        `Cannot receive the sign-in callback: the address ${hostInUrl(host)} is not available on this computer. ` +
        `Use another loopback address in the redirect URI (e.g. http://127.0.0.1:${port === 0 ? 8765 : port}${redirect.path}) and register it with AIRisk.`
      );
    case 'other':
      return `Cannot receive the sign-in callback: listening on ${where} failed (${errorCode ?? 'unknown error'}). Free the port, or ${chooseAnotherPort(redirect, port)}.`;
  }
}

/**
 * The `callback_port_unavailable` error for a failed bind, naming the port, the host and the fix.
 * `errorCode` is the system error (EADDRINUSE, EACCES, EADDRNOTAVAIL, …).
 */
export function callbackPortUnavailableError(
  redirect: LoopbackRedirect,
  host: string,
  port: number,
  errorCode: string | undefined,
  cause?: unknown,
): CallbackPortUnavailableError {
  const problem = problemOf(errorCode);
  return new CallbackPortUnavailableError(problem, { host, port }, portMessage(problem, redirect, host, port, errorCode), cause);
}

/**
 * The error for a port this app may not listen on (lack of privilege) where another program already
 * answers: the browser would hand that program the sign-in code, so the sign-in must not go on.
 */
export function callbackPortAnsweredError(redirect: LoopbackRedirect, notPermitted: CallbackPortUnavailableError, answeringHost: string): CallbackPortUnavailableError {
  const port = notPermitted.port;
  const message =
    `Cannot receive the sign-in callback: this app may not listen on port ${port}, and another program already answers on ` +
    `${hostInUrl(answeringHost)}:${port}. The sign-in code would reach that program, so the sign-in stopped before opening the browser. ` +
    `Close the program using port ${port}, or ${chooseAnotherPort(redirect, port)}.`;
  return new CallbackPortUnavailableError('in_use', { host: answeringHost, port }, message, notPermitted);
}
