import type { Database } from 'better-sqlite3-multiple-ciphers';
import { checkMessages } from '../../../shared/contract';
import type { IssuedDocument } from '../../../shared/contract/methods/documents';
import { mayUseProfile } from '../../../shared/documents/profiles';
import { requireCase, viewOf, type CaseRow } from '../access';
import { recordEvent } from '../cases/timeline';
import { iso } from '../clock';
import { courtSummaryPdf } from '../documents/court-summary-pdf';
import { gatherCourtSummary } from '../documents/court-summary-gather';
import { AppError, fieldError } from '../errors';
import { centreToday } from '../followup/due';
import { requireCaseOf } from '../interviews/interview-file';
import { viewer } from './cases';
import { defineHandler } from './types';

/** Issued documents: the court summary, the list per case, the file again, and checking a file brought back. */

interface DocumentRow {
  id: number;
  number: string;
  kind: IssuedDocument['kind'];
  case_id: number;
  reference: string;
  profile: IssuedDocument['profile'];
  language: IssuedDocument['language'];
  recipient: string;
  purpose: string;
  generated_at: string;
  generated_by_name: string;
  sha256: string;
  size: number;
  pages: number;
}

const SELECT_DOCUMENT = `
  SELECT d.id, d.number, d.kind, d.case_id, c.reference, d.profile, d.language, d.recipient, d.purpose,
         d.generated_at, u.display_name AS generated_by_name, d.sha256, d.size, d.pages
    FROM issued_documents d JOIN cases c ON c.id = d.case_id JOIN users u ON u.id = d.generated_by`;

const NO_DOCUMENT = 'There is no such document, or it is not yours to see.';

function toDocument(row: DocumentRow): IssuedDocument {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    caseId: row.case_id,
    caseReference: row.reference,
    profile: row.profile,
    language: row.language,
    recipient: row.recipient,
    purpose: row.purpose,
    generatedAt: row.generated_at,
    generatedBy: row.generated_by_name,
    sha256: row.sha256,
    size: row.size,
    pages: row.pages,
  };
}

function documentWhere(db: Database, where: string, param: string | number): DocumentRow | undefined {
  return db.prepare(`${SELECT_DOCUMENT} WHERE ${where}`).get(param) as DocumentRow | undefined;
}

/** DOC-2026-00017: the year on the centre's wall clock (a document issued on New Year's night belongs to the year the centre is in). */
function nextNumber(db: Database, now: Date): string {
  const year = Number(centreToday(db, now).slice(0, 4));
  const { last } = db
    .prepare('INSERT INTO document_numbers (year, last) VALUES (?, 1) ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last')
    .get(year) as { last: number };
  return `DOC-${year}-${String(last).padStart(5, '0')}`;
}

const fileNameOf = (doc: Pick<IssuedDocument, 'caseReference' | 'number'>) => `court-summary-${doc.caseReference}-${doc.number}.pdf`;

