/**
 * The register rows of one session (SPEC R2): one per regelruimte request of
 * the session's verslag model — numbering, fields, status and the conclusies
 * and factors it follows from are the verslag's own (buildVerslag), so the
 * register and the verslag never disagree. Adds the status history.
 */
import type { SessionSummary } from '../../shared/api'
import type { KetenHerkomst, RegisterRow, StatusChange } from '../../shared/regelruimte'
import type { Verslag } from '../../shared/verslag/schema'
import type { RegelruimteStatusEntry } from './RegelruimteStatusStore'

export function registerRows(
  session: SessionSummary,
  verslag: Verslag,
  history: readonly RegelruimteStatusEntry[],
  /** R15: per conclusie sticky id, where it was taken over from (nearest first). */
  herkomst: ReadonlyMap<string, readonly KetenHerkomst[]> = new Map(),
): RegisterRow[] {
  const bySticky = new Map<string, StatusChange[]>()
  for (const { sessionId: _s, stickyId, ...change } of history) {
    const list = bySticky.get(stickyId)
    if (list) list.push(change)
    else bySticky.set(stickyId, [change])
  }
  return verslag.sections.flatMap((section) =>
    section.kind !== 'regelruimte'
      ? []
      : section.verzoeken.map((v): RegisterRow => {
          const factoren = [...v.conclusies.flatMap((c) => c.factoren), ...v.restsOn]
          const seen = new Set<string>()
          return {
            sessionId: session.id,
            sessionTitle: verslag.title,
            themagroep: session.themagroep,
            sessionDate: verslag.date ?? null,
            stickyId: v.item.id,
            nummer: v.nummer,
            text: v.item.text,
            gevraagdeRuimte: v.gevraagdeRuimte ?? null,
            regeling: v.regeling ?? null,
            adressaat: v.adressaat ?? null,
            indiener: v.indiener ?? null,
            status: v.status,
            conclusies: v.conclusies.map((c) => c.conclusie.text),
            factoren: factoren.filter((f) => !seen.has(f.id) && seen.add(f.id)).map((f) => f.text),
            history: bySticky.get(v.item.id) ?? [],
            keten: {
              conclusies: v.conclusies.map((c) => {
                const from = herkomst.get(c.conclusie.id) ?? []
                return { text: c.conclusie.text, factoren: c.factoren.map((f) => f.text), ...(from.length > 0 ? { herkomst: [...from] } : {}) }
              }),
              direct: v.restsOn.map((f) => f.text),
            },
          }
        }),
  )
}
