/**
 * One screen's accessibility check and photographs: axe-core on the page in light and in dark, a
 * screenshot of each into test-results/screenshots/ (`<name>-light.png`, `<name>-dark.png`).
 */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright';

/** Where every UI test's screenshots land. */
const SCREENSHOTS = new URL('../../../test-results/screenshots/', import.meta.url);

/** axe-core finds nothing on the page in light and in dark; a screenshot of each lands in test-results. */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).analyze();
    const violations = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    assert.deepEqual(violations, [], `axe-core on "${name}" (${colorScheme})`);
    await page.screenshot({ path: new URL(`${name}-${colorScheme}.png`, SCREENSHOTS).pathname });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
