import type { Database } from 'better-sqlite3-multiple-ciphers';
import { checkMessages } from '../../../shared/contract';
import { mayUseProfile } from '../../../shared/documents/profiles';
import { requireCase, viewOfCase, type Viewer } from '../access';
import { recordEvent } from '../cases/timeline';
import { courtSummaryPdf } from '../documents/court-summary-pdf';
import { gatherCourtSummary } from '../documents/court-summary-gather';
import { documentPdf, documentRows, documentWhere, fileNameOf, issueDocument, toDocument, withdrawDocument, type DocumentRow } from '../documents/issued-documents';
import { AppError, fieldError } from '../errors';
import { splitAgenda } from '../followup/meeting-file';
import { requireCaseOf } from '../interviews/interview-file';
import { viewer } from './cases';
import { defineHandler, type RunContext } from './types';

/** Issued documents: the court summary, the list per case, the file again, withdrawing one, and checking a file brought back. */

const NO_DOCUMENT = 'There is no such document, or it is not yours to see.';

/** Minutes are about a meeting: whoever sees at least one of its cases in full knows of it. */
function seesMeeting(db: Database, who: Viewer, meetingId: number): boolean {
  return splitAgenda(db, who, meetingId).visible.length > 0;
}

/** Whether the caller may know the document's record exists (its number, kind, case or meeting, who issued it). */
function mayKnow(db: Database, who: Viewer, row: DocumentRow): boolean {
  if (row.case_id !== null) {
    return viewOfCase(db, who, row.case_id) !== null;
  }
  return row.meeting_id !== null && seesMeeting(db, who, row.meeting_id);
}

/**
 * A copy of the minutes holds the cases its reader could see: it is handed
 * out again to that reader, or to someone who sees every case of the meeting
 * in full, never to a colleague who would read cases not theirs.
 */
function requireMinutesCopy(db: Database, who: Viewer, row: DocumentRow): void {
  const { visible, hidden } = splitAgenda(db, who, row.meeting_id!);
  if (visible.length === 0 || (hidden.length > 0 && row.generated_by !== who.userId)) throw new AppError('not_found', NO_DOCUMENT);
}

/** A stored document the caller may have a copy of (404 otherwise, as for one that does not exist); its case goes in the audit log. */
function requireDocument(ctx: RunContext, me: Viewer, documentId: number): DocumentRow {
  const found = documentWhere(ctx.db, 'd.id = ?', documentId);
  if (!found) throw new AppError('not_found', NO_DOCUMENT);
  if (found.case_id !== null) {
    requireCaseOf(ctx.db, me, found.case_id, NO_DOCUMENT);
    ctx.note({ caseId: found.case_id });
  } else requireMinutesCopy(ctx.db, me, found);
  return found;
}

/**
 * The audit checkpoint an issued document prints, appended to the anchor file
 * first. Taken before the dispatcher appends this call's own entry, so it
 * names committed entries only, and it stands even if this issue rolls back.
 */
export function documentCheckpoint(ctx: RunContext, number: string) {
  return ctx.anchor.writeCheckpoint('document', { at: ctx.now, document: number });
}

