import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConsentBroker } from '../../../src-main/core/terminal/consent-broker.ts';
import type { ConsentSubject } from '../../../src-main/core/terminal/consent-broker.ts';
import { ManualClock } from '../../support/manual-clock.ts';

const bash = { pid: 1234, name: 'bash', chain: ['bash (pid 1234, /dev/pts/3)'], tty: '/dev/pts/3', proven: true };

function subject(sessionKey: string, accountId = 'acc-42'): ConsentSubject {
  return { sessionKey, client: bash, accountId, accountName: 'user_42 on Staging' };
}

function setup(minutes = 10): { clock: ManualClock; broker: ConsentBroker; changes: () => number } {
  const clock = new ManualClock();
  let counter = 0;
  const broker = new ConsentBroker({ timers: clock, sessionMinutes: minutes, newId: () => `id-${++counter}` });
  let changes = 0;
  broker.onChange(() => changes++);
  return { clock, broker, changes: () => changes };
}

test('shows one request at a time and lets an allow cover that terminal session and account only', async () => {
  const { broker } = setup();
  const first = broker.ask(subject('tty-A'));
  const second = broker.ask(subject('tty-B'));
  const view = broker.view();
  assert.equal(view.consent?.id, 'id-1');
  assert.equal(view.consent?.accountName, 'user_42 on Staging');
  assert.equal(view.consent?.expiresAt, '2025-03-31T12:01:00.000Z');
  assert.ok(broker.answer('id-1', 'allow'));
  assert.deepEqual(await first, { kind: 'approved' });
  assert.equal(broker.view().consent?.id, 'id-2', 'the queued request is shown next');
  assert.equal(broker.isApproved('tty-A', 'acc-42'), true);
  assert.equal(broker.isApproved('tty-A', 'acc-7'), false, 'another account needs its own approval');
  assert.equal(broker.isApproved('tty-B', 'acc-42'), false, 'another terminal session needs its own approval');
  broker.answer('id-2', 'deny');
  assert.deepEqual(await second, { kind: 'denied' });
  assert.equal(broker.view().consent, null);
});

test('a second request for the same session and account joins the first instead of queueing a prompt', async () => {
  const { broker } = setup();
  const a = broker.ask(subject('tty-A'));
  const b = broker.ask(subject('tty-A'));
  broker.answer('id-1', 'allow');
  assert.deepEqual([await a, await b], [{ kind: 'approved' }, { kind: 'approved' }]);
  assert.equal(broker.view().consent, null);
});

test('ends a request nobody answers after 60 s with no_answer, counting from when it is shown', async () => {
  const { clock, broker } = setup();
  const first = broker.ask(subject('tty-A'));
  const second = broker.ask(subject('tty-B'));
  clock.advance(59_999);
  assert.equal(broker.view().consent?.id, 'id-1');
  clock.advance(1);
  assert.deepEqual(await first, { kind: 'no_answer' });
  assert.equal(broker.view().consent?.expiresAt, '2025-03-31T12:02:00.000Z');
  clock.advance(60_000);
  assert.deepEqual(await second, { kind: 'no_answer' });
  assert.equal(broker.answer('id-1', 'allow'), false, 'a late answer approves nothing');
  assert.equal(broker.isApproved('tty-A', 'acc-42'), false);
});

test('a session lasts N minutes of inactivity and each use refreshes it', async () => {
  const { clock, broker } = setup(10);
  const asked = broker.ask(subject('tty-A'));
  broker.answer('id-1', 'allow');
  await asked;
  clock.advance(9 * 60_000);
  assert.equal(broker.isApproved('tty-A', 'acc-42'), true);
  clock.advance(9 * 60_000);
  assert.equal(broker.isApproved('tty-A', 'acc-42'), true, 'refreshed 9 minutes ago');
  assert.equal(broker.view().sessions[0]?.expiresAt, '2025-03-31T12:28:00.000Z');
  clock.advance(10 * 60_000);
  assert.equal(broker.view().sessions.length, 0, 'the timer removed it');
  assert.equal(broker.isApproved('tty-A', 'acc-42'), false);
});

test('a session whose time passed while the machine slept is over, though its timer has not fired', async () => {
  const { clock, broker } = setup(10);
  const asked = broker.ask(subject('tty-A'));
  broker.answer('id-1', 'allow');
  await asked;
  clock.shiftWallClock(11 * 60_000);
  assert.equal(broker.isApproved('tty-A', 'acc-42'), false);
});