export const documentHandlers = {
  'documents.courtSummary': defineHandler('documents.courtSummary', {
    run(input, ctx) {
      const me = viewer(ctx);
      const { row } = requireCase(ctx.db, me, input.caseId);
      ctx.note({ caseId: row.id });
      if (!mayUseProfile(input.profile, me.roles)) throw fieldError(['profile'], checkMessages.internalProfile);
      const number = nextNumber(ctx.db, ctx.now);
      const data = gatherCourtSummary(ctx.db, me, row.id, { ...input, number, generatedAt: ctx.now });
      const pdf = courtSummaryPdf(data);
      const { lastInsertRowid } = ctx.db
        .prepare(
          `INSERT INTO issued_documents (number, kind, case_id, profile, language, recipient, purpose, generated_at, generated_by, sha256, size, pages, pdf)
           VALUES (?, 'court_summary', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(number, row.id, input.profile, input.language, input.recipient, input.purpose, iso(ctx.now), me.userId, pdf.sha256, pdf.bytes.length, pdf.pages, pdf.bytes);
      const id = Number(lastInsertRowid);
      recordEvent(ctx.db, row.id, me.userId, ctx.now, 'document_issued', { number, profile: input.profile, language: input.language, recipient: input.recipient });
      ctx.note({ record: `document:${id}`, detail: `${number} (${input.profile}, ${input.language}) for ${input.recipient}, sha256 ${pdf.sha256}` });
      // The case file itself is unchanged (no new version, so no open form is put out of date); its screens list the new document.
      ctx.emit({ entity: 'case', action: 'updated', id: row.id });
      const document = toDocument(documentWhere(ctx.db, 'd.id = ?', id)!);
      return { document, fileName: fileNameOf(document), pdf: pdf.bytes.toString('base64') };
    },
  }),

  'documents.list': defineHandler('documents.list', {
    run(input, ctx) {
      const { row, view } = requireCase(ctx.db, viewer(ctx), input.caseId);
      ctx.note({ caseId: row.id });
      // A blind interviewer learns nothing of the case's course from who was sent what.
      if (view === 'blind') return { documents: [] };
      const rows = ctx.db.prepare(`${SELECT_DOCUMENT} WHERE d.case_id = ? ORDER BY d.generated_at DESC, d.id DESC`).all(row.id) as DocumentRow[];
      return { documents: rows.map(toDocument) };
    },
  }),

  'documents.download': defineHandler('documents.download', {
    run(input, ctx) {
      const me = viewer(ctx);
      const found = documentWhere(ctx.db, 'd.id = ?', input.documentId);
      if (!found) throw new AppError('not_found', NO_DOCUMENT);
      requireCaseOf(ctx.db, me, found.case_id, NO_DOCUMENT);
      ctx.note({ caseId: found.case_id, record: `document:${found.id}`, detail: found.number });
      if (!mayUseProfile(found.profile, me.roles)) throw new AppError('forbidden', 'Documents under the internal profile are handed out again only to coordinators.');
      const { pdf } = ctx.db.prepare('SELECT pdf FROM issued_documents WHERE id = ?').get(found.id) as { pdf: Buffer };
      const document = toDocument(found);
      return { document, fileName: fileNameOf(document), pdf: pdf.toString('base64') };
    },
  }),

  'documents.verify': defineHandler('documents.verify', {
    run(input, ctx) {
      const me = viewer(ctx);
      const mayKnow = (row: DocumentRow) => {
        const caseRow = ctx.db.prepare('SELECT id, restricted, interview_done_at FROM cases WHERE id = ?').get(row.case_id) as CaseRow;
        return viewOf(ctx.db, me, caseRow) !== null;
      };
      const brief = (row: DocumentRow) => ({ number: row.number, kind: row.kind, generatedAt: row.generated_at });
      const issued = documentWhere(ctx.db, 'd.sha256 = ?', input.sha256);
      if (issued) {
        // The file is the centre's own and unaltered: whoever holds it already holds what it says.
        ctx.note({ caseId: issued.case_id, record: `document:${issued.id}`, detail: `issued: ${issued.number}` });
        return { verdict: 'issued', document: brief(issued), details: toDocument(issued) };
      }
      const claimed = input.claimedNumber === null ? undefined : documentWhere(ctx.db, 'd.number = ?', input.claimedNumber);
      if (claimed) {
        // Naming the case of a guessed number would tell a colleague of a case that is not theirs.
        const known = mayKnow(claimed);
        // The audit log is the centre's, not the caller's: the case's access report should show an altered copy going round.
        ctx.note({ caseId: claimed.case_id, record: `document:${claimed.id}`, detail: `altered: claims ${claimed.number}, sha256 ${input.sha256}` });
        return { verdict: 'altered', document: brief(claimed), details: known ? toDocument(claimed) : null };
      }
      ctx.note({ detail: `unknown: sha256 ${input.sha256}${input.claimedNumber === null ? '' : `, claims ${input.claimedNumber}`}` });
      return { verdict: 'unknown', document: null, details: null };
    },
  }),
};
