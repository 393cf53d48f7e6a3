import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Meeting } from '../../shared/contract/followup-records';
import { claimedDocumentNumber } from '../../shared/documents/profiles';
import { minutesPdf, type MinutesInput } from '../../electron/core/documents/minutes-pdf';
import { tempDir } from '../support/temp';

const NOW = new Date('2026-11-24T15:30:00.000Z');
const SHOTS = '/tmp/minutes-shots';

const action = (id: number, caseId: number, what: string, ownerName: string, more: Partial<Meeting['actions'][number]> = {}): Meeting['actions'][number] => ({
  id,
  meetingId: 7,
  meetingType: 'initial_signal',
  meetingAt: '2026-11-24T12:00:00.000Z',
  caseId,
  caseReference: caseId === 1 ? 'BH-2026-0001' : 'BH-2026-0002',
  childName: caseId === 1 ? 'Ștefan Țăranu' : 'Иван Петров',
  what,
  ownerId: 5,
  ownerName,
  agency: 'child_protection',
  dueDate: '2026-12-05',
  state: 'open',
  doneAt: null,
  doneBy: null,
  note: '',
  overdue: false,
  version: 0,
  ...more,
});

const meeting: Meeting = {
  id: 7,
  type: 'initial_signal',
  status: 'held',
  startsAt: '2026-11-24T12:00:00.000Z',
  durationMinutes: 90,
  place: 'Sala de ședințe, etajul 2',
  chairId: 2,
  chairName: 'Ana Rusu',
  members: [
    { userId: 2, name: 'Ana Rusu', agency: 'barnahus_staff', present: true },
    { userId: null, name: 'Ioana Mureșan', agency: 'education', present: true },
    { userId: null, name: 'Георги Димитров', agency: 'police', present: false },
  ],
  cases: [
    {
      caseId: 1,
      reference: 'BH-2026-0001',
      childName: 'Ștefan Țăranu',
      agenda: 'Siguranța copilului și planul de intervenție; școala și familia lărgită.',
      decisions: 'Se solicită sprijin psihologic la școală. Mătușa rămâne persoana de sprijin.',
    },
    { caseId: 2, reference: 'BH-2026-0002', childName: 'Иван Петров', agenda: 'Кризисна ситуация в семейството.', decisions: '' },
  ],
  hiddenCases: 1,
  actions: [
    action(1, 1, 'Organizează sprijin la școală (consilier școlar)', 'Maria Ionescu'),
    action(2, 1, 'Informează medicul de familie', 'Ana Rusu', { agency: 'medical', state: 'done', doneAt: '2026-11-25T10:00:00.000Z', doneBy: 'Ana Rusu' }),
    action(3, 2, 'Да се уведоми училището', 'Иван Петров', { agency: 'education', overdue: true }),
  ],
  heldAt: '2026-11-24T14:00:00.000Z',
  cancelReason: null,
  version: 2,
};

const input = (more: Partial<MinutesInput> = {}): MinutesInput => ({
  language: 'ro',
  centreName: 'Barnahus Iași',
  timeZone: 'Europe/Bucharest',
  meeting,
  generatedAt: NOW,
  number: 'DOC-2026-00042',
  ...more,
});

/** Writes the PDF to a temp file for the poppler tools. */
function saved(bytes: Buffer, name: string): string {
  const file = path.join(tempDir(), name);
  writeFileSync(file, bytes);
  return file;
}

/** The text as pdftotext reads it, every run of white space one space (table cells wrap). */
const text = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

