import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { IssuedDocument } from '../../../shared/contract/methods/documents';
import { iso } from '../clock';
import { centreToday } from '../followup/due';
import type { FinishedPdf } from './pdf';

/** The register of documents the centre issued: numbering, keeping each file with its SHA-256, reading the records back. */

export interface DocumentRow {
  id: number;
  number: string;
  kind: IssuedDocument['kind'];
  case_id: number | null;
  reference: string | null;
  meeting_id: number | null;
  profile: IssuedDocument['profile'];
  language: IssuedDocument['language'];
  recipient: string;
  purpose: string;
  generated_at: string;
  generated_by: number;
  generated_by_name: string;
  sha256: string;
  size: number;
  pages: number;
  withdrawn_at: string | null;
  withdrawn_by_name: string | null;
  withdrawal_reason: string | null;
}

// LEFT JOIN: minutes belong to a meeting, not to one case.
const SELECT_DOCUMENT = `
  SELECT d.id, d.number, d.kind, d.case_id, c.reference, d.meeting_id, d.profile, d.language, d.recipient, d.purpose,
         d.generated_at, d.generated_by, u.display_name AS generated_by_name, d.sha256, d.size, d.pages,
         d.withdrawn_at, w.display_name AS withdrawn_by_name, d.withdrawal_reason
    FROM issued_documents d LEFT JOIN cases c ON c.id = d.case_id JOIN users u ON u.id = d.generated_by
         LEFT JOIN users w ON w.id = d.withdrawn_by`;

export function toDocument(row: DocumentRow): IssuedDocument {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    caseId: row.case_id,
    caseReference: row.reference,
    meetingId: row.meeting_id,
    profile: row.profile,
    language: row.language,
    recipient: row.recipient,
    purpose: row.purpose,
    generatedAt: row.generated_at,
    generatedBy: row.generated_by_name,
    generatedById: row.generated_by,
    sha256: row.sha256,
    size: row.size,
    pages: row.pages,
    withdrawal: row.withdrawn_at === null ? null : { at: row.withdrawn_at, by: row.withdrawn_by_name ?? '', reason: row.withdrawal_reason ?? '' },
  };
}

/** `where` uses the alias d for issued_documents and c for cases. */
export function documentRows(db: Database, where: string, ...params: (string | number)[]): DocumentRow[] {
  return db.prepare(`${SELECT_DOCUMENT} WHERE ${where}`).all(...params) as DocumentRow[];
}

export function documentWhere(db: Database, where: string, param: string | number): DocumentRow | undefined {
  return documentRows(db, where, param)[0];
}

export function documentPdf(db: Database, id: number): Buffer {
  return (db.prepare('SELECT pdf FROM issued_documents WHERE id = ?').get(id) as { pdf: Buffer }).pdf;
}

/** DOC-2026-00017: the year on the centre's wall clock (a document issued on New Year's night belongs to the year the centre is in). */
function nextNumber(db: Database, now: Date): string {
  const year = Number(centreToday(db, now).slice(0, 4));
  const { last } = db
    .prepare('INSERT INTO document_numbers (year, last) VALUES (?, 1) ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last')
    .get(year) as { last: number };
  return `DOC-${year}-${String(last).padStart(5, '0')}`;
}

export type IssueRecord = Pick<IssuedDocument, 'kind' | 'caseId' | 'meetingId' | 'profile' | 'language' | 'recipient' | 'purpose'> & {
  generatedAt: Date;
  generatedBy: number;
};

/**
 * Takes the next number, has the document rendered with that number printed
 * on it, and keeps the file. Call inside the handler's transaction: a render
 * that throws leaves the number untaken.
 */
export function issueDocument(db: Database, record: IssueRecord, render: (number: string) => FinishedPdf): { document: IssuedDocument; pdf: FinishedPdf } {
  const number = nextNumber(db, record.generatedAt);
  const pdf = render(number);
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO issued_documents (number, kind, case_id, meeting_id, profile, language, recipient, purpose, generated_at, generated_by, sha256, size, pages, pdf)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      number,
      record.kind,
      record.caseId,
      record.meetingId,
      record.profile,
      record.language,
      record.recipient,
      record.purpose,
      iso(record.generatedAt),
      record.generatedBy,
      pdf.sha256,
      pdf.bytes.length,
      pdf.pages,
      pdf.bytes,
    );
  return { document: toDocument(documentWhere(db, 'd.id = ?', Number(lastInsertRowid))!), pdf };
}

/** Marks a document withdrawn; false when it already was (the register keeps the first withdrawal). */
export function withdrawDocument(db: Database, id: number, by: number, at: Date, reason: string): boolean {
  const { changes } = db
    .prepare('UPDATE issued_documents SET withdrawn_at = ?, withdrawn_by = ?, withdrawal_reason = ? WHERE id = ? AND withdrawn_at IS NULL')
    .run(iso(at), by, reason, id);
  return changes === 1;
}

/** The name the file is saved under: it carries the number, so a folder of them can be matched to the register. */
export function fileNameOf(db: Database, doc: Pick<IssuedDocument, 'kind' | 'caseReference' | 'meetingId' | 'number' | 'language'>): string {
  if (doc.kind === 'court_summary') return `court-summary-${doc.caseReference}-${doc.number}.pdf`;
  const { starts_at } = db.prepare('SELECT starts_at FROM meetings WHERE id = ?').get(doc.meetingId) as { starts_at: string };
  return `minutes-${centreToday(db, new Date(starts_at))}-${doc.number}-${doc.language}.pdf`;
}
