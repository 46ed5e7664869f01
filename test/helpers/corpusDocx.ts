/**
 * Corpus .docx files made at test time with the docx library, as Word
 * writes them (numbering.xml, w:numPr): keyed by their manifest name. Other
 * corpus .docx files are committed (made by LibreOffice from their .txt).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { wordMeerniveauDocx } from './wordMeerniveau'
import { wordNummeringDocx } from './wordNummering'

const GENERATED: Readonly<Record<string, () => Promise<Buffer>>> = {
  'word-nummering.docx': wordNummeringDocx,
  'word-meerniveau-nummering.docx': wordMeerniveauDocx,
}

export const CORPUS_DIR = path.join(import.meta.dirname, '..', 'fixtures', 'corpus')

export async function corpusDocx(file: string): Promise<Buffer> {
  const make = GENERATED[file]
  return make ? make() : readFileSync(path.join(CORPUS_DIR, file))
}
