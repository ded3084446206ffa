/**
 * What the window is shown of terminal access: the caller as the server established it, the
 * consent prompt and the approved sessions. The same shapes as the window contract
 * (`src-main/contract.ts`), kept here so core does not depend on the contract file; the contract
 * re-exports or aliases them. Types only.
 */

/** The process that asks, as far as the platform lets the server know it. */
export interface TerminalClientView {
  /** The pid the server established (declared, or named by the kernel); null when unknown. */
  readonly pid: number | null;
  /** Short process name (`bash`, `node`); "an unnamed process" when unknown. */
  readonly name: string;
  /** The process and its ancestors, nearest first: `"bash (pid 1234, /dev/pts/3)"`. */
  readonly chain: readonly string[];
  /** The controlling terminal (`/dev/pts/3`), if any. */
  readonly tty: string | null;
  /** True only when the kernel backed the pid (Linux); otherwise the prompt says "claims to be". */
  readonly proven: boolean;
}

/** The one consent request shown now. */
export interface ConsentRequestView {
  readonly id: string;
  readonly client: TerminalClientView;
  readonly accountId: string;
  /** "user_42 on Staging". */
  readonly accountName: string;
  readonly askedAt: string;
  readonly expiresAt: string;
}

/** An approved terminal session (or a "don't ask again" for one account). */
export interface TerminalSessionView {
  readonly id: string;
  readonly client: TerminalClientView;
  readonly accountId: string;
  readonly accountName: string;
  readonly approvedAt: string;
  readonly lastUsedAt: string;
  /** null: "don't ask again" for this account, until revoked. */
  readonly expiresAt: string | null;
}

/** The person's answer to a consent request. */
export type ConsentAnswer = 'allow' | 'always' | 'deny';

/** What the broker shows: the request on screen, if any, and the approved sessions. */
export interface ConsentBrokerView {
  readonly consent: ConsentRequestView | null;
  readonly sessions: readonly TerminalSessionView[];
}