describe('meeting minutes PDF', () => {
  it('prints Romanian and Bulgarian names exactly, with the meeting, members, decisions and action items', () => {
    const pdf = minutesPdf(input());
    expect(pdf.pages).toBeGreaterThan(0);
    expect(pdf.bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    const file = saved(pdf.bytes, 'minutes-ro.pdf');
    const words = text(file);
    for (const expected of [
      'Barnahus Iași',
      'Procesul-verbal al întâlnirii de analiză a cazului',
      'Semnalare inițială',
      '24.11.2026, 14:00 (Europe/Bucharest)',
      'Sala de ședințe, etajul 2',
      'Ioana Mureșan',
      'Георги Димитров',
      'Absent',
      'BH-2026-0001 — Ștefan Țăranu',
      'BH-2026-0002 — Иван Петров',
      'Mătușa rămâne persoana de sprijin.',
      'Nu au fost consemnate decizii.',
      'Organizează sprijin la școală',
      'Да се уведоми училището',
      '05.12.2026',
      'Făcută',
      'termen depășit',
      'la care nu aveți acces: 1.',
      `Pagina 1 din ${pdf.pages} · DOC-2026-00042 · Întâlnirea nr. 7 · Generat la 24.11.2026, 17:30`,
    ]) {
      expect(words).toContain(expected);
    }
    // Only DejaVu Sans, embedded (as a subset): what is on screen is what prints, on any computer.
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter(Boolean)
      .map((line) => line.split(/\s+/));
    expect(fonts.map((f) => f[0]!.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['DejaVuSans', 'DejaVuSans-Bold']);
    for (const f of fonts) expect(f.slice(-5, -2)).toEqual(['yes', 'yes', 'yes']);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/PDF version:\s+1\.7/);
    expect(info).toMatch(/Pages:\s+(\d+)/);
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(pdf.pages);

    mkdirSync(SHOTS, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, path.join(SHOTS, 'minutes-ro')]);
  });

  it('is the same bytes for the same meeting and moment, and differs when either changes', () => {
    const first = minutesPdf(input());
    const second = minutesPdf(input());
    expect(second.sha256).toBe(first.sha256);
    expect(second.bytes.equals(first.bytes)).toBe(true);
    expect(minutesPdf(input({ generatedAt: new Date(NOW.getTime() + 1000) })).sha256).not.toBe(first.sha256);
    expect(minutesPdf(input({ meeting: { ...meeting, place: 'Camera 3' } })).sha256).not.toBe(first.sha256);
    // The number is in the bytes, where documents.verify's screen reads which document a copy claims to be.
    expect(claimedDocumentNumber(first.bytes)).toBe('DOC-2026-00042');
    expect(minutesPdf(input({ number: 'DOC-2026-00043' })).sha256).not.toBe(first.sha256);
  });

  it('speaks English and Bulgarian; the footer numbers every page of a long meeting', () => {
    const en = text(saved(minutesPdf(input({ language: 'en' })).bytes, 'minutes-en.pdf'));
    expect(en).toContain('Minutes of the case review meeting');
    expect(en).toContain('24 November 2026, 14:00');
    expect(en).toContain('Initial signal');
    const long: Meeting = {
      ...meeting,
      cases: Array.from({ length: 12 }, (_, i) => ({
        caseId: 100 + i,
        reference: `BH-2026-${String(100 + i).padStart(4, '0')}`,
        childName: 'Иван Петров',
        agenda: 'Обсъждане на плана за закрила и работата с училището. '.repeat(12),
        decisions: 'Решение: детето остава при баба си; социалният работник посещава семейството всяка седмица. '.repeat(6),
      })),
      actions: Array.from({ length: 24 }, (_, i) => action(10 + i, 100 + (i % 12), `Задача ${i + 1}: посещение в дома и доклад до отдела`, 'Ștefan Țăranu')),
    };
    const pdf = minutesPdf(input({ language: 'bg', meeting: long }));
    expect(pdf.pages).toBeGreaterThan(2);
    const file = saved(pdf.bytes, 'minutes-bg.pdf');
    const bg = text(file);
    expect(bg).toContain('Протокол от среща за обсъждане на случай');
    for (let page = 1; page <= pdf.pages; page++) expect(bg).toContain(`Страница ${page} от ${pdf.pages} · DOC-2026-00042 · Среща № 7`);
    expect(bg).toContain('Задача 24: посещение в дома и доклад до отдела');
    mkdirSync(SHOTS, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '2', '-l', '2', file, path.join(SHOTS, 'minutes-bg')]);
  });
});
