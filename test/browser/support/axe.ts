import axe from 'axe-core';
import type { Page } from 'playwright-core';

export interface AxeProblem {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** axe's critical and serious violations on the page as it is now (WCAG 2.x A/AA rules). */
export async function axeProblems(page: Page): Promise<AxeProblem[]> {
  // Evaluated by the browser's devtools protocol: the pages' CSP (no inline script) does not apply to it.
  await page.evaluate(axe.source);
  const violations = await page.evaluate<AxeProblem[]>(`
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })
      .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) })))
  `);
  return violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
}
