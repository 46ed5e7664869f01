/**
 * axe-core in a real page (SPEC M9): injects node_modules/axe-core/axe.min.js
 * and runs it on the document or one element. Returns the violations as
 * short lines (rule, impact, the first offending nodes) so that a failing
 * assertion says what to fix.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[]; failureSummary?: string }[]
}

export async function axeViolations(page: Page, selector?: string): Promise<string[]> {
  const loaded = await page.evaluate(() => 'axe' in window)
  // Evaluated through the debugging protocol: the page's CSP forbids inline scripts.
  if (!loaded) await page.evaluate(`${AXE_SOURCE}\n;void 0`)
  const violations = await page.evaluate(async (context) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe
    const result = await axe.run(context ? { include: [context] } : document, { resultTypes: ['violations'] })
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }))
  }, selector ?? null)
  return violations.map((v) => `${v.id} (${v.impact ?? '?'}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}
