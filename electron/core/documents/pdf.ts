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

/*
 * The fonts are registered under their PostScript names: pdfkit caches a
 * loaded font under that name, and a registered name that differs from it
 * misses the cache, so every doc.font() call would read and parse the TTF
 * file again (thousands of times in a long document).
 */
export const REGULAR = 'DejaVuSans';
export const BOLD = 'DejaVuSans-Bold';
/** For hashes: every character the same width, 0 and O told apart. */
export const MONO = 'DejaVuSansMono';
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
export function fontFile(name: 'DejaVuSans.ttf' | 'DejaVuSans-Bold.ttf' | 'DejaVuSansMono.ttf'): string {
  fontFolder ??= path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return path.join(fontFolder, name);
}

export interface DocumentSetup {
  /** The PDF's title (document info and XMP dc:title). */
  title: string;
  language: DocumentLanguage;
  /** The generation time: the only moment written into the file. */
  createdAt: Date;
  /** The document number, written as XMP dc:identifier so a check can read which document a file claims to be. */
  identifier?: string;
  /** What the document is about (document info Subject, XMP dc:description). */
  subject?: string;
}

const pdfDate = (at: Date) => `${at.toISOString().split('.')[0]}Z`;

/** Text as XML element content or attribute value: the metadata is parsed by PDF/A validators and archives. */
export function xmlEscape(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

interface DocumentInfo {
  Title?: string;
  Author?: string;
  Subject?: string;
  Keywords?: string;
  Creator?: string;
  Producer?: string;
  CreationDate: Date;
  ModDate?: Date;
}

/**
 * The XMP packet pdfkit writes at the end (its own MetadataMixin._addInfo
 * copies the document info in unescaped, so a title with "&" or "<" made the
 * metadata ill-formed). Every entry of the document info has its XMP
 * equivalent, as PDF/A asks; the document number is added as dc:identifier,
 * uncompressed like the rest of the packet.
 */
function metadataXml(info: DocumentInfo, identifier: string | undefined): string {
  const dc: string[] = [];
  if (info.Title) dc.push(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xmlEscape(info.Title)}</rdf:li></rdf:Alt></dc:title>`);
  if (info.Author) dc.push(`<dc:creator><rdf:Seq><rdf:li>${xmlEscape(info.Author)}</rdf:li></rdf:Seq></dc:creator>`);
  if (info.Subject) dc.push(`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xmlEscape(info.Subject)}</rdf:li></rdf:Alt></dc:description>`);
  if (identifier) dc.push(`<dc:identifier>${xmlEscape(identifier)}</dc:identifier>`);
  const modified = info.ModDate ?? info.CreationDate;
  return [
    `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">`,
    `<xmp:CreateDate>${pdfDate(info.CreationDate)}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${pdfDate(modified)}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${pdfDate(modified)}</xmp:MetadataDate>`,
    info.Creator ? `<xmp:CreatorTool>${xmlEscape(info.Creator)}</xmp:CreatorTool>` : '',
    `</rdf:Description>`,
    dc.length > 0 ? `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">${dc.join('')}</rdf:Description>` : '',
    `<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">`,
    info.Producer ? `<pdf:Producer>${xmlEscape(info.Producer)}</pdf:Producer>` : '',
    info.Keywords ? `<pdf:Keywords>${xmlEscape(info.Keywords)}</pdf:Keywords>` : '',
    `</rdf:Description>`,
  ]
    .filter(Boolean)
    .join('\n');
}

export function openDocument(setup: DocumentSetup): Pdf {
  const info: DocumentInfo = {
    Title: setup.title,
    Creator: 'Barnahus Desk',
    Producer: 'Barnahus Desk',
    // A fixed CreationDate also fixes the file /ID, which pdfkit derives from the document info.
    CreationDate: setup.createdAt,
    ModDate: setup.createdAt,
  };
  if (setup.subject) info.Subject = setup.subject;
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
    info: { ...info },
  });
  // pdfkit calls this once, when the document ends, to write the XMP packet; ours escapes what it copies in.
  (doc as unknown as { _addInfo: () => void })._addInfo = () => doc.appendXML(metadataXml(info, setup.identifier));
  doc.registerFont(REGULAR, fontFile('DejaVuSans.ttf'));
  doc.registerFont(BOLD, fontFile('DejaVuSans-Bold.ttf'));
  doc.registerFont(MONO, fontFile('DejaVuSansMono.ttf'));
  doc.font(REGULAR).fontSize(BODY_SIZE).fillColor('black');
  return doc;
}

export function contentWidth(doc: Pdf): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function bottomOf(doc: Pdf): number {
  return doc.page.height - doc.page.margins.bottom;
}

/**
 * The height `text` takes in `width` with the current font: one line when it
 * fits on one (measured without wrapping, which is most labels and cells),
 * otherwise what pdfkit's line wrapper makes of it.
 */
export function heightOf(doc: Pdf, text: string, width: number): number {
  // A hair of slack: the wrapper rounds word widths, and a string this close to the edge is measured properly.
  if (!text.includes('\n') && doc.widthOfString(text) <= width - 0.5) return doc.currentLineHeight(true);
  return doc.heightOfString(text, { width });
}

/** The most a page holds between its margins, less a little: what "keep together" can ask for. */
export function pageRoom(doc: Pdf): number {
  return bottomOf(doc) - doc.page.margins.top - 40;
}

