/**
 * The virtualized list's countdowns in Debian Chromium: rows rendered out of view (the overscan)
 * do not tick, and a row scrolled into view shows its current time left in the very first frame.
 */
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { NODE_APP_KEY_FILE } from '../support/node-app.ts';
import { fillStoreAt } from '../support/store-fixtures.ts';
import { startUiSession, type UiSession } from './support/ui-fixture.ts';

let session: UiSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** Each rendered row's label, whether any of it is in the list's view, and its countdown's words. */
interface RenderedRow {
  readonly label: string;
  readonly inView: boolean;
  readonly countdown: string;
}

/** Reads the rendered rows; given `scrollTo` (a label), scrolls that row to the top of the list first and reads in the next animation frame, before it paints. */
function readRows(scrollTo: string | null): Promise<RenderedRow[]> {
  interface Box {
    readonly top: number;
    readonly bottom: number;
  }
  interface Element {
    readonly textContent: string | null;
    readonly parentElement: Element | null;
    scrollTop: number;
    getBoundingClientRect(): Box;
    querySelector(selector: string): Element | null;
  }
  const page = globalThis as unknown as { document: { querySelector(selector: string): Element | null; querySelectorAll(selector: string): Iterable<Element> }; requestAnimationFrame(callback: () => void): void };
  const read = (): RenderedRow[] => {
    const scroller = page.document.querySelector('[role="list"]')?.parentElement;
    if (scroller === null || scroller === undefined) return [];
    const view = scroller.getBoundingClientRect();
    return [...page.document.querySelectorAll('[role="listitem"]')].map((row) => {
      const box = row.getBoundingClientRect();
      return { label: row.querySelector('.row-label')?.textContent ?? '', inView: box.bottom > view.top && box.top < view.bottom, countdown: row.querySelector('.countdown')?.textContent ?? '' };
    });
  };
  if (scrollTo === null) return Promise.resolve(read());
  return new Promise((resolve) => {
    const scroller = page.document.querySelector('[role="list"]')?.parentElement;
    const row = [...page.document.querySelectorAll('[role="listitem"]')].find((candidate) => candidate.querySelector('.row-label')?.textContent === scrollTo);
    if (scroller !== null && scroller !== undefined && row !== undefined) scroller.scrollTop += row.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
    page.requestAnimationFrame(() => resolve(read()));
  });
}

const secondsLeft = (words: string): number => Number(/^(\d+) s left$/.exec(words)?.[1] ?? Number.NaN);

test('countdowns out of view sleep, and are current in the first frame they come into view', async () => {
  // 15 accounts, all expiring within the minute (30–44 s), so their words change every second.
  session = await startUiSession({
    configured: true,
    viewport: { width: 440, height: 400 },
    prepareDataDir: (dataDir, sandbox) => fillStoreAt(dataDir, 15, Date.now(), { connections: [{ name: 'AIRisk', baseUrl: sandbox.url }], keyFile: NODE_APP_KEY_FILE, expiresAfterMs: (index) => 30_000 + index * 1000 }),
  });
  const { page } = session;
  await page.getByRole('listitem').first().waitFor();
  const before = await page.evaluate(readRows, null);
  const sleeper = before.find((row) => !row.inView && Number.isFinite(secondsLeft(row.countdown)));
  assert.ok(sleeper !== undefined, `a row out of view counts seconds: ${JSON.stringify(before)}`);

  await page.waitForTimeout(2500);
  const later = await page.evaluate(readRows, null);
  assert.equal(later.find((row) => row.label === sleeper.label)?.countdown, sleeper.countdown, 'out of view, its countdown did not tick');

  const scrolled = await page.evaluate(readRows, sleeper.label);
  const woken = scrolled.find((row) => row.label === sleeper.label);
  assert.ok(woken?.inView, `${sleeper.label} scrolled into view: ${JSON.stringify(scrolled)}`);
  assert.ok(secondsLeft(woken.countdown) <= secondsLeft(sleeper.countdown) - 2 || /expired/.test(woken.countdown), `in its first frame in view it shows the time left now (${woken.countdown}), not what it showed ${sleeper.countdown} 2.5 s ago`);
  assert.deepEqual(session.pageErrors, []);
});
