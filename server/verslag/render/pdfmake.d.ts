/**
 * The part of pdfmake 0.3 (server build) that renderPdf uses. pdfmake ships
 * no types of its own for 0.3; the document definition is typed in
 * renderPdf.ts as plain data.
 */
declare module 'pdfmake' {
  interface OutputDocument {
    getBuffer(): Promise<Buffer>
  }
  interface PdfMake {
    setFonts(fonts: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>): void
    setUrlAccessPolicy(callback: (url: string) => boolean): void
    setLocalAccessPolicy(callback: (path: string) => boolean): void
    createPdf(definition: object, options?: object): OutputDocument
  }
  const pdfmake: PdfMake
  export default pdfmake
}
