import type { ReactNode } from 'react'
import { TAG_INFO } from '../../shared/tags'
import { VERSLAG_LABELS } from '../../shared/verslag/labels'
import type { StickyRef, Verslag, VerslagItem, VerslagSection } from '../../shared/verslag/schema'
import { asksForText, footerLines, markedText, headerLines, isImagePlaceholder, refContext, stemmenTable, wanneerText } from '../../shared/verslag/wording'

/**
 * The verslag as the server's model has it, laid out like the html export.
 * React renders every text as text: sticky text is data, never markup (V10).
 */
export function VerslagPreview({ verslag: v }: { verslag: Verslag }) {
  const L = VERSLAG_LABELS[v.language]
  return (
    <article className="bp-verslag" lang={v.language} data-testid="verslag-preview">
      <h1>{v.heading}</h1>
      <dl className="bp-verslag__header">
        {headerLines(v).map((line) => (
          <div key={line.label}>
            <dt>{line.label}</dt>
            <dd>{line.value}</dd>
          </div>
        ))}
      </dl>
      {v.intro.map((p, i) => (
        <Prose key={i} text={p} verslag={v} />
      ))}
      {v.agenda.length > 0 && (
        <>
          <h2>{L.agenda}</h2>
          <ul>
            {v.agenda.map((a, i) => (
              <li key={i}>{a}</li>
            ))}
          </ul>
        </>
      )}
      {v.boardPicture && isSafePicture(v.boardPicture.url) && (
        <figure>
          <img src={v.boardPicture.url} alt={v.boardPicture.alt || L.boardPicture} />
          <figcaption>{v.boardPicture.alt || L.boardPicture}</figcaption>
        </figure>
      )}
      {v.sections.map((s, i) => (
        <Section key={`${s.kind}-${s.heading}-${i}`} section={s} verslag={v} />
      ))}
      {(v.stemmen?.length ?? 0) > 0 && <Stemmen verslag={v} />}
      {footerLines(v).map((line) => (
        <p key={line.label} className="bp-verslag__footer">
          {line.label}: {line.value}
        </p>
      ))}
    </article>
  )
}

