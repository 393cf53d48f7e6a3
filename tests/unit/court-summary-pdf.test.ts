import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CourtSummaryData } from '../../electron/core/documents/court-summary-data';
import { courtSummaryLabels } from '../../electron/core/documents/court-summary-labels';
import { courtSummaryPdf } from '../../electron/core/documents/court-summary-pdf';
import { claimedDocumentNumber } from '../../shared/documents/profiles';
import { SAMPLE_GENERATED_AT, courtSummarySample, sampleFor, sampleSha } from '../support/court-summary-sample';
import { tempDir } from '../support/temp';

const SHOTS = '/tmp/court-summary-shots';

function saved(bytes: Buffer, name: string): string {
  const file = path.join(tempDir(), name);
  writeFileSync(file, bytes);
  return file;
}

const rawText = (file: string, page?: number) =>
  execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), file, '-'], { encoding: 'utf8' });
/** The text as pdftotext reads it, every run of white space one space (table cells and labels wrap). */
const text = (file: string, page?: number) => rawText(file, page).replace(/\s+/g, ' ');
/** Line by line as laid out, so a label reads next to its value (pdftotext otherwise reads the label column first). */
const layoutText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');

/** The XMP packet: pdfkit writes it as an uncompressed stream, so it is readable in the raw bytes. */
function xmpOf(bytes: Buffer): string {
  const raw = bytes.toString('latin1');
  const start = raw.indexOf('<?xpacket begin');
  const end = raw.indexOf('<?xpacket end="w"?>');
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  return Buffer.from(raw.slice(start, end + '<?xpacket end="w"?>'.length), 'latin1').toString('utf8');
}

/**
 * A strict enough XML well-formedness check for the packet (no XML parser
 * is a dependency): tags nest and close, text and attribute values carry no
 * raw '<', and every '&' starts a known entity.
 */
