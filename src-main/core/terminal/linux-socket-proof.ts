/**
 * Kernel facts about one accepted Unix-socket connection on Linux, since Node exposes no
 * SO_PEERCRED: our end's inode (`/proc/self/fd/<fd>`), the peer end's inode (`ss -xH`, which
 * asks the kernel through sock_diag), and which processes hold the peer end (`/proc/<pid>/fd`).
 */
import type { Socket } from 'node:net';
import { readdir, readlink } from 'node:fs/promises';
import type { CommandRunner } from './command-runner.ts';

/** The file descriptor behind a connected socket, read from Node's internal handle (guarded). */
export function socketFd(socket: Socket): number | undefined {
  const handle: unknown = Reflect.get(socket, '_handle');
  if (typeof handle !== 'object' || handle === null) return undefined;
  const fd: unknown = Reflect.get(handle, 'fd');
  return typeof fd === 'number' && Number.isInteger(fd) && fd >= 0 ? fd : undefined;
}

/** The socket inode `/proc/<pid>/fd/<fd>` points at, if it is a socket. */
async function fdSocketInode(path: string): Promise<string | undefined> {
  try {
    return /^socket:\[(\d+)\]$/.exec(await readlink(path))?.[1];
  } catch {
    return undefined;
  }
}

/** The inode of our end of `socket`. */
export async function ownSocketInode(socket: Socket, procRoot = '/proc'): Promise<string | undefined> {
  const fd = socketFd(socket);
  return fd === undefined ? undefined : await fdSocketInode(`${procRoot}/self/fd/${fd}`);
}

function countOccurrences(text: string, part: string): number {
  let count = 0;
  for (let at = text.indexOf(part); at !== -1; at = text.indexOf(part, at + part.length)) count++;
  return count;
}

/**
 * The peer inode of our socket `ownInode` on `endpoint`, from `ss -xH` output. A line counts only
 * in its strict form `u_str <state> <q> <q> <endpoint> <ownInode> * <peerInode>` (an unbound peer).
 * A peer can bind its own socket to any name, newlines included, and ss prints that name; so the
 * answer is trusted only when every occurrence of our endpoint in the output sits on a strict line
 * and exactly one strict line names `ownInode`. Anything else: undefined (not proven).
 */
export function peerInodeFromSs(output: string, endpoint: string, ownInode: string): string | undefined {
  const strict = output.split('\n').map((line) => {
    const prefix = /^u_str\s+\S+\s+\d+\s+\d+\s+/.exec(line)?.[0];
    if (prefix === undefined || !line.startsWith(endpoint, prefix.length)) return undefined;
    return /^\s+(\d+)\s+\*\s+(\d+)\s*$/.exec(line.slice(prefix.length + endpoint.length)) ?? undefined;
  });
  const matches = strict.filter((match) => match !== undefined);
  if (matches.length !== countOccurrences(output, endpoint)) return undefined;
  const ours = matches.filter((match) => match[1] === ownInode);
  return ours.length === 1 ? ours[0]?.[2] : undefined;
}

/** Asks the kernel (through `ss`) for the peer inode of `socket`; undefined when it cannot tell. */
export async function peerSocketInode(socket: Socket, endpoint: string, run: CommandRunner, procRoot = '/proc'): Promise<string | undefined> {
  const own = await ownSocketInode(socket, procRoot);
  if (own === undefined) return undefined;
  const output = await run('ss', ['-xH']);
  return output === undefined ? undefined : peerInodeFromSs(output, endpoint, own);
}

/** True when process `pid` holds the socket with inode `inode` among its open files. */
export async function processHoldsSocket(pid: number, inode: string, procRoot = '/proc'): Promise<boolean> {
  let fds: string[];
  try {
    fds = await readdir(`${procRoot}/${pid}/fd`);
  } catch {
    return false;
  }
  for (const fd of fds) {
    if ((await fdSocketInode(`${procRoot}/${pid}/fd/${fd}`)) === inode) return true;
  }
  return false;
}

/** Every process (that we may inspect) holding the socket `inode`: used when a client names no pid. */
export async function socketHolders(inode: string, procRoot = '/proc'): Promise<number[]> {
  const pids = (await readdir(procRoot)).filter((name) => /^\d+$/.test(name)).map(Number);
  const holders: number[] = [];
  for (const pid of pids) {
    if (await processHoldsSocket(pid, inode, procRoot)) holders.push(pid);
  }
  return holders;
}