export const documentHandlers = {
  'documents.courtSummary': defineHandler('documents.courtSummary', {
    run(input, ctx) {
      const me = viewer(ctx);
      const { row } = requireCase(ctx.db, me, input.caseId);
      ctx.note({ caseId: row.id });
      if (!mayUseProfile(input.profile, me.roles)) throw fieldError(['profile'], checkMessages.internalProfile);
      const { document, pdf } = issueDocument(
        ctx.db,
        { ...input, kind: 'court_summary', caseId: row.id, meetingId: null, generatedAt: ctx.now, generatedBy: me.userId },
        (number) => courtSummaryPdf(gatherCourtSummary(ctx.db, me, row.id, { ...input, number, generatedAt: ctx.now }), documentCheckpoint(ctx, number)),
      );
      const { id, number } = document;
      recordEvent(ctx.db, row.id, me.userId, ctx.now, 'document_issued', { number, profile: input.profile, language: input.language, recipient: input.recipient });
      ctx.note({ record: `document:${id}`, detail: `${number} (${input.profile}, ${input.language}) for ${input.recipient}, sha256 ${pdf.sha256}` });
      // The case file itself is unchanged (no new version, so no open form is put out of date); its screens list the new document.
      ctx.emit({ entity: 'case', action: 'updated', id: row.id });
      return { document, fileName: fileNameOf(ctx.db, document), pdf: pdf.bytes.toString('base64') };
    },
  }),

  'documents.list': defineHandler('documents.list', {
    run(input, ctx) {
      const { row, view } = requireCase(ctx.db, viewer(ctx), input.caseId);
      ctx.note({ caseId: row.id });
      // A blind interviewer learns nothing of the case's course from who was sent what.
      if (view === 'blind') return { documents: [] };
      const rows = documentRows(ctx.db, "d.case_id = ? AND d.kind = 'court_summary' ORDER BY d.generated_at DESC, d.id DESC", row.id);
      return { documents: rows.map(toDocument) };
    },
  }),

  'documents.download': defineHandler('documents.download', {
    run(input, ctx) {
      const me = viewer(ctx);
      const found = requireDocument(ctx, me, input.documentId);
      ctx.note({ record: `document:${found.id}`, detail: found.meeting_id === null ? found.number : `${found.number} (minutes of meeting:${found.meeting_id})` });
      if (found.profile !== null && !mayUseProfile(found.profile, me.roles)) {
        throw new AppError('forbidden', 'Documents under the internal profile are handed out again only to coordinators.');
      }
      const document = toDocument(found);
      return { document, fileName: fileNameOf(ctx.db, document), pdf: documentPdf(ctx.db, found.id).toString('base64') };
    },
  }),

  'documents.withdraw': defineHandler('documents.withdraw', {
    run(input, ctx) {
      const me = viewer(ctx);
      const found = requireDocument(ctx, me, input.documentId);
      ctx.note({ record: `document:${found.id}`, detail: `${found.number} withdrawn: ${input.reason}` });
      // Another prosecutor on the team did not send it and cannot speak for why it no longer holds.
      if (found.generated_by !== me.userId && !me.roles.includes('coordinator')) {
        throw new AppError('forbidden', 'Only the person who issued a document, or a coordinator, may withdraw it.');
      }
      if (!withdrawDocument(ctx.db, found.id, me.userId, ctx.now, input.reason)) {
        throw new AppError('conflict', 'This document was already withdrawn.', { current: toDocument(found) });
      }
      if (found.case_id !== null) {
        recordEvent(ctx.db, found.case_id, me.userId, ctx.now, 'document_withdrawn', { number: found.number, reason: input.reason });
        ctx.emit({ entity: 'case', action: 'updated', id: found.case_id });
      }
      return toDocument(documentWhere(ctx.db, 'd.id = ?', found.id)!);
    },
  }),

  'documents.verify': defineHandler('documents.verify', {
    run(input, ctx) {
      const me = viewer(ctx);
      // What any colleague holding a file may learn: that the number is the centre's, and when.
      const brief = (row: DocumentRow) => ({ number: row.number, generatedAt: row.generated_at, withdrawnAt: row.withdrawn_at });
      const issued = documentWhere(ctx.db, 'd.sha256 = ?', input.sha256);
      if (issued) {
        const verdict = issued.withdrawn_at === null ? 'issued' : 'withdrawn';
        // A file may have reached the caller by mistake: its case, recipient, purpose and issuer (and who withdrew it, and
        // why) are the case's, told only to those who may see the case, like every other answer about it.
        const known = mayKnow(ctx.db, me, issued);
        ctx.note({ ...(issued.case_id === null ? {} : { caseId: issued.case_id }), record: `document:${issued.id}`, detail: `${verdict}: ${issued.number}` });
        return { verdict, document: brief(issued), details: known ? toDocument(issued) : null };
      }
      const claimed = input.claimedNumber === null ? undefined : documentWhere(ctx.db, 'd.number = ?', input.claimedNumber);
      if (claimed) {
        // Naming the case or meeting of a guessed number would tell a colleague of a case that is not theirs.
        const known = mayKnow(ctx.db, me, claimed);
        // The audit log is the centre's, not the caller's: the case's access report should show an altered copy going round.
        ctx.note({ ...(claimed.case_id === null ? {} : { caseId: claimed.case_id }), record: `document:${claimed.id}`, detail: `altered: claims ${claimed.number}, sha256 ${input.sha256}` });
        return { verdict: 'altered', document: brief(claimed), details: known ? toDocument(claimed) : null };
      }
      ctx.note({ detail: `unknown: sha256 ${input.sha256}${input.claimedNumber === null ? '' : `, claims ${input.claimedNumber}`}` });
      return { verdict: 'unknown', document: null, details: null };
    },
  }),
};
