// Prints how long a court-ready summary takes to make on this machine: npm run bench:documents [-- --runs N]
// Measured, not asserted: benchmarks inform, tests decide.
//
// A summary of about twenty pages (tests/support/court-summary-sample.ts) is made:
//   summary   courtSummaryPdf: layout, tables, footers, PDF/A metadata, as the host issues it;
//   bare      plain pdfkit writing the very same strings in the same fonts and sizes on A4 pages,
//             one doc.text call each, no layout of our own: the floor any layout sits on.
// The strings are collected by wrapping doc.text while one summary is made.
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import PDFDocument from 'pdfkit';
import { courtSummaryPdf } from '../electron/core/documents/court-summary-pdf';
import { largeCourtSummary } from '../tests/support/court-summary-sample';

function argument(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} takes a positive whole number`);
  return value;
}

interface Written {
  font: string;
  size: number;
  text: string;
}

const fontFolder = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** Every string the summary draws, with its font and size, in drawing order. */
function collectStrings(data: ReturnType<typeof largeCourtSummary>): Written[] {
  const written: Written[] = [];
  const proto = PDFDocument.prototype as unknown as { text: (this: PDFKit.PDFDocument, text: unknown, ...rest: unknown[]) => unknown };
  const original = proto.text;
  proto.text = function (this: PDFKit.PDFDocument, text: unknown, ...rest: unknown[]) {
    const font = (this as unknown as { _font: { name: string } })._font.name;
    written.push({ font, size: (this as unknown as { _fontSize: number })._fontSize, text: String(text) });
    return original.call(this, text, ...rest);
  };
  try {
    courtSummaryPdf(data);
  } finally {
    proto.text = original;
  }
  return written;
}

/** The same strings through pdfkit with nothing of ours around them. */
function bare(strings: readonly Written[]): Buffer {
  const doc = new PDFDocument({ size: 'A4', font: path.join(fontFolder, 'DejaVuSans.ttf') });
  for (const name of new Set(strings.map((s) => s.font))) doc.registerFont(name, path.join(fontFolder, `${name}.ttf`));
  for (const s of strings) doc.font(s.font).fontSize(s.size).text(s.text);
  doc.end();
  const chunks: Buffer[] = [];
  for (let chunk = doc.read() as Buffer | null; chunk !== null; chunk = doc.read() as Buffer | null) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function timeRuns(runs: number, fn: () => unknown): number {
  for (let i = 0; i < 3; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

const runs = argument('runs', 15);
const data = largeCourtSummary({ language: 'bg' });
const summary = courtSummaryPdf(data);
const strings = collectStrings(data);
const characters = strings.reduce((sum, s) => sum + s.text.length, 0);
const bareBytes = bare(strings);

console.log(`Barnahus Desk documents benchmark — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
console.log(`court summary (bg, internal profile): ${summary.pages} pages, ${(summary.bytes.length / 1024).toFixed(0)} KiB`);
console.log(`same text: ${strings.length} strings, ${characters} characters; bare pdfkit makes ${(bareBytes.length / 1024).toFixed(0)} KiB`);
console.log(`median of ${runs} runs after 3 warm-up runs each\n`);

// Interleaved rounds: a slow moment of a shared machine falls on both alike.
const summaryTimes: number[] = [];
const bareTimes: number[] = [];
for (let round = 0; round < 3; round++) {
  summaryTimes.push(timeRuns(runs, () => courtSummaryPdf(data)));
  bareTimes.push(timeRuns(runs, () => bare(strings)));
}
const summaryMs = median(summaryTimes);
const bareMs = median(bareTimes);
console.log(`${'courtSummaryPdf'.padEnd(24)} ${summaryMs.toFixed(1).padStart(8)} ms`);
console.log(`${'bare pdfkit, same text'.padEnd(24)} ${bareMs.toFixed(1).padStart(8)} ms`);
console.log(`${'ratio'.padEnd(24)} ${(summaryMs / bareMs).toFixed(2).padStart(8)}   (the issue asks for < 1.5)`);
