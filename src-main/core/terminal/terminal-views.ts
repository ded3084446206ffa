/**
 * What the window is shown of terminal access: the caller as the server established it, the
 * consent prompt and the approved sessions. The shapes are the window contract's
 * (`src-main/contract.ts`); this file adds the broker's own view of them. Types only.
 */
import type { AccountView, ConsentRequestView, TerminalSessionView } from '../../contract.ts';

export type { ConsentAnswer, ConsentRequestView, TerminalClientView, TerminalSessionView } from '../../contract.ts';

/** The audit line of an account, the last terminal read: when and by whom ("bash, pid 1234"), never a token. */
export type TerminalRead = NonNullable<AccountView['lastTerminalRead']>;

/** What the broker shows: the request on screen, if any, and the approved sessions. */
export interface ConsentBrokerView {
  readonly consent: ConsentRequestView | null;
  readonly sessions: readonly TerminalSessionView[];
}
