/**
 * Who is calling, on macOS: the declared pid and its ancestors as `ps` lists them (pid, ppid, uid,
 * terminal, command). Nothing here is proven: macOS offers Node no way to name a socket's peer,
 * so the prompt always says "claims to be".
 */
import type { CommandRunner } from './command-runner.ts';
import { chainEntry, noSuchProcess, otherUsersProcess } from './peer-types.ts';
import type { IdentifyResult } from './peer-types.ts';

interface PsRow {
  readonly pid: number;
  readonly ppid: number;
  readonly uid: number;
  readonly tty: string | null;
  readonly name: string;
}

/** Parses `ps -A -o pid=,ppid=,uid=,tty=,comm=` (the command, last, may hold spaces). */
export function parsePsRows(output: string): Map<number, PsRow> {
  const rows = new Map<number, PsRow>();
  for (const line of output.split('\n')) {
    const match = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\S+)\s+(.+?)\s*$/.exec(line);
    if (match === null) continue;
    const [, pid, ppid, uid, tty, command] = match;
    const name = (command ?? '').split('/').at(-1) ?? '';
    rows.set(Number(pid), { pid: Number(pid), ppid: Number(ppid), uid: Number(uid), tty: tty === '??' || tty === undefined ? null : `/dev/${tty}`, name });
  }
  return rows;
}

/** The identity of declared pid `pid` from a `ps` listing; the session key is (terminal, topmost ancestor on it). */
export function darwinIdentityFrom(rows: Map<number, PsRow>, pid: number, uid: number | undefined): IdentifyResult {
  const self = rows.get(pid);
  if (self === undefined) return noSuchProcess(pid);
  if (uid !== undefined && self.uid !== uid) return otherUsersProcess(pid);
  const chain: string[] = [];
  let root = self;
  for (let row: PsRow | undefined = self; row !== undefined && chain.length <= 5 && row.pid > 1; row = rows.get(row.ppid)) {
    chain.push(chainEntry(row.name, row.pid, row.tty));
    if (row.tty === self.tty) root = row;
  }
  const sessionKey = self.tty === null ? `darwin-process:${self.ppid}` : `darwin:${self.tty}:${root.pid}`;
  return { ok: true, identity: { sessionKey, client: { pid, name: self.name, chain, tty: self.tty, proven: false } } };
}

/** Runs `ps` once and identifies `pid`; when `ps` fails, refuses as if the pid did not exist. */
export async function darwinIdentity(pid: number, run: CommandRunner): Promise<IdentifyResult> {
  const output = await run('ps', ['-A', '-o', 'pid=,ppid=,uid=,tty=,comm=']);
  return darwinIdentityFrom(parsePsRows(output ?? ''), pid, process.getuid?.());
}
