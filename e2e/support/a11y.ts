import { AxeBuilder } from '@axe-core/playwright';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { shotPath } from './browser.ts';

/**
 * WCAG 2.2 AA on every route of the shell, checked by axe-core in real Chromium: no
 * serious or critical violation anywhere (issue 7). Moderate and minor findings are
 * printed so they can be looked at, but do not fail the run.
 */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function audit(page: Page, route: string): Promise<string[]> {
  const { violations, passes } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(passes.length, `axe ran on ${route}`).toBeGreaterThan(10);
  const lines = violations.map(
    (v) =>
      `${route}: [${v.impact ?? 'unknown'}] ${v.id} (${v.nodes.length}) ${v.help} -> ` +
      v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | '),
  );
  if (lines.length > 0) console.warn(lines.join('\n'));
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v, i) => lines[violations.indexOf(v)] ?? `${route}: ${v.id} ${i}`);
}

/**
 * For the board tests: every screenshot a test takes for a person to look at is also
 * audited by axe-core, so each phase's screens are checked, not only the shell's routes.
 */
export function screensLooker(): {
  look(page: Page, name: string, fullPage?: boolean): Promise<void>;
  serious: string[];
} {
  const serious: string[] = [];
  return {
    serious,
    async look(page, name, fullPage = false) {
      await page.screenshot({ path: shotPath(name), fullPage });
      serious.push(...(await audit(page, name)));
    },
  };
}
