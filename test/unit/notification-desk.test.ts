import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AccountNotice } from '../../src-main/core/app/app-ports.ts';
import { accountNotificationOptions, createNotificationDesk, type NotificationEvents, type NotificationOptions } from '../../src-main/core/notifications/notification-desk.ts';

/** TEST DOUBLE: what the shell would put on screen, with the events it would report. */
class FakeNotification {
  closed = false;
  readonly options: NotificationOptions;
  readonly events: NotificationEvents;
  constructor(options: NotificationOptions, events: NotificationEvents) {
    this.options = options;
    this.events = events;
  }
  close(): void {
    this.closed = true;
    this.events.closed();
  }
}

const notice = (accountId: string, kind: AccountNotice['kind']): AccountNotice => ({ accountId, kind, title: `${accountId} ${kind}`, body: 'Renew it.' });

function desk(platform: NodeJS.Platform, supported = true) {
  const shown: FakeNotification[] = [];
  const actions: string[] = [];
  const notifier = createNotificationDesk({
    platform,
    isSupported: () => supported,
    show: (options, events) => {
      const notification = new FakeNotification(options, events);
      shown.push(notification);
      return notification;
    },
    actions: { renew: (accountId) => actions.push(`renew ${accountId}`), openWindow: () => actions.push('open window') },
  });
  return { notifier, shown, actions };
}

test('a new notice for an account replaces its previous one; other accounts keep theirs', () => {
  const { notifier, shown } = desk('linux');
  notifier.notify(notice('a', 'expiring'));
  notifier.notify(notice('b', 'expiring'));
  notifier.notify(notice('a', 'expired'));
  assert.deepEqual(shown.map((n) => [n.options.title, n.closed]), [['a expiring', true], ['b expiring', false], ['a expired', false]]);
  notifier.message('AIRisk Token Tray', 'first');
  notifier.message('AIRisk Token Tray', 'second');
  assert.deepEqual(shown.slice(3).map((n) => [n.options.body, n.closed]), [['first', true], ['second', false]]);
  notifier.closeAll();
  assert.ok(shown.every((n) => n.closed));
});

test('macOS and Windows get a Renew button that renews its account; a click anywhere opens the window', () => {
  for (const platform of ['darwin', 'win32'] as const) {
    const { notifier, shown, actions } = desk(platform);
    notifier.notify(notice('a', 'expiring'));
    assert.deepEqual(shown[0]?.options.actions, [{ type: 'button', text: 'Renew' }]);
    assert.equal(shown[0]?.options.id, 'airisk-account-a');
    shown[0]?.events.action(0);
    shown[0]?.events.action(1);
    shown[0]?.events.click();
    assert.deepEqual(actions, ['renew a', 'open window'], platform);
  }
  assert.equal(accountNotificationOptions(notice('a', 'expiring'), 'linux').actions, undefined, 'no buttons on Linux');
});

test('an expired token is critical, an expiring one normal; nothing is shown where notifications are unsupported', () => {
  assert.equal(accountNotificationOptions(notice('a', 'expired'), 'linux').urgency, 'critical');
  assert.equal(accountNotificationOptions(notice('a', 'expiring'), 'linux').urgency, 'normal');
  const { notifier, shown } = desk('linux', false);
  notifier.notify(notice('a', 'expired'));
  notifier.message('t', 'b');
  assert.equal(shown.length, 0);
});

test('a notification closed by the person is forgotten, so a later one does not close a stranger', () => {
  const { notifier, shown } = desk('linux');
  notifier.notify(notice('a', 'expiring'));
  shown[0]?.events.closed();
  notifier.notify(notice('a', 'expired'));
  notifier.closeAll();
  assert.deepEqual(shown.map((n) => n.closed), [false, true], 'the first was closed by the person, not closed again by the app');
});