test('"always" approves the account for every terminal session until revoked', async () => {
  const { clock, broker } = setup(1);
  const asked = broker.ask(subject('tty-A'));
  const other = broker.ask(subject('tty-B'));
  broker.answer('id-1', 'always');
  assert.deepEqual([await asked, await other], [{ kind: 'approved' }, { kind: 'approved' }], 'the queued request for the same account is approved too');
  clock.advance(120 * 60_000);
  assert.equal(broker.isApproved('tty-C', 'acc-42'), true);
  const [grant] = broker.view().sessions;
  assert.equal(grant?.expiresAt, null);
  assert.ok(broker.revoke(grant?.id ?? ''));
  assert.equal(broker.isApproved('tty-C', 'acc-42'), false);
});

test('revokeAll ends every session, grant and pending request', async () => {
  const { broker } = setup();
  const a = broker.ask(subject('tty-A', 'acc-1'));
  broker.answer('id-1', 'allow');
  await a;
  const b = broker.ask(subject('tty-A', 'acc-2'));
  broker.answer('id-3', 'always');
  await b;
  const pending = broker.ask(subject('tty-A', 'acc-3'));
  broker.revokeAll('the screen was locked');
  assert.deepEqual(await pending, { kind: 'revoked', reason: 'the screen was locked' });
  assert.deepEqual(broker.view(), { consent: null, sessions: [] });
  assert.equal(broker.isApproved('tty-A', 'acc-1'), false);
  assert.equal(broker.isApproved('tty-Z', 'acc-2'), false);
});

test('a caller that gives up withdraws its request and the next one is shown', async () => {
  const { broker } = setup();
  const controller = new AbortController();
  const gone = broker.ask(subject('tty-A'), controller.signal);
  const next = broker.ask(subject('tty-B'));
  controller.abort();
  assert.deepEqual(await gone, { kind: 'cancelled' });
  assert.equal(broker.view().consent?.id, 'id-2');
  broker.answer('id-2', 'allow');
  assert.deepEqual(await next, { kind: 'approved' });
});

test('setSessionMinutes accepts 1–120 whole minutes and applies to running sessions', async () => {
  const { clock, broker } = setup(10);
  assert.throws(() => broker.setSessionMinutes(0), /1–120 whole minutes/);
  assert.throws(() => broker.setSessionMinutes(121), RangeError);
  assert.throws(() => broker.setSessionMinutes(1.5), RangeError);
  const asked = broker.ask(subject('tty-A'));
  broker.answer('id-1', 'allow');
  await asked;
  clock.advance(3 * 60_000);
  broker.setSessionMinutes(2);
  assert.equal(broker.isApproved('tty-A', 'acc-42'), false);
});

test('the audit keeps the last read per account as "name, pid N" with its time, and reports the change', () => {
  const { clock, broker, changes } = setup();
  const before = changes();
  broker.recordRead('acc-42', bash);
  clock.advance(5000);
  broker.recordRead('acc-42', { ...bash, pid: null, name: 'an unnamed process' });
  assert.deepEqual([...broker.lastReads()], [['acc-42', { at: '2025-03-31T12:00:05.000Z', client: 'an unnamed process' }]]);
  assert.equal(changes() - before, 2);
});

test('queues at most 10 different requests; the eleventh is refused at once as busy', async () => {
  const { broker } = setup();
  const waiting = Array.from({ length: 10 }, (_, i) => broker.ask(subject(`tty-${i}`)));
  assert.deepEqual(await broker.ask(subject('tty-10')), { kind: 'busy' });
  broker.revokeAll('done');
  assert.deepEqual(await Promise.all(waiting), Array.from({ length: 10 }, () => ({ kind: 'revoked', reason: 'done' })));
});

test('main words the prompt and the session list, with what a program says about itself shown as is', async () => {
  const { broker } = setup(1);
  const hostile = { ...bash, name: 'evil\u202E)detrevni( hsab', proven: false };
  const asked = broker.ask({ ...subject('tty-A'), client: hostile });
  const consent = broker.view().consent;
  assert.equal(consent?.question, 'A program that claims to be evil\uFFFD)detrevni( hsab (pid 1234, /dev/pts/3) asks for the token of user_42 on Staging');
  assert.equal(consent?.claimNote, 'The app could not confirm which program asked; this is what it says about itself.');
  assert.equal(consent?.allow, 'Allow for 1 minute');
  broker.setSessionMinutes(10);
  assert.equal(broker.view().consent?.allow, 'Allow for 10 minutes', 'the button follows the session length');
  broker.answer('id-1', 'allow');
  await asked;
  assert.equal(broker.view().sessions[0]?.who, 'evil\uFFFD)detrevni( hsab, pid 1234 (claimed)');
  const proven = broker.ask(subject('tty-B'));
  const second = broker.view().consent;
  assert.equal(second?.claimNote, null, 'the kernel confirmed it: no note');
  broker.answer(second?.id ?? '', 'deny');
  await proven;
});