function wellFormed(xml: string): string | null {
  const stack: string[] = [];
  const badAmpersand = /&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
  const token = /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<\/([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|([^<]+)|(<)/g;
  for (const m of xml.matchAll(token)) {
    const [whole, closing, opening, attributes, selfClosing, content, stray] = m;
    if (stray) return `a raw '<' at ${m.index}: ${xml.slice(m.index, m.index + 40)}`;
    if (content !== undefined && badAmpersand.test(content)) return `a raw '&' in text: ${content.trim().slice(0, 40)}`;
    if (attributes && badAmpersand.test(attributes)) return `a raw '&' in an attribute: ${attributes}`;
    if (opening && !selfClosing) stack.push(opening);
    if (closing && stack.pop() !== closing) return `</${closing}> closes nothing open: ${whole}`;
  }
  return stack.length === 0 ? null : `left open: ${stack.join(', ')}`;
}

function fontsOf(file: string): string[][] {
  return execFileSync('pdffonts', [file], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => line.split(/\s+/));
}

function pagesOf(file: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
}

describe('court-ready case summary PDF', () => {
  it('gives back Romanian and Bulgarian names, the hash whole, and on every page its number, the case and "page X of Y"', () => {
    const data = courtSummarySample();
    const pdf = courtSummaryPdf(data);
    expect(pdf.bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    const file = saved(pdf.bytes, 'summary-ro.pdf');
    expect(pagesOf(file)).toBe(pdf.pages);
    const words = text(file);
    for (const expected of [
      'Barnahus Iași',
      'Rezumatul cazului pentru instanță',
      'Profil de anonimizare: Instanță',
      'Omite numele copilului și ale familiei (doar inițiale)',
      'DOC-2026-00017',
      'BH-2026-0042',
      'IPJ-IS 5521/2026',
      'DGASPC 778/2026',
      '24.11.2026, 17:30 (Europe/Bucharest)',
      'Ana Rusu, Coordonatoare de caz',
      'Judecătoria Iași, Secția penală',
      // The child by initials and birth year under the court profile.
      'A.-M. C.',
      'Interviul 1 din 2 — 12.03.2026',
      '12.03.2026, 10:00 – 11:30',
      '12.03.2026, 10:05 – 11:22',
      '10:40–10:50',
      'Ștefan Țăranu',
      'Иван Петров (bulgară)',
      'Av. Георги Димитров',
      'absent (invitat)',
      'Radu Lungu (neinvitat)',
      'Protocolul NICHD revizuit',
      'valabilă până la 30.06.2027',
      '4,2 GB (4.213.876.513 octeți)',
      '1 h 02 min 16 s',
      'Lanțul de custodie',
      'Copiată',
      'Dezvăluire nouă',
      'Procuror Elena Dumitrescu, la 06.04.2026, 14:00',
      'Copilul era bolnav (gripă).',
      'Examinare medico-legală',
      'Terapie centrată pe traumă',
      'Omis în acest profil de anonimizare.',
      'Coordonatorul cazului',
      'Semnătura',
    ]) {
      expect(words).toContain(expected);
    }
    expect(words).not.toContain('Ana-Maria Călinescu');
    expect(words).not.toContain('Consimțăminte');
    const layout = layoutText(file);
    for (const pair of ['Nume A.-M. C.', 'Născut(ă) 2016\n', 'Vârsta la interviul 1 din 2 9 ani (12.03.2026)', 'Persoană de sprijin I. M.', 'Dosarul instanței —'])
      expect(layout).toContain(pair);

    // Each hash on a line of its own, all 64 characters together.
    const lines = rawText(file).split('\n').map((line) => line.trim());
    for (const sha of [sampleSha(11), sampleSha(12), sampleSha(21)]) expect(lines).toContain(sha);

    for (let page = 1; page <= pdf.pages; page++) {
      const onPage = text(file, page);
      expect(onPage).toContain(`Pagina ${page} din ${pdf.pages} · DOC-2026-00017 · BH-2026-0042`);
    }

    // Every font embedded (as a subset): what is on screen is what prints, on any computer.
    const fonts = fontsOf(file);
    expect(fonts.map((f) => f[0]!.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['DejaVuSans', 'DejaVuSans-Bold', 'DejaVuSansMono']);
    for (const f of fonts) expect(f.slice(-5, -2)).toEqual(['yes', 'yes', 'yes']);

    expect(claimedDocumentNumber(pdf.bytes)).toBe('DOC-2026-00017');

    mkdirSync(SHOTS, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', file, path.join(SHOTS, 'summary-ro')]);
  });

  it('is the same bytes for the same data and moment, and differs when the moment changes', () => {
    const first = courtSummaryPdf(courtSummarySample());
    const second = courtSummaryPdf(courtSummarySample());
    expect(second.sha256).toBe(first.sha256);
    expect(second.bytes.equals(first.bytes)).toBe(true);
    expect(second.pages).toBe(first.pages);
    const later = courtSummaryPdf(courtSummarySample({ generatedAt: new Date(SAMPLE_GENERATED_AT.getTime() + 1000) }));
    expect(later.sha256).not.toBe(first.sha256);
  });

  it('does not depend on the zone of the computer that makes it', () => {
    const here = courtSummaryPdf(courtSummarySample({ profile: 'internal' }));
    const zone = process.env.TZ;
    try {
      // Fourteen hours ahead of UTC: a calendar date read as midnight there would fall on another day.
      process.env.TZ = 'Pacific/Kiritimati';
      expect(courtSummaryPdf(courtSummarySample({ profile: 'internal' })).sha256).toBe(here.sha256);
      process.env.TZ = 'America/Los_Angeles';
      expect(courtSummaryPdf(courtSummarySample({ profile: 'internal' })).sha256).toBe(here.sha256);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('writes well-formed XMP metadata whatever the recipient and purpose say, carrying the document number', () => {
    const data = courtSummarySample({
      language: 'en',
      recipient: 'Court <Criminal> & "Family" Division \'B\'',
      purpose: 'Case 12/2026 <urgent> & sealed: "not for the press" > all else',
    });
    const pdf = courtSummaryPdf(data);
    const xmp = xmpOf(pdf.bytes);
    expect(wellFormed(xmp)).toBeNull();
    expect(xmp).toContain('<dc:identifier>DOC-2026-00017</dc:identifier>');
    expect(xmp).toContain('Court &lt;Criminal&gt; &amp; &quot;Family&quot; Division &apos;B&apos;');
    expect(xmp).toContain('&lt;urgent&gt; &amp; sealed: &quot;not for the press&quot; &gt; all else');
    expect(xmp).not.toContain('<Criminal>');
    expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(xmp).toContain('<xmp:CreateDate>2026-11-24T15:30:00Z</xmp:CreateDate>');
    expect(xmp).toContain('<xmp:ModifyDate>2026-11-24T15:30:00Z</xmp:ModifyDate>');
    expect(xmp).toContain('<xmp:MetadataDate>2026-11-24T15:30:00Z</xmp:MetadataDate>');
    expect(claimedDocumentNumber(pdf.bytes)).toBe('DOC-2026-00017');
    // The check itself catches what pdfkit used to write.
    expect(wellFormed('<a><b>Court <Criminal> & co</b></a>')).not.toBeNull();

    // The document info says the same as the XMP (PDF/A), and the recipient prints as given.
    const file = saved(pdf.bytes, 'summary-xmp.pdf');
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toContain('Title:           Court-ready case summary BH-2026-0042');
    expect(info).toContain('Subject:         Court <Criminal> & "Family" Division \'B\'');
    expect(text(file)).toContain('Court <Criminal> & "Family" Division \'B\'');
  });

  it('says the follow-up is withheld without the information-sharing consent', () => {
    const withheld = courtSummarySample({
      language: 'en',
      followUp: { withheld: 'no_sharing_consent', medical: null, therapy: null, referrals: null, meetings: null },
    });
    const words = text(saved(courtSummaryPdf(withheld).bytes, 'summary-withheld.pdf'));
    expect(words).toContain(courtSummaryLabels.en.withheld);
    expect(words).not.toContain('Medical examinations');
  });

  it('speaks English and Bulgarian, and prints each profile by name', () => {
    const en = courtSummaryPdf(sampleFor('mdt', { language: 'en' }));
    const enFile = saved(en.bytes, 'summary-en.pdf');
    const enWords = text(enFile);
    for (const expected of [
      'Court-ready case summary',
      'Redaction profile: Multidisciplinary team',
      'Ana-Maria Călinescu',
      '24 Nov 2026, 17:30 (Europe/Bucharest)',
      'Interview 2 of 2',
      'absent (invited)',
      '4.2 GB (4,213,876,513 bytes)',
      '4 custody entries (not listed under this profile).',
      'Referrals to outside services',
      'Case review meetings',
      `Page ${en.pages} of ${en.pages} · DOC-2026-00017 · BH-2026-0042`,
    ])
      expect(enWords).toContain(expected);

    const bg = courtSummaryPdf(sampleFor('internal', { language: 'bg' }));
    const bgFile = saved(bg.bytes, 'summary-bg.pdf');
    const bgWords = text(bgFile);
    for (const expected of [
      'Обобщение на случая за съда',
      'Профил на заличаване: Вътрешен (досие на центъра)',
      'Ana-Maria Călinescu',
      'Иван Петров',
      'Ștefan Țăranu',
      'Ioana Mureșan',
      'отсъства (поканен)',
      '4,2 GB (4 213 876 513 байта)',
      'Съгласия',
      'Обмен на информация между институциите',
      'Координатор на случая',
    ])
      expect(bgWords).toContain(expected);
    expect(layoutText(bgFile)).toContain('Роден(а) 14.07.2016');
    for (let page = 1; page <= bg.pages; page++) expect(text(bgFile, page)).toContain(`Страница ${page} от ${bg.pages} · DOC-2026-00017 · BH-2026-0042`);
    expect(claimedDocumentNumber(bg.bytes)).toBe('DOC-2026-00017');

    mkdirSync(SHOTS, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', bgFile, path.join(SHOTS, 'summary-bg')]);
  });

  it('keeps every label of the three languages filled in', () => {
    const keys = (data: CourtSummaryData) => Object.keys(courtSummaryLabels[data.language]).sort();
    expect(keys(courtSummarySample({ language: 'ro' }))).toEqual(keys(courtSummarySample({ language: 'en' })));
    for (const language of ['ro', 'bg'] as const) {
      const labels = courtSummaryLabels[language];
      expect(labels.title).not.toBe(courtSummaryLabels.en.title);
      expect(labels.withheld).not.toBe(courtSummaryLabels.en.withheld);
      expect(labels.profiles.court).not.toBe(courtSummaryLabels.en.profiles.court);
    }
  });
});
