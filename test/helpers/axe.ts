/*
 * axe-core over the pane in Chromium (@axe-core/playwright): violations by impact, split into
 * ours and Fluent's own focus helpers. Tabster (Fluent's focus management) puts invisible
 * "dummy" inputs around focus traps and movers, aria-hidden yet focusable by design so that Tab
 * lands in the right place; axe reports them as aria-hidden-focus (microsoft/tabster#288, open;
 * microsoft/fluentui#25133). Nothing in our code can change that; docs/dev/task-pane.md records it.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export interface Finding {
  rule: string;
  impact: string;
  help: string;
  nodes: string[];
}

export interface AxeResults {
  /** Serious or critical, not Fluent's focus helpers: must be empty. */
  ours: Finding[];
  /** Fluent's (tabster's) focus helpers. */
  upstream: Finding[];
  /** Minor and moderate findings of ours, for the record. */
  minor: Finding[];
}

const FOCUS_HELPER = /data-tabster-dummy/;

export async function axeCheck(page: Page): Promise<AxeResults> {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const out: AxeResults = { ours: [], upstream: [], minor: [] };
  for (const v of r.violations) {
    const helper = v.nodes.filter((n) => FOCUS_HELPER.test(n.html));
    const own = v.nodes.filter((n) => !FOCUS_HELPER.test(n.html));
    const finding = (nodes: typeof v.nodes): Finding => ({ rule: v.id, impact: v.impact ?? 'unknown', help: v.help, nodes: nodes.map((n) => n.target.join(' ')).slice(0, 5) });
    if (helper.length) out.upstream.push(finding(helper));
    if (!own.length) continue;
    if (v.impact === 'serious' || v.impact === 'critical') out.ours.push(finding(own));
    else out.minor.push(finding(own));
  }
  return out;
}

/** The levels of the visible headings, in document order. */
export function headingLevels(page: Page): Promise<number[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('h1,h2,h3,h4,h5,h6,[role="heading"]')]
      .filter((h) => h.offsetParent !== null || h.getClientRects().length > 0)
      .map((h) => Number(h.getAttribute('aria-level') ?? h.tagName.slice(1))),
  );
}
