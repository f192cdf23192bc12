import { AxePuppeteer } from '@axe-core/puppeteer';
import type { Page } from 'puppeteer';

/**
 * Serious and critical WCAG 2.x A/AA violations axe-core finds in a page, one line each (rule, impact, first target),
 * so a failure says what to fix. Shared by the extension's pages (a11y.e2e.ts) and the static toolkit (toolkit.e2e.ts).
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxePuppeteer(page).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.length}× e.g. ${v.nodes[0]?.target.join(' ')}`);
}
