/**
 * A deliberately small reader of the verslag's Markdown, independent of the
 * import code: "## " sections, "- " bullets with their nesting depth (two
 * spaces a level) and continuation lines, and paragraphs. Trace and detail
 * lines ("_Rust op:_ …", "_Wanneer:_ …") are left out of a bullet's text.
 */
export interface MdBullet {
  text: string
  depth: number
  parent: MdBullet | null
  section: string
}

export interface MdOutline {
  sections: string[]
  bullets: MdBullet[]
  paragraphs: { text: string; section: string | null }[]
}

export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([\\`*_[\]<>#+\-.)|!])/g, '$1')
}

export function readMarkdownOutline(md: string): MdOutline {
  const outline: MdOutline = { sections: [], bullets: [], paragraphs: [] }
  let section: string | null = null
  let stack: MdBullet[] = []
  let last: MdBullet | null = null
  let paragraph: string[] = []
  const flush = () => {
    if (paragraph.length > 0) outline.paragraphs.push({ text: unescapeMarkdown(paragraph.join('\n')), section })
    paragraph = []
  }
  for (const line of md.split('\n')) {
    const heading = /^(#{1,3}) (.*)$/.exec(line)
    if (heading) {
      flush()
      if (heading[1] === '##') {
        section = unescapeMarkdown(heading[2]!)
        outline.sections.push(section)
      }
      last = null
      stack = []
      continue
    }
    const bullet = /^( *)- (.*)$/.exec(line)
    if (bullet && section !== null) {
      flush()
      const depth = bullet[1]!.length / 2
      stack = stack.slice(0, depth)
      const b: MdBullet = { text: unescapeMarkdown(bullet[2]!.replace(/ _\(\d+ stem(men)?\)_$/, '')), depth, parent: stack[depth - 1] ?? null, section }
      outline.bullets.push(b)
      stack[depth] = b
      last = b
      continue
    }
    if (line.trim() === '') {
      flush()
      continue
    }
    if (last && /^ +/.test(line)) {
      if (!/^ *_[^_]+:_/.test(line)) last.text += `\n${unescapeMarkdown(line.trim())}`
      continue
    }
    last = null
    paragraph.push(line)
  }
  flush()
  return outline
}