/** Starts a new page unless `height` still fits on this one: a heading stays with what follows it. */
export function keepTogether(doc: Pdf, height: number): void {
  // At the top of a page already, a new page would only leave this one blank.
  if (doc.y + height > bottomOf(doc) && doc.y > doc.page.margins.top + 1) doc.addPage();
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

const CELL_PAD = 3;
const WIDE_COLUMN = 100;

/** The widest single word of `texts` in the current font: narrower than that, a column breaks words apart. */
function widestWord(doc: Pdf, texts: readonly string[]): number {
  let widest = 0;
  for (const text of texts) for (const word of text.split(/\s+/)) if (word !== '') widest = Math.max(widest, doc.widthOfString(word));
  return widest;
}

/**
 * Each column's share of the line, but never narrower than its longest word
 * (a header such as "Пристигане" split in two reads as a mistake): the room
 * a narrow column needs is taken from the others in proportion.
 */
function columnWidths(doc: Pdf, columns: readonly Column[], rows: readonly (readonly string[])[], fontSize: number): number[] {
  const line = contentWidth(doc);
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * line);
  const least = columns.map((c, i) => {
    doc.font(BOLD).fontSize(fontSize);
    const header = widestWord(doc, [c.header]);
    // Only a narrow column can be narrower than a word of its cells (a time, "Неявяване"); measuring every word of the wide ones costs more than it finds.
    if (widths[i]! >= WIDE_COLUMN) return header + 2 * CELL_PAD + 1;
    doc.font(REGULAR);
    return Math.max(header, widestWord(doc, rows.map((row) => row[i] ?? ''))) + 2 * CELL_PAD + 1;
  });
  if (least.reduce((sum, w) => sum + w, 0) > line) return widths;
  for (let round = 0; round < columns.length; round++) {
    const short = widths.map((w, i) => w < least[i]!);
    if (!short.includes(true)) break;
    const fixed = widths.reduce((sum, _, i) => sum + (short[i] ? least[i]! : 0), 0);
    const free = widths.reduce((sum, w, i) => sum + (short[i] ? 0 : w), 0);
    const scale = (line - fixed) / free;
    widths.forEach((w, i) => (widths[i] = short[i] ? least[i]! : w * scale));
  }
  return widths;
}

function rowHeight(doc: Pdf, widths: readonly number[], cells: readonly string[], font: string, fontSize: number): number {
  doc.font(font).fontSize(fontSize);
  return Math.max(...cells.map((cell, i) => heightOf(doc, cell === '' ? ' ' : cell, widths[i]! - 2 * CELL_PAD))) + 2 * CELL_PAD;
}

/** A table measured once: its column widths and every row's height. */
export interface PreparedTable {
  headers: readonly string[];
  rows: readonly (readonly string[])[];
  fontSize: number;
  muted: ReadonlySet<number>;
  widths: readonly number[];
  headerHeight: number;
  heights: readonly number[];
  /** The room the table needs to start: header and first row (a heading above keeps at least that much below it). */
  lead: number;
}

export function prepareTable(
  doc: Pdf,
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  fontSize = BODY_SIZE - 1,
  muted: ReadonlySet<number> = new Set(),
): PreparedTable {
  const widths = columnWidths(doc, columns, rows, fontSize);
  const headers = columns.map((c) => c.header);
  const headerHeight = rowHeight(doc, widths, headers, BOLD, fontSize);
  const heights = rows.map((row) => rowHeight(doc, widths, row, REGULAR, fontSize));
  doc.font(REGULAR).fontSize(BODY_SIZE);
  return { headers, rows, fontSize, muted, widths, headerHeight, heights, lead: headerHeight + (heights[0] ?? 0) };
}

/**
 * A ruled table across the text width. A row never splits: one that does not
 * fit starts a new page, which repeats the header. A cell taller than a page
 * is cut with an ellipsis. Rows listed in `muted` print grey (someone who was
 * invited and did not come, say).
 */
export function drawTable(doc: Pdf, prepared: PreparedTable): void {
  const { headers, rows, fontSize, muted, widths, headerHeight, heights } = prepared;
  const pad = CELL_PAD;
  const left = doc.page.margins.left;
  const tallest = pageRoom(doc);
  let y = doc.y;

  const draw = (cells: readonly string[], natural: number, header: boolean, grey: boolean) => {
    const height = Math.min(natural, tallest);
    if (y + height > bottomOf(doc)) {
      doc.addPage();
      y = doc.page.margins.top;
      if (!header) draw(headers, headerHeight, true, false);
    }
    doc.lineWidth(0.5);
    let x = left;
    for (const width of widths) {
      if (header) doc.rect(x, y, width, height).fillAndStroke(SHADE, RULE);
      else doc.rect(x, y, width, height).stroke(RULE);
      x += width;
    }
    doc
      .fillColor(grey ? MUTED : 'black')
      .font(header ? BOLD : REGULAR)
      .fontSize(fontSize);
    // Only a row cut to the page needs the wrapper to stop early; the rest print as measured.
    const cut = natural > tallest ? { height: height - 2 * pad, ellipsis: true } : {};
    x = left;
    cells.forEach((cell, i) => {
      doc.text(cell, x + pad, y + pad, { width: widths[i]! - 2 * pad, ...cut });
      x += widths[i]!;
    });
    y += height;
  };

  // The header never ends a page alone.
  if (rows.length > 0 && y + prepared.lead > bottomOf(doc)) {
    doc.addPage();
    y = doc.page.margins.top;
  }
  draw(headers, headerHeight, true, false);
  rows.forEach((row, index) => draw(row, heights[index]!, false, muted.has(index)));
  doc.font(REGULAR).fontSize(BODY_SIZE).fillColor('black');
  doc.x = left;
  doc.y = y + fontSize * 0.8;
}

export function table(
  doc: Pdf,
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  fontSize = BODY_SIZE - 1,
  muted: ReadonlySet<number> = new Set(),
): void {
  drawTable(doc, prepareTable(doc, columns, rows, fontSize, muted));
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
