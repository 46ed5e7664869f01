import type { DomainBoard } from '../../shared/boardModel'
import { NOTE_SIZE } from '../../shared/records'
import { TAG_INFO } from '../../shared/tags'

/** A small picture of a version's board: sheets as outlines, stickies as squares in their tag's colour. */
export function BoardSketch({ board, label }: { board: DomainBoard; label: string }) {
  const boxes = [
    ...board.sheets.map((s) => ({ x: s.x, y: s.y, w: s.w, h: s.h })),
    ...board.stickies.map((s) => ({ x: s.x, y: s.y, w: NOTE_SIZE, h: NOTE_SIZE })),
  ]
  if (boxes.length === 0) return null
  const minX = Math.min(...boxes.map((b) => b.x))
  const minY = Math.min(...boxes.map((b) => b.y))
  const maxX = Math.max(...boxes.map((b) => b.x + b.w))
  const maxY = Math.max(...boxes.map((b) => b.y + b.h))
  const pad = 40
  return (
    <svg
      className="bp-history__sketch"
      role="img"
      aria-label={label}
      viewBox={`${minX - pad} ${minY - pad} ${maxX - minX + 2 * pad} ${maxY - minY + 2 * pad}`}
      preserveAspectRatio="xMidYMid meet"
    >
      {board.sheets.map((s) => (
        <g key={s.id}>
          <rect x={s.x} y={s.y} width={s.w} height={s.h} fill="#f4ead8" stroke="#8a6a44" strokeWidth={6} />
          <text x={s.x + 16} y={s.y - 14} fontSize={48} fill="#5a4630">
            {s.name}
          </text>
        </g>
      ))}
      {board.stickies.map((s) => (
        <rect key={s.id} x={s.x} y={s.y} width={NOTE_SIZE} height={NOTE_SIZE} rx={8} fill={TAG_INFO[s.tag].hex} opacity={0.85} />
      ))}
    </svg>
  )
}
