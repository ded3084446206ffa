import assert from 'node:assert/strict';
import { test } from 'node:test';
import { darwinIdentityFrom, parsePsRows } from '../../../src-main/core/terminal/darwin-identity.ts';
import { peerInodeFromSs } from '../../../src-main/core/terminal/linux-socket-proof.ts';
import { parseDeclaredClient } from '../../../src-main/core/terminal/peer-identity.ts';
import { parseProcStat, ttyName } from '../../../src-main/core/terminal/proc-stat.ts';

const endpoint = '/home/u/.config/AIRisk Token Tray/terminal/access.sock';

test('reads the peer inode of our connection from ss, with spaces in the socket path', () => {
  const output = [`u_str ESTAB 0      0      ${endpoint} 5001 * 5002`, `u_str ESTAB 0      0      ${endpoint} 6001 * 6002`, 'u_str ESTAB 0 0 * 5002 * 5001', ''].join('\n');
  assert.equal(peerInodeFromSs(output, endpoint, '5001'), '5002');
  assert.equal(peerInodeFromSs(output, endpoint, '6001'), '6002');
  assert.equal(peerInodeFromSs(output, endpoint, '7001'), undefined);
});

test('trusts no ss output in which a peer bound its socket to a name that forges our line', () => {
  // The peer binds its own socket to "\nu_str ESTAB 0 0 <endpoint> 5001 * 1234\n" to point the proof at
  // a socket another process (say, bash) holds; ss prints that name in the peer column of our line.
  const forged = `\nu_str ESTAB 0 0 ${endpoint} 5001 * 1234\n`;
  const output = [`u_str ESTAB 0 0 ${endpoint} 5001 ${forged} 5002`, `u_str ESTAB 0 0 ${forged} 5002 ${endpoint} 5001`, ''].join('\n');
  assert.equal(peerInodeFromSs(output, endpoint, '5001'), undefined);
  assert.equal(peerInodeFromSs(`u_str ESTAB 0 0 ${endpoint} 5001 ${forged} 5002\n`, endpoint, '5001'), undefined, 'our own line alone, forged');
  const bound = `u_str ESTAB 0 0 ${endpoint} 5001 /tmp/peer.sock 5002\n`;
  assert.equal(peerInodeFromSs(bound, endpoint, '5001'), undefined, 'a bound peer is not proven');
});

test('parses /proc/<pid>/stat with spaces and parentheses in the name', () => {
  const stat = '4242 (my (odd) name) S 4000 4242 3999 34818 4242 4194560 1 2 3 4 5 6 7 8 20 0 1 0 987654 1000 200 18446744073709551615';
  assert.deepEqual(parseProcStat(stat), { pid: 4242, comm: 'my (odd) name', ppid: 4000, session: 3999, ttyNr: 34818, startTime: '987654' });
  assert.equal(parseProcStat('garbage'), undefined);
});

test('names the controlling terminal from tty_nr', () => {
  assert.equal(ttyName(0), null);
  assert.equal(ttyName((136 << 8) | 3), '/dev/pts/3');
  assert.equal(ttyName((137 << 8) | 1), '/dev/pts/257');
  assert.equal(ttyName((4 << 8) | 2), '/dev/tty2');
});

test('accepts X-AIRisk-Client as {"pid":N} (optional ppid) and names the problem otherwise', () => {
  assert.equal(parseDeclaredClient(undefined), null);
  assert.deepEqual(parseDeclaredClient('{"pid":1234}'), { pid: 1234, ppid: null });
  assert.deepEqual(parseDeclaredClient('{"pid":1234,"ppid":99}'), { pid: 1234, ppid: 99 });
  for (const bad of ['1234', '{"pid":0}', '{"pid":-1}', '{"pid":1.5}', '{"pid":"1234"}', '{"pid":1,"name":"bash"}', '{"pid":1,"ppid":"x"}', '{']) {
    const parsed = parseDeclaredClient(bad);
    assert.ok(parsed !== null && 'error' in parsed, bad);
    assert.match(parsed.error, /X-AIRisk-Client/);
  }
});

test('macOS: names the declared pid and its ancestors from ps, never as proven, keyed by terminal and its topmost process', () => {
  const rows = parsePsRows(['    1     0     0 ??       /sbin/launchd', '  500     1   501 ??       /Applications/iTerm.app/Contents/MacOS/iTerm2', '  600   500   501 ttys003  -zsh', '  700   600   501 ttys003  /usr/local/bin/node', '  800     1     0 ttys004  login'].join('\n'));
  const result = darwinIdentityFrom(rows, 700, 501);
  assert.ok(result.ok);
  assert.deepEqual(result.identity.client, {
    pid: 700,
    name: 'node',
    chain: ['node (pid 700, /dev/ttys003)', '-zsh (pid 600, /dev/ttys003)', 'iTerm2 (pid 500)'],
    tty: '/dev/ttys003',
    proven: false,
  });
  assert.equal(result.identity.sessionKey, 'darwin:/dev/ttys003:600');
  assert.equal(darwinIdentityFrom(rows, 800, 501).ok, false, "another user's process is refused");
  assert.equal(darwinIdentityFrom(rows, 999, 501).ok, false, 'a pid ps does not list is refused');
});
