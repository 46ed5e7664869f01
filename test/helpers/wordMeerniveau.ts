/**
 * The corpus text "word-meerniveau-nummering" as Word writes it: Heading
 * styles numbered by Word itself ("1.", "2.1"), a list numbered "1)" with
 * lettered and roman sub-levels, a bullet list with Word's own bullets, a
 * list that starts at 3, and a numbered afspraken list — all through
 * numbering.xml and w:numPr (no number typed as text). Made with the docx
 * library so that the file is what Word itself would store.
 */
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph } from 'docx'

const indent = (level: number) => ({ paragraph: { indent: { left: 360 * (level + 1), hanging: 360 } } })

export async function wordMeerniveauDocx(): Promise<Buffer> {
  const item = (text: string, reference: string, level = 0) => new Paragraph({ text, numbering: { reference, level } })
  const kop = (text: string, level: 0 | 1) =>
    new Paragraph({ text, heading: level === 0 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, numbering: { reference: 'koppen', level } })
  const doc = new Document({
    creator: 'Word',
    numbering: {
      config: [
        {
          reference: 'koppen',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.DECIMAL, text: '%1.%2', alignment: AlignmentType.LEFT },
          ],
        },
        {
          reference: 'doelen',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1)', alignment: AlignmentType.LEFT, style: indent(0) },
            { level: 1, format: LevelFormat.LOWER_LETTER, text: '%2.', alignment: AlignmentType.LEFT, style: indent(1) },
            { level: 2, format: LevelFormat.LOWER_ROMAN, text: '%3.', alignment: AlignmentType.LEFT, style: indent(2) },
          ],
        },
        {
          reference: 'bullets',
          levels: [
            { level: 0, format: LevelFormat.BULLET, text: '\u2022', alignment: AlignmentType.LEFT, style: indent(0) },
            { level: 1, format: LevelFormat.BULLET, text: '\u25E6', alignment: AlignmentType.LEFT, style: indent(1) },
          ],
        },
        { reference: 'open', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', start: 3, alignment: AlignmentType.LEFT, style: indent(0) }] },
        { reference: 'afspraken', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: indent(0) }] },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Verslag stuurgroep Zorg op de Juiste Plek regio Oost', heading: HeadingLevel.TITLE }),
          new Paragraph('De stuurgroep kwam op 20 februari 2025 bijeen in Deventer. Voorzitter was de bestuurder van Zorgkantoor Oost.'),
          kop('Inleiding', 0),
          new Paragraph('De stuurgroep bespreekt twee keer per jaar de voortgang van de regionale plannen.'),
          kop('Stand van zaken', 0),
          kop('Wijkverpleging', 1),
          new Paragraph('De regio heeft drie doelen gesteld:'),
          item('Minder verantwoording', 'doelen', 0),
          item('één formulier voor alle zorgverzekeraars', 'doelen', 1),
          item('geen maandrapportage meer', 'doelen', 1),
          item('behalve bij intensieve zorg', 'doelen', 2),
          item('Meer inzet van de wijkverpleegkundige bij ontslag uit het ziekenhuis', 'doelen', 0),
          kop('Huisartsenzorg', 1),
          new Paragraph('De huisartsen noemen vooral de telefonische bereikbaarheid.'),
          item('praktijkondersteuners ouderenzorg in elke gemeente', 'bullets', 0),
          item('een vast aanspreekpunt bij de wijkverpleging', 'bullets', 1),
          new Paragraph('Van de lijst van vorig jaar staan de punten 3 en 4 nog open:'),
          item('Afspraken over de avond- en nachtzorg', 'open'),
          item('Gegevensuitwisseling met de huisartsenpost', 'open'),
          kop('Afspraken', 0),
          item('Zorgkantoor Oost schrijft een voorstel voor het formulier voor 1 mei 2025.', 'afspraken'),
          item('De huisartsen organiseren een bijeenkomst met de wijkverpleging in juni.', 'afspraken'),
        ],
      },
    ],
  })
  return Packer.toBuffer(doc)
}
