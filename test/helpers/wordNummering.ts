/**
 * The corpus text "word-nummering" as Word writes it: real Heading styles
 * and Word's own multi-level numbering (1., a.), made with the docx library
 * so that the file is what Word itself would store.
 */
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph } from 'docx'

export async function wordNummeringDocx(): Promise<Buffer> {
  const item = (text: string, level: number, reference = 'punten') => new Paragraph({ text, numbering: { reference, level } })
  const levels = [
    { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 360, hanging: 360 } } } },
    { level: 1, format: LevelFormat.LOWER_LETTER, text: '%2.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 720, hanging: 360 } } } },
  ]
  const doc = new Document({
    creator: 'Word',
    numbering: { config: [{ reference: 'punten', levels }, { reference: 'besluiten', levels }] },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Verslag werkgroep Indicatiestelling', heading: HeadingLevel.TITLE }),
          new Paragraph('De werkgroep kwam op 9 januari 2025 bijeen in Utrecht.'),
          new Paragraph({ text: 'Besproken punten', heading: HeadingLevel.HEADING_1 }),
          item('Wachttijden bij het CIZ', 0),
          item('in de regio Noord', 1),
          item('in de regio Oost', 1),
          item('Spoedprocedure', 0),
          new Paragraph({ text: 'Besluiten', heading: HeadingLevel.HEADING_1 }),
          item('De werkgroep schrijft een voorstel.', 0, 'besluiten'),
          item('Het voorstel gaat naar VWS.', 0, 'besluiten'),
        ],
      },
    ],
  })
  return Packer.toBuffer(doc)
}
