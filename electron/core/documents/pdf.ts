import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';

/**
 * What every document the host prints shares: DejaVu Sans embedded (Romanian
 * diacritics and Cyrillic render and can be copied out), A4, PDF/A-2b
 * metadata, and bytes that depend only on the content and the moment given,
 * so a document made twice from the same record hashes the same.
 */

export type { DocumentLanguage } from '../../../shared/documents/profiles';
import type { DocumentLanguage } from '../../../shared/documents/profiles';
export type Pdf = PDFKit.PDFDocument;

export const REGULAR = 'regular';
export const BOLD = 'bold';
export const BODY_SIZE = 10;
const MARGIN = 56;
const FOOTER_ROOM = 64;
const RULE = '#8a8a8a';
const SHADE = '#ececec';
const MUTED = '#555555';

let fontFolder: string | undefined;

/**
 * The fonts ship in the dejavu-fonts-ttf package, which the host bundle keeps
 * external (a dependency): resolved from this module, it is found under
 * vitest, in out/main and inside the packaged app alike.
 */
function fontFile(name: 'DejaVuSans.ttf' | 'DejaVuSans-Bold.ttf'): string {
  fontFolder ??= path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return path.join(fontFolder, name);
}

export interface DocumentSetup {
  /** Also the PDF's title: kept to plain words, as pdfkit writes it into the XMP metadata unescaped. */
  title: string;
  language: DocumentLanguage;
  /** The generation time: the only moment written into the file. */
  createdAt: Date;
}

const pdfDate = (at: Date) => `${at.toISOString().split('.')[0]}Z`;

export function openDocument(setup: DocumentSetup): Pdf {
  const title = setup.title.replace(/[<>&"]/g, '');
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: FOOTER_ROOM },
    bufferPages: true,
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    lang: setup.language,
    displayTitle: true,
    // The default font is loaded at once: naming ours keeps the standard (unembeddable) Helvetica out.
    font: fontFile('DejaVuSans.ttf'),
    // A fixed CreationDate also fixes the file /ID, which pdfkit derives from the document info.
    info: { Title: title, Creator: 'Barnahus Desk', Producer: 'Barnahus Desk', CreationDate: setup.createdAt, ModDate: setup.createdAt },
  });
  doc.registerFont(REGULAR, fontFile('DejaVuSans.ttf'));
  doc.registerFont(BOLD, fontFile('DejaVuSans-Bold.ttf'));
  // PDF/A wants every date of the document info in the XMP metadata too; pdfkit writes only the creation date.
  doc.appendXML(`
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <xmp:ModifyDate>${pdfDate(setup.createdAt)}</xmp:ModifyDate>
            <xmp:MetadataDate>${pdfDate(setup.createdAt)}</xmp:MetadataDate>
        </rdf:Description>
        `);
  doc.font(REGULAR).fontSize(BODY_SIZE).fillColor('black');
  return doc;
}

export function contentWidth(doc: Pdf): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function bottomOf(doc: Pdf): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page unless `height` still fits on this one: a heading stays with what follows it. */
export function keepTogether(doc: Pdf, height: number): void {
  if (doc.y + height > bottomOf(doc)) doc.addPage();
}

export function heading(doc: Pdf, text: string, size = 13): void {
  keepTogether(doc, size * 5);
  doc.font(BOLD).fontSize(size).fillColor('black').text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3);
  doc.font(REGULAR).fontSize(BODY_SIZE);
}

/** "Label: value" on one line, wrapping under itself. */
export function labelled(doc: Pdf, label: string, value: string): void {
  doc
    .font(BOLD)
    .fontSize(BODY_SIZE)
    .fillColor('black')
    .text(`${label}: `, doc.page.margins.left, doc.y, { width: contentWidth(doc), continued: true })
    .font(REGULAR)
    .text(value);
}

