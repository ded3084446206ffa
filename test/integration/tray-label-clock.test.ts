/**
 * The tray's time-left labels against the real app service (real store, cipher and expiry
 * scheduler) on a hand-driven clock: the tray is redrawn when a label changes, at most a second
 * late, and never on a fixed beat.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { AppState } from '../../src-main/contract.ts';
import { createTrayLabelClock } from '../../src-main/core/tray/tray-label-clock.ts';
import { buildTrayMenu } from '../../src-main/core/tray/tray-menu-model.ts';
import { DEFAULT_CONNECTION_FIELDS } from '../../src-main/core/settings/stored-settings.ts';
import { createAesGcmCipher, loadOrCreateKeyFile } from '../../src-main/core/vault/aes-gcm-cipher.ts';
import { openConfDocumentStore } from '../../src-main/core/vault/conf-document-store.ts';
import { Vault } from '../../src-main/core/vault/vault.ts';
import { ManualClock } from '../support/manual-clock.ts';
import { accountView, appState } from '../support/app-state-fixtures.ts';
import { createNodeApp } from '../support/node-app.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Every label of the tray menu for a state, flattened, as one comparable string. */
function trayLabels(state: AppState): string {
  const labels: string[] = [];
  for (const item of buildTrayMenu(state)) {
    if (item.kind === 'separator') continue;
    labels.push(item.label);
    if (item.kind === 'submenu') labels.push(...item.items.map((child) => (child.kind === 'separator' ? '---' : child.label)));
  }
  return labels.join('\n');
}

/** Lets the service's promises settle after the clock moved. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A store in a fresh folder holding tokens that expire `expiresInMs` after `startMs`, one per userid. */
async function storeWithTokens(directory: string, startMs: number, tokens: readonly { userid: string | null; expiresInMs: number }[]): Promise<void> {
  // The key file createNodeApp reads, so the service can decrypt what is written here.
  const cipher = createAesGcmCipher(await loadOrCreateKeyFile(join(directory, 'test-cipher.key')));
  const vault = await Vault.open({ store: openConfDocumentStore({ directory }).store, cipher });
  const { id: connectionId } = vault.addConnection(DEFAULT_CONNECTION_FIELDS);
  for (const token of tokens) {
    await vault.saveToken({ connectionId, userid: token.userid, accessToken: `token-of-${token.userid ?? 'generic'}`, expiration: new Date(startMs + token.expiresInMs), obtainedAt: new Date(startMs), clockSkewMs: 0 });
  }
}

async function withTray(
  tokens: readonly { userid: string | null; expiresInMs: number }[],
  run: (tray: { clock: ManualClock; draws: { atMs: number; labels: string }[]; freshLabels: () => Promise<string> }) => Promise<void>,
): Promise<void> {
  const directory = await mkdtemp(join(tmpdir(), 'airisk-tray-labels-'));
  // Half a second past a whole second, so no expiry falls exactly on a step of the test.
  const startMs = Date.UTC(2026, 10, 28, 12, 0, 0, 500);
  try {
    await storeWithTokens(directory, startMs, tokens);
    const clock = new ManualClock(startMs);
    const { service } = await createNodeApp({ directory, openUrl: () => Promise.resolve(), timers: clock });
    const draws: { atMs: number; labels: string }[] = [];
    const labelClock = createTrayLabelClock({
      timers: clock,
      getState: () => service.getState(),
      draw: (state) => draws.push({ atMs: clock.now(), labels: trayLabels(state) }),
      onError: (error) => assert.fail(`getState failed: ${String(error)}`),
    });
    service.onStateChange((state) => labelClock.show(state));
    labelClock.show(await service.getState());
    try {
      await run({ clock, draws, freshLabels: async () => trayLabels(await service.getState()) });
    } finally {
      labelClock.stop();
      await service.shutdown();
    }
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

test('the tray labels follow the countdown second by second, at most one second late, and never redraw unchanged', async () => {
  await withTray(
    [
      { userid: null, expiresInMs: 2 * MINUTE + 5 * SECOND },
      { userid: 'user_42', expiresInMs: HOUR + 5 * MINUTE },
    ],
    async ({ clock, draws, freshLabels }) => {
      let previousFresh = await freshLabels();
      let labelChanges = 0;
      // Through the generic token's expiry and two minutes past it.
      for (let second = 1; second <= 4 * 60 + 10; second++) {
        clock.advance(SECOND);
        await settle();
        const fresh = await freshLabels();
        const drawn = draws.at(-1)?.labels;
        if (fresh !== previousFresh) labelChanges += 1;
        // What the tray shows is what is true now, or what was true one second ago.
        assert.ok(drawn === fresh || drawn === previousFresh, `second ${second}: the tray shows stale labels:\n${drawn}\nnow:\n${fresh}`);
        previousFresh = fresh;
      }
      const redrawsWithoutChange = draws.slice(1).filter((draw, index) => draw.labels === draws[index]?.labels);
      assert.deepEqual(redrawsWithoutChange, [], 'every redraw changed a label');
      // The last minute counts down in seconds, so there are many changes: one draw each.
      assert.ok(labelChanges > 60, `expected the seconds of the last minute to count down, saw ${labelChanges} changes`);
      assert.equal(draws.length - 1, labelChanges, 'one redraw per label change');
    },
  );
});

test('tokens with days left wake the tray once an hour; tokens that need a new sign-in never do', async () => {
  await withTray([{ userid: 'user_7', expiresInMs: 3 * DAY + 2 * HOUR + 30 * MINUTE }], async ({ clock, draws }) => {
    const wakeUpsBefore = clock.firedCount;
    // A refresh re-arms once the service has answered, so time moves a minute at a time.
    for (let minute = 1; minute <= 180; minute++) {
      clock.advance(MINUTE);
      await settle();
    }
    // Every hour the "3 d 2 h left" label drops an hour; the expiry scheduler sleeps much longer.
    assert.equal(clock.firedCount - wakeUpsBefore, 3);
    assert.deepEqual(
      draws.map((draw) => draw.labels.split('\n')[0]),
      ['Copy bearer header — user_7 — 3 d 2 h left', 'Copy bearer header — user_7 — 3 d 1 h left', 'Copy bearer header — user_7 — 3 d left', 'Copy bearer header — user_7 — 2 d 23 h left'],
    );
  });
  await withTray([], async ({ clock, draws }) => {
    assert.equal(clock.pendingCount, 0, 'with no token, no timer is armed');
    clock.advance(DAY);
    await settle();
    assert.equal(draws.length, 1);
  });
});

test('a state shown while a refresh is being made wins over the refresh', async () => {
  const clock = new ManualClock();
  const drawn: string[] = [];
  let resolveRefresh: (state: AppState) => void = () => undefined;
  const state = (generatedAt: string, secondsLeft: number): AppState => appState([accountView('a', { secondsLeft, active: true })], { generatedAt });
  const labelClock = createTrayLabelClock({
    timers: clock,
    // Stands in for a getState that has not answered yet.
    getState: () => new Promise((resolve) => (resolveRefresh = resolve)),
    draw: (shown) => drawn.push(shown.generatedAt),
    onError: (error) => assert.fail(String(error)),
  });
  labelClock.show(state('first', 45));
  clock.advance(SECOND);
  labelClock.show(state('newer', 300));
  resolveRefresh(state('refresh-made-before-newer', 44));
  await settle();
  assert.deepEqual(drawn, ['first', 'newer']);
  labelClock.stop();
  assert.equal(clock.pendingCount, 0, 'stop disarms the timer');
});
