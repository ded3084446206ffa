/**
 * Who is calling, as far as each platform lets the server know (see README.md, "What terminal
 * access protects, and what it does not"):
 * - Linux: the declared pid, checked in `/proc` on every request (cheap reads only), and proven
 *   with the kernel's view of the connection (`ss`, `/proc/<pid>/fd`) only when a prompt is needed.
 *   The proof costs a process spawn and a walk of `/proc` (several ms): far above the 1 ms budget of
 *   an approved request, and an approval only needs the terminal session key, which is cheap.
 *   A client that names no pid (curl) is named by the kernel instead, on every request (slow).
 * - macOS: the declared pid and its ancestors from `ps`; never proven.
 * - Windows: the declared pid (and parent) only; never proven, no chain.
 */
import type { Socket } from 'node:net';
import { isJsonObject } from '../../shared/json-object.ts';
import { runSystemCommand } from './command-runner.ts';
import type { CommandRunner } from './command-runner.ts';
import { darwinIdentity } from './darwin-identity.ts';
import { linuxDiscoveredPid, linuxIdentity, linuxProve } from './linux-identity.ts';
import type { DeclaredClient, IdentifyResult, PeerIdentity } from './peer-types.ts';

export type { DeclaredClient, IdentifyResult, PeerIdentity, PeerRefusal } from './peer-types.ts';

/** Largest pid any platform hands out (Linux caps at 2^22; Windows pids are 32-bit). */
const MAX_PID = 2 ** 32 - 1;

function isPid(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= MAX_PID;
}

/** Parses `X-AIRisk-Client: {"pid":1234}` (optional `"ppid"`); null when absent, a message when malformed. */
export function parseDeclaredClient(header: string | undefined): DeclaredClient | null | { readonly error: string } {
  if (header === undefined) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(header);
  } catch {
    parsed = undefined;
  }
  const fix = 'send X-AIRisk-Client as JSON with your own pid, like {"pid":1234}, or leave the header out.';
  if (!isJsonObject(parsed) || !isPid(parsed.pid)) return { error: `The X-AIRisk-Client header is not valid; ${fix}` };
  const unknown = Object.keys(parsed).filter((key) => key !== 'pid' && key !== 'ppid');
  if (unknown.length > 0 || (parsed.ppid !== undefined && !isPid(parsed.ppid))) return { error: `The X-AIRisk-Client header has unknown or malformed fields; ${fix}` };
  return { pid: parsed.pid, ppid: isPid(parsed.ppid) ? parsed.ppid : null };
}

/** Establishes who is at the other end of a connection. */
export interface PeerIdentifier {
  /** Cheap, per request: the caller's terminal session key and name. */
  identify(socket: Socket, declared: DeclaredClient | null): Promise<IdentifyResult>;
  /** Expensive, for a prompt only: the kernel's proof (Linux) and the ancestor chain. */
  prove(socket: Socket, identity: PeerIdentity): Promise<PeerIdentity>;
}

/** Options; tests keep the defaults (this platform, the real tools). */
export interface PeerIdentifierOptions {
  /** The socket path the server listens on (the proof looks our connection up by it). */
  readonly endpoint: string;
  readonly platform?: NodeJS.Platform;
  readonly run?: CommandRunner;
  readonly procRoot?: string;
}

const anonymousIds = new WeakMap<Socket, number>();
let nextAnonymousId = 1;

/** A caller nobody can name: its own session per connection, so every new one is asked. */
function anonymous(socket: Socket): IdentifyResult {
  let id = anonymousIds.get(socket);
  if (id === undefined) {
    id = nextAnonymousId++;
    anonymousIds.set(socket, id);
  }
  return { ok: true, identity: { sessionKey: `anonymous:${id}`, client: { pid: null, name: 'an unnamed process', chain: [], tty: null, proven: false } } };
}

/** The identifier for this platform. */
export function createPeerIdentifier(options: PeerIdentifierOptions): PeerIdentifier {
  const platform = options.platform ?? process.platform;
  const run = options.run ?? runSystemCommand;
  const linux = { run, ...(options.procRoot === undefined ? {} : { procRoot: options.procRoot }) };
  return {
    async identify(socket, declared) {
      if (platform === 'linux') {
        if (declared !== null) return await linuxIdentity(declared.pid, false, linux);
        const discovered = await linuxDiscoveredPid(socket, options.endpoint, linux);
        return discovered === undefined ? anonymous(socket) : await linuxIdentity(discovered, true, linux);
      }
      if (declared === null) return anonymous(socket);
      if (platform === 'darwin') return await darwinIdentity(declared.pid, run);
      const sessionKey = `declared-parent:${declared.ppid ?? declared.pid}`;
      return { ok: true, identity: { sessionKey, client: { pid: declared.pid, name: `process ${declared.pid}`, chain: [], tty: null, proven: false } } };
    },
    async prove(socket, identity) {
      return platform === 'linux' ? await linuxProve(socket, options.endpoint, identity, linux) : identity;
    },
  };
}