/** A paragraph of free text; `empty` stands in when there is none. */
export function paragraph(doc: Pdf, text: string, empty = '—'): void {
  const blank = text.trim() === '';
  doc
    .font(REGULAR)
    .fontSize(BODY_SIZE)
    .fillColor(blank ? MUTED : 'black')
    .text(blank ? empty : text.trim(), doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.fillColor('black');
}

export function note(doc: Pdf, text: string): void {
  doc.font(REGULAR).fontSize(BODY_SIZE - 1).fillColor(MUTED).text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.fontSize(BODY_SIZE).fillColor('black');
}

export interface Column {
  header: string;
  /** A share of the line; the shares need not add up to anything. */
  width: number;
}

/**
 * A ruled table across the text width. A row never splits: one that does not
 * fit starts a new page, which repeats the header. A cell taller than a page
 * is cut with an ellipsis.
 */
export function table(doc: Pdf, columns: readonly Column[], rows: readonly (readonly string[])[], fontSize = BODY_SIZE - 1): void {
  const pad = 3;
  const left = doc.page.margins.left;
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * contentWidth(doc));
  let y = doc.y;

  const heightOf = (cells: readonly string[], font: string) => {
    doc.font(font).fontSize(fontSize);
    return Math.max(...cells.map((cell, i) => doc.heightOfString(cell === '' ? ' ' : cell, { width: widths[i]! - 2 * pad }))) + 2 * pad;
  };
  const draw = (cells: readonly string[], header: boolean) => {
    const font = header ? BOLD : REGULAR;
    const height = Math.min(heightOf(cells, font), bottomOf(doc) - doc.page.margins.top - 40);
    if (y + height > bottomOf(doc)) {
      doc.addPage();
      y = doc.page.margins.top;
      if (!header) draw(columns.map((c) => c.header), true);
    }
    let x = left;
    cells.forEach((cell, i) => {
      const width = widths[i]!;
      doc.lineWidth(0.5);
      if (header) doc.rect(x, y, width, height).fillAndStroke(SHADE, RULE);
      else doc.rect(x, y, width, height).stroke(RULE);
      doc
        .fillColor('black')
        .font(font)
        .fontSize(fontSize)
        .text(cell, x + pad, y + pad, { width: width - 2 * pad, height: height - 2 * pad, ellipsis: true });
      x += width;
    });
    y += height;
  };

  const headers = columns.map((c) => c.header);
  // The header never ends a page alone.
  if (rows.length > 0 && y + heightOf(headers, BOLD) + heightOf(rows[0]!, REGULAR) > bottomOf(doc)) {
    doc.addPage();
    y = doc.page.margins.top;
  }
  draw(headers, true);
  for (const row of rows) draw(row, false);
  doc.font(REGULAR).fontSize(BODY_SIZE).fillColor('black');
  doc.x = left;
  doc.y = y + fontSize * 0.8;
}

/** Writes the footer on every page once the content is laid out ("page X of Y" needs Y). */
export function stampFooters(doc: Pdf, footer: (page: number, pages: number) => string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would otherwise start a new page.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(REGULAR)
      .fontSize(8)
      .fillColor(MUTED)
      .text(footer(i - start + 1, count), doc.page.margins.left, doc.page.height - FOOTER_ROOM / 2 - 4, { width: contentWidth(doc), align: 'center', lineBreak: false });
    doc.page.margins.bottom = margin;
  }
  doc.fillColor('black');
}

export interface FinishedPdf {
  bytes: Buffer;
  pages: number;
  sha256: string;
}

/**
 * Ends the document and collects its bytes at once: pdfkit pushes everything
 * synchronously on end() (no images or other async parts are used), so a
 * handler can build it inside its transaction.
 */
export function finishDocument(doc: Pdf): FinishedPdf {
  const pages = doc.bufferedPageRange().count;
  doc.end();
  const chunks: Buffer[] = [];
  for (let chunk = doc.read() as Buffer | null; chunk !== null; chunk = doc.read() as Buffer | null) chunks.push(chunk);
  const bytes = Buffer.concat(chunks);
  if (!bytes.subarray(-16).toString('latin1').includes('%%EOF')) throw new Error('the PDF did not finish synchronously');
  return { bytes, pages, sha256: createHash('sha256').update(bytes).digest('hex') };
}
