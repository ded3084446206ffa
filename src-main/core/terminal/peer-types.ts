/** The shapes shared by the per-platform identity code (peer-identity.ts and its helpers). */
import type { TerminalClientView } from './terminal-views.ts';

/** What a client says about itself in `X-AIRisk-Client`: its pid (and, optionally, its parent's). */
export interface DeclaredClient {
  readonly pid: number;
  readonly ppid: number | null;
}

/** What the server established about a caller. */
export interface PeerIdentity {
  /** The terminal session it belongs to: an approval covers this key (and one account) only. */
  readonly sessionKey: string;
  readonly client: TerminalClientView;
}

/** A caller the server will not serve (the pid does not exist, or is another user's). */
export interface PeerRefusal {
  readonly status: 400 | 403;
  readonly code: 'bad_request' | 'denied';
  readonly message: string;
}

/** Who is calling: `identity`, or why the server refuses to talk to it. */
export type IdentifyResult = { readonly ok: true; readonly identity: PeerIdentity } | ({ readonly ok: false } & PeerRefusal);

/** "pid 1234 does not exist" refusal. */
export function noSuchProcess(pid: number): IdentifyResult {
  return { ok: false, status: 400, code: 'bad_request', message: `The process X-AIRisk-Client names (pid ${pid}) does not exist; send your own pid, as {"pid": 1234}.` };
}

/** "pid 1234 is another user's" refusal. */
export function otherUsersProcess(pid: number): IdentifyResult {
  return { ok: false, status: 403, code: 'denied', message: `Process ${pid} belongs to another user; terminal access serves only the user running AIRisk Token Tray.` };
}

/** `bash (pid 1234, /dev/pts/3)`. */
export function chainEntry(name: string, pid: number, tty: string | null): string {
  return `${name} (pid ${pid}${tty === null ? '' : `, ${tty}`})`;
}
