import { useId } from 'react'
import { layoutEvidenceChain, type ChainNode } from '../../shared/evidenceChain'
import type { RegisterRow } from '../../shared/regelruimte'
import { useLanguage } from '../i18n/useLanguage'
import { useT } from '../i18n/useT'
import { formatDate } from '../start/formatDate'

const FILL: Readonly<Record<ChainNode['kind'], { fill: string; stroke: string }>> = {
  factor: { fill: '#f6efe4', stroke: '#8a7a66' },
  conclusie: { fill: '#f6e8fa', stroke: '#ae3ec9' },
  verzoek: { fill: '#fdebdc', stroke: '#e16919' },
}

/**
 * SPEC R12, R15: a request's evidence chain drawn as SVG — factoren →
 * conclusies → verzoek, an arrow for every link, and a conclusie taken over
 * from an earlier session with that session's conclusie and factors to its
 * left (a dashed arrow; every box then names its session) — with a title and
 * a description in words, so a screen reader reads the same chain.
 */
export function EvidenceChain({ row }: { row: RegisterRow }) {
  const t = useT()
  const [language] = useLanguage()
  const id = useId()
  const sessionName = (title: string, date: string | null) => (date ? `${title} (${formatDate(date, language)})` : title)
  // On a box the date comes first: sessions of one themagroep often share a title, and a long one is cut.
  const boxLabel = (title: string, date: string | null) => (date ? `${formatDate(date, language)} · ${title}` : title)
  const layout = layoutEvidenceChain({
    verzoek: row.text,
    session: boxLabel(row.sessionTitle, row.sessionDate),
    conclusies: row.keten.conclusies.map((c) => ({
      text: c.text,
      factoren: c.factoren,
      herkomst: (c.herkomst ?? []).map((h) => ({ session: boxLabel(h.sessionTitle, h.sessionDate), text: h.text, factoren: h.factoren })),
    })),
    direct: row.keten.direct,
  })
  const byId = new Map(layout.nodes.map((n) => [n.id, n]))
  const description = [
    ...row.keten.conclusies.flatMap((c) => [
      c.factoren.length > 0 ? t('regelruimte.chain.conclusieFrom', { conclusie: c.text, factoren: c.factoren.join('; ') }) : t('regelruimte.chain.conclusie', { conclusie: c.text }),
      ...(c.herkomst ?? []).map((h) => {
        const session = sessionName(h.sessionTitle, h.sessionDate)
        return h.factoren.length > 0
          ? t('regelruimte.chain.herkomstFrom', { session, conclusie: h.text, factoren: h.factoren.join('; ') })
          : t('regelruimte.chain.herkomst', { session, conclusie: h.text })
      }),
    ]),
    ...row.keten.direct.map((d) => t('regelruimte.chain.direct', { text: d })),
  ].join(' ')
  const margin = 8
  return (
    <svg
      className="bp-chain"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`${-margin} ${-margin} ${layout.width + 2 * margin} ${layout.height + 2 * margin}`}
      width={layout.width + 2 * margin}
      data-sticky={row.stickyId}
    >
      <title id={`${id}-title`}>{t('regelruimte.chain.title', { nummer: row.nummer, verzoek: row.text })}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <defs>
        <marker id={`${id}-arrow`} viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" fill="#5c534a" />
        </marker>
      </defs>
      {layout.edges.map((e) => {
        const from = byId.get(e.from)!
        const to = byId.get(e.to)!
        const x1 = from.x + from.width
        const y1 = from.y + from.height / 2
        const x2 = to.x
        const y2 = to.y + to.height / 2
        const mid = (x1 + x2) / 2
        return (
          <path
            key={`${e.from}-${e.to}`}
            className="bp-chain__edge"
            data-from={e.from}
            data-to={e.to}
            d={`M ${x1} ${y1} C ${mid} ${y1}, ${mid} ${y2}, ${x2} ${y2}`}
            fill="none"
            stroke="#5c534a"
            strokeWidth={1.5}
            strokeDasharray={e.kind === 'herkomst' ? '6 4' : undefined}
            data-kind={e.kind}
            markerEnd={`url(#${id}-arrow)`}
          />
        )
      })}
      {layout.nodes.map((n) => (
        <g key={n.id} className={`bp-chain__node is-${n.kind}`} data-kind={n.kind} data-session={n.session}>
          <title>{n.session !== undefined ? `${n.session}: ${n.text}` : n.text}</title>
          <rect x={n.x} y={n.y} width={n.width} height={n.height} rx={6} fill={FILL[n.kind].fill} stroke={FILL[n.kind].stroke} strokeWidth={n.kind === 'verzoek' ? 2 : 1} />
          <text x={n.x + 8} y={n.y + 8} fontSize={13} fill="#2b241d">
            {n.session !== undefined && (
              <tspan x={n.x + 8} dy={12} fontSize={11} fill="#5c534a" className="bp-chain__session">
                {n.session.length > 29 ? `${n.session.slice(0, 28)}…` : n.session}
              </tspan>
            )}
            {n.lines.map((line, i) => (
              <tspan key={i} x={n.x + 8} dy={i === 0 && n.session === undefined ? 13 : 16}>
                {line}
              </tspan>
            ))}
          </text>
        </g>
      ))}
    </svg>
  )
}
