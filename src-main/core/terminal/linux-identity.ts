/**
 * Who is calling, on Linux. Per request (cheap, a few small `/proc` reads): the declared pid must
 * exist and be ours; its session id, terminal and session leader's start time make the terminal
 * session key (its parent's pid and start time when it has no terminal). Only when a prompt is needed (expensive: `ss` and a walk of `/proc/<pid>/fd`): the
 * proof that the declared pid holds the peer end of this very connection, and the ancestor chain.
 */
import type { Socket } from 'node:net';
import type { CommandRunner } from './command-runner.ts';
import { peerSocketInode, processHoldsSocket, socketHolders } from './linux-socket-proof.ts';
import { chainEntry, noSuchProcess, otherUsersProcess } from './peer-types.ts';
import type { IdentifyResult, PeerIdentity } from './peer-types.ts';
import { procOwner, processName, readProcStat, ttyName } from './proc-stat.ts';
import type { ProcStat } from './proc-stat.ts';

/** How many ancestors the chain names beyond the process itself. */
const MAX_ANCESTORS = 5;

/** Where to look; tests keep the defaults (the real `/proc`, the real `ss`). */
export interface LinuxIdentityOptions {
  readonly run: CommandRunner;
  readonly procRoot?: string;
}

/** The cheap identity of declared pid `pid`, marked `proven` as the caller says (it is not re-checked here). */
export async function linuxIdentity(pid: number, proven: boolean, options: LinuxIdentityOptions): Promise<IdentifyResult> {
  const root = options.procRoot ?? '/proc';
  const owner = procOwner(pid, root);
  const proc = owner === undefined ? undefined : readProcStat(pid, root);
  if (owner === undefined || proc === undefined) return noSuchProcess(pid);
  if (owner !== process.getuid?.()) return otherUsersProcess(pid);
  const tty = ttyName(proc.ttyNr);
  const name = processName(proc, root);
  const identity: PeerIdentity = { sessionKey: sessionKey(proc, root), client: { pid, name, chain: [chainEntry(name, pid, tty)], tty, proven } };
  return { ok: true, identity };
}

/**
 * With a controlling terminal: `(sid, tty_nr, start time of the sid leader)`, one approval per
 * terminal session. Without one (IDEs, GUI apps, cron: their whole desktop session has tty_nr 0):
 * the declared process's parent and its start time, so the calls of one script share an approval
 * but two programs do not. The process itself when the leader or parent is gone, or the parent is
 * init (an orphan).
 */
function sessionKey(proc: ProcStat, root: string): string {
  if (proc.ttyNr === 0) {
    const parent = proc.ppid > 1 ? readProcStat(proc.ppid, root) : undefined;
    return parent === undefined ? `linux-process:${proc.pid}:${proc.startTime}` : `linux-parent:${parent.pid}:${parent.startTime}`;
  }
  const leader = proc.session > 0 ? readProcStat(proc.session, root) : undefined;
  if (leader === undefined) return `linux-process:${proc.pid}:${proc.startTime}`;
  return `linux:${proc.session}:${proc.ttyNr}:${leader.startTime}`;
}

/** A caller that named no pid: the kernel names the holder of the connection's peer end (slow: walks /proc). */
export async function linuxDiscoveredPid(socket: Socket, endpoint: string, options: LinuxIdentityOptions): Promise<number | undefined> {
  const root = options.procRoot ?? '/proc';
  const peer = await peerSocketInode(socket, endpoint, options.run, root);
  if (peer === undefined) return undefined;
  const holders = await socketHolders(peer, root);
  if (holders.length === 1) return holders[0];
  // Inherited by children: name the holder none of whose children hold it too.
  const stats = holders.map((pid) => readProcStat(pid, root)).filter((proc) => proc !== undefined);
  const leaves = stats.filter((proc) => !stats.some((other) => other.ppid === proc.pid));
  return leaves.length === 1 ? leaves[0]?.pid : undefined;
}

/** The identity for a prompt: proven when the declared pid holds the peer end of `socket`, with the ancestor chain. */
export async function linuxProve(socket: Socket, endpoint: string, identity: PeerIdentity, options: LinuxIdentityOptions): Promise<PeerIdentity> {
  const root = options.procRoot ?? '/proc';
  const pid = identity.client.pid;
  if (pid === null) return identity;
  let proven = identity.client.proven;
  if (!proven) {
    const peer = await peerSocketInode(socket, endpoint, options.run, root);
    proven = peer !== undefined && (await processHoldsSocket(pid, peer, root));
  }
  return { ...identity, client: { ...identity.client, chain: linuxChain(pid, root), proven } };
}

/** The process and up to five ancestors, stopping at pid 1 or after the session leader. */
function linuxChain(pid: number, root: string): string[] {
  const chain: string[] = [];
  let current = readProcStat(pid, root);
  while (current !== undefined && chain.length <= MAX_ANCESTORS) {
    chain.push(chainEntry(processName(current, root), current.pid, ttyName(current.ttyNr)));
    if (current.pid === current.session || current.ppid <= 1) break;
    current = readProcStat(current.ppid, root);
  }
  return chain;
}
