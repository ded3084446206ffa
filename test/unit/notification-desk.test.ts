import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ExpiryNotice } from '../../src-main/core/app/app-ports.ts';
import { createNotificationDesk, type NotificationEvents, type NotificationOptions } from '../../src-main/core/notifications/notification-desk.ts';

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

const notice = (accountId: string, kind: ExpiryNotice['kind'], more: Partial<ExpiryNotice> = {}): ExpiryNotice => ({
  kind,
  accountIds: [accountId],
  renewConnectionId: 'conn-1',
  title: `${accountId} ${kind}`,
  body: 'Renew it.',
  urgency: 'normal',
  ...more,
});

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
    actions: { renew: (accountId) => actions.push(`renew ${accountId}`), renewAll: (connectionId) => actions.push(`renew all ${connectionId}`), openWindow: () => actions.push('open window') },
  });
  return { notifier, shown, actions };
}

test('at most one notice per kind is on screen: a newer one of the same kind replaces the older', () => {
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

test('macOS and Windows get Renew for one account and Renew all for several on one connection; a click anywhere opens the window', () => {
  for (const platform of ['darwin', 'win32'] as const) {
    const { notifier, shown, actions } = desk(platform);
    notifier.notify(notice('a', 'expiring'));
    assert.deepEqual(shown[0]?.options.actions, [{ type: 'button', text: 'Renew' }]);
    assert.equal(shown[0]?.options.id, 'airisk-expiring');
    shown[0]?.events.action(0);
    shown[0]?.events.action(1);
    shown[0]?.events.click();
    notifier.notify(notice('a', 'expiring', { accountIds: ['a', 'b'] }));
    assert.deepEqual(shown[1]?.options.actions, [{ type: 'button', text: 'Renew all' }]);
    shown[1]?.events.action(0);
    notifier.notify(notice('a', 'expiring', { accountIds: ['a', 'b'], renewConnectionId: null }));
    assert.equal(shown[2]?.options.actions, undefined, 'across connections there is nothing one button could renew');
    assert.deepEqual(actions, ['renew a', 'open window', 'renew all conn-1'], platform);
  }
  const { notifier, shown } = desk('linux');
  notifier.notify(notice('a', 'expiring'));
  assert.equal(shown[0]?.options.actions, undefined, 'no buttons on Linux');
});

test('the notice’s urgency reaches the system; nothing is shown where notifications are unsupported', () => {
  const { notifier, shown } = desk('linux');
  notifier.notify(notice('a', 'expired', { urgency: 'critical' }));
  notifier.notify(notice('a', 'expiring'));
  assert.deepEqual(shown.map((n) => n.options.urgency), ['critical', 'normal']);
  const unsupported = desk('linux', false);
  unsupported.notifier.notify(notice('a', 'expired'));
  unsupported.notifier.message('t', 'b');
  assert.equal(unsupported.shown.length, 0);
});

test('a notification closed by the person is forgotten, so a later one does not close a stranger', () => {
  const { notifier, shown } = desk('linux');
  notifier.notify(notice('a', 'expiring'));
  shown[0]?.events.closed();
  notifier.notify(notice('a', 'expired'));
  notifier.closeAll();
  assert.deepEqual(shown.map((n) => n.closed), [false, true], 'the first was closed by the person, not closed again by the app');
});