/** The ranked votes, as in every export (SPEC V26). */
function Stemmen({ verslag }: { verslag: Verslag }) {
  const { head, rows } = stemmenTable(verslag)
  return (
    <section data-testid="verslag-stemmen">
      <h2>{VERSLAG_LABELS[verslag.language].stemmen}</h2>
      <table className="bp-verslag__table">
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={verslag.stemmen?.[i]?.sticky.id ?? i}>
              {r.map((c, j) => (
                <td key={j}>
                  <Text text={c} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

/** Same-origin paths and embedded images only (SPEC V10). */
function isSafePicture(url: string): boolean {
  return /^\/[^/\\]/.test(url) || /^data:image\/(png|jpeg|svg\+xml);base64,/.test(url)
}

function Items({ items, verslag }: { items: readonly VerslagItem[]; verslag: Verslag }) {
  const bullets: ReactNode[] = []
  const out: ReactNode[] = []
  let numbered = false
  const flush = () => {
    if (bullets.length > 0) out.push(<ul key={`ul-${out.length}`}>{bullets.splice(0)}</ul>)
    numbered = false
  }
  for (const item of items) {
    if (item.kind === 'paragraph') {
      flush()
      out.push(<Prose key={item.id} text={item.text} verslag={verslag} />)
    } else {
      // Numbered items show their number as written (V20), in a list of their own.
      if (numbered !== (item.marker !== undefined)) flush()
      numbered = item.marker !== undefined
      bullets.push(
        <li key={item.id} data-sticky={item.id} className={item.marker !== undefined ? 'bp-verslag__numbered' : undefined}>
          {item.marker !== undefined && <span className="bp-verslag__marker">{item.marker} </span>}
          <Text text={item.text} />
          {item.votes > 0 && <span className="bp-verslag__votes"> ({VERSLAG_LABELS[verslag.language].votes(item.votes)})</span>}
          {item.children.length > 0 && <Items items={item.children} verslag={verslag} />}
        </li>,
      )
    }
  }
  flush()
  return <>{out}</>
}

/** A paragraph; an image placeholder is shown greyed, since the export leaves it out (V21). */
function Prose({ text, verslag }: { text: string; verslag: Verslag }) {
  if (!isImagePlaceholder(text)) return <p>{text}</p>
  const label = VERSLAG_LABELS[verslag.language].imagePlaceholder
  return (
    <p className="bp-verslag__placeholder" title={label}>
      {text} <small>({label})</small>
    </p>
  )
}

/** Multi-line sticky text with its line breaks. */
function Text({ text }: { text: string }) {
  const lines = text.split('\n')
  return (
    <>
      {lines.map((line, i) => (
        <span key={i}>
          {i > 0 && <br />}
          {line}
        </span>
      ))}
    </>
  )
}

function Ref({ r, verslag }: { r: StickyRef; verslag: Verslag }) {
  return (
    <span className="bp-verslag__ref" style={{ ['--bp-tag' as string]: TAG_INFO[r.tag].hex }}>
      {r.text} <span className="bp-muted">{refContext(r, verslag.language)}</span>
    </span>
  )
}

function Section({ section: s, verslag: v }: { section: VerslagSection; verslag: Verslag }) {
  const L = VERSLAG_LABELS[v.language]
  switch (s.kind) {
    case 'section':
      return (
        <section>
          <h2>{s.heading}</h2>
          <Items items={s.items} verslag={v} />
        </section>
      )
    case 'conclusies':
      return (
        <section>
          <h2>{s.heading}</h2>
          <ul>
            {s.conclusies.map((c) => (
              <li key={c.item.id} data-sticky={c.item.id}>
                <Text text={c.item.text} />
                {c.item.children.length > 0 && <Items items={c.item.children} verslag={v} />}
                {c.restsOn.length > 0 && (
                  <div className="bp-verslag__trace">
                    <em>{L.restsOn}:</em>
                    <ul>
                      {c.restsOn.map((r) => (
                        <li key={r.id}>
                          <Ref r={r} verslag={v} />
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
                {c.asksFor.length > 0 && (
                  <div className="bp-verslag__trace">
                    <em>{L.asksFor}:</em> {L.regelruimte.toLowerCase()} {asksForText(v, c.asksFor)}
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      )
    case 'factoren':
      return (
        <section>
          <h2>{s.heading}</h2>
          {s.groups.map((g, i) => (
            <div key={g.sheetId ?? `none-${i}`}>
              {g.heading && <h3>{g.heading}</h3>}
              <Items items={g.items} verslag={v} />
            </div>
          ))}
        </section>
      )
    case 'regelruimte':
      return (
        <section>
          <h2>{s.heading}</h2>
          <Items items={s.notes} verslag={v} />
          <table className="bp-verslag__table">
            <thead>
              <tr>
                <th>{L.nummer}</th>
                <th>{L.verzoek}</th>
                <th>{L.regeling}</th>
                <th>{L.adressaat}</th>
                <th>{L.status}</th>
              </tr>
            </thead>
            <tbody>
              {s.verzoeken.map((r) => (
                <tr key={r.item.id} data-sticky={r.item.id}>
                  <td>{r.nummer}</td>
                  <td>
                    <Text text={r.item.text} />
                    {r.gevraagdeRuimte && (
                      <div>
                        <em>{L.gevraagdeRuimte}:</em> {r.gevraagdeRuimte}
                      </div>
                    )}
                    {r.indiener && (
                      <div>
                        <em>{L.indiener}:</em> {r.indiener}
                      </div>
                    )}
                    {r.conclusies.length > 0 && (
                      <div className="bp-verslag__trace">
                        <em>{L.followsFrom}:</em>
                        <ul>
                          {r.conclusies.map((c) => (
                            <li key={c.conclusie.id}>
                              <Ref r={c.conclusie} verslag={v} />
                              {c.factoren.length > 0 && (
                                <ul>
                                  {c.factoren.map((f) => (
                                    <li key={f.id}>
                                      <Ref r={f} verslag={v} />
                                    </li>
                                  ))}
                                </ul>
                              )}
                            </li>
                          ))}
                        </ul>
                      </div>
                    )}
                    {r.restsOn.length > 0 && (
                      <div className="bp-verslag__trace">
                        <em>{L.restsOn}:</em>
                        <ul>
                          {r.restsOn.map((f) => (
                            <li key={f.id}>
                              <Ref r={f} verslag={v} />
                            </li>
                          ))}
                        </ul>
                      </div>
                    )}
                  </td>
                  <td>{r.regeling ?? ''}</td>
                  <td>{r.adressaat ?? ''}</td>
                  <td>{L.statusLabel[r.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {s.notesAfter && <Items items={s.notesAfter} verslag={v} />}
        </section>
      )
    case 'afspraken':
      return (
        <section>
          <h2>{s.heading}</h2>
          <Items items={s.notes} verslag={v} />
          <table className="bp-verslag__table">
            <thead>
              <tr>
                <th>{L.afspraak}</th>
                <th>{L.wie}</th>
                <th>{L.wanneer}</th>
                <th>{L.waar}</th>
              </tr>
            </thead>
            <tbody>
              {s.afspraken.map((a) => (
                <tr key={a.item.id} data-sticky={a.item.id}>
                  <td>
                    <Text text={markedText(a.item)} />
                  </td>
                  <td>{a.wie ?? ''}</td>
                  <td>{wanneerText(a, v.language)}</td>
                  <td>{a.waar ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {s.notesAfter && <Items items={s.notesAfter} verslag={v} />}
        </section>
      )
  }
}
