import { readFileSync } from 'node:fs'
import { buildVerslag } from './server/verslag/buildVerslag'
import { importVerslag } from './server/verslag/import/importVerslag'
import { parseVerslagText } from './server/verslag/import/parseVerslagText'
import { parseVerslagDocx } from './server/verslag/import/parseVerslagDocx'
import { renderMarkdown } from './server/verslag/render/renderMarkdown'
const f = process.argv[2]!
const parsed = f.endsWith('.docx') ? await parseVerslagDocx(readFileSync(f)) : parseVerslagText(readFileSync(f, 'utf8'))
if (process.argv[3]) console.log(JSON.stringify(parsed, null, 1))
console.log(renderMarkdown(buildVerslag(importVerslag(parsed).doc)))
