import { checkMessages } from '../../../shared/contract';
import type { CustodyEntry } from '../../../shared/contract/interview-records';
import type { CustodyAction } from '../../../shared/interviews/categories';
import { recordEvent } from '../cases/timeline';
import { iso } from '../clock';
import { mediaTypeOf } from '../evidence/media-info';
import { decideRemoval, removalRow, removeFile, requestRemoval, requireWithdrawable } from '../evidence/removal';
import { custodyEntries, recordingRow, recordingsOf, toRecording, type RecordingRow } from '../evidence/recording-file';
import { ORPHAN_MIN_AGE_MS, sweepOrphans } from '../evidence/orphans';
import { PLAYBACK_TTL_MS, UPLOAD_TTL_MS } from '../evidence/transfers';
import { AppError, fieldError } from '../errors';
import { dataFolders, requireRoomFor } from '../storage';
import { NO_INTERVIEW, interviewRow, requireCaseOf, type InterviewRow } from '../interviews/interview-file';
import { touchCase, viewer } from './cases';
import { callerOf, defineHandler, type PrepareContext, type RunContext } from './types';

/** Larger than any interview recording a centre makes (a day of 4K video is about 100 GB). */
const MAX_UPLOAD_BYTES = 256 * 1024 ** 3;

const NO_RECORDING = 'There is no such recording, or it is not yours to see.';

/** The interview, if the caller may see its case; 404 in the same words whether it is missing or not theirs. */
function requireInterviewOf(ctx: PrepareContext, interviewId: number): InterviewRow {
  const interview = interviewRow(ctx.db, interviewId);
  if (!interview) throw new AppError('not_found', NO_INTERVIEW);
  const caller = callerOf(ctx);
  requireCaseOf(ctx.db, { userId: caller.userId, roles: caller.roles }, interview.case_id, NO_INTERVIEW);
  return interview;
}

/** The recording, if the caller may see its case; 404 otherwise. */
function requireRecording(ctx: PrepareContext, recordingId: number): RecordingRow {
  const row = recordingRow(ctx.db, recordingId);
  if (!row) throw new AppError('not_found', NO_RECORDING);
  const caller = callerOf(ctx);
  const { view } = requireCaseOf(ctx.db, { userId: caller.userId, roles: caller.roles }, row.case_id, NO_RECORDING);
  // A blind interviewer has not yet been told what the child said; the recording says it.
  if (view === 'blind') throw new AppError('not_found', NO_RECORDING);
  return row;
}

function requireStored(row: RecordingRow): void {
  if (row.deleted_at !== null) throw new AppError('conflict', 'This recording’s file was removed; its record and custody log remain.');
}

interface CustodyFacts {
  copyId?: number | null;
  recipient?: string;
  recipientAgency?: string;
  medium?: string;
  purpose?: string;
  note?: string;
  sha256?: string | null;
}

function logCustody(ctx: RunContext, recordingId: number, action: CustodyAction, facts: CustodyFacts = {}): CustodyEntry {
  const { lastInsertRowid } = ctx.db
    .prepare(
      `INSERT INTO recording_custody (recording_id, at, user_id, action, copy_id, recipient, recipient_agency, medium, purpose, note, sha256)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      recordingId,
      iso(ctx.now),
      viewer(ctx).userId,
      action,
      facts.copyId ?? null,
      facts.recipient ?? '',
      facts.recipientAgency ?? '',
      facts.medium ?? '',
      facts.purpose ?? '',
      facts.note ?? '',
      facts.sha256 ?? null,
    );
  return custodyEntries(ctx.db, recordingId, Number(lastInsertRowid))[0]!;
}

/**
 * Every access re-reads the whole file and compares its SHA-256 with the one
 * taken at registration; done before the transaction, since a large file
 * takes seconds and the database must not wait for it.
 */
async function rehash(recordingId: number, ctx: PrepareContext): Promise<string | null> {
  const row = requireRecording(ctx, recordingId);
  requireStored(row);
  return ctx.evidence.store.hashOf(row.sha256);
}

/**
 * Logs the check. A mismatch (or a missing file) is an alarm: logged in the
 * custody log, the case timeline and the audit log, every open viewing ended,
 * and the access refused.
 */
function settleCheck(ctx: RunContext, row: RecordingRow, found: string | null): void {
  const ok = found === row.sha256;
  ctx.db.prepare('UPDATE recordings SET last_check_at = ?, last_check_ok = ? WHERE id = ?').run(iso(ctx.now), ok ? 1 : 0, row.id);
  ctx.note({ caseId: row.case_id, record: `recording:${row.id}` });
  if (ok) return;
  ctx.evidence.transfers.revoke(row.id);
  logCustody(ctx, row.id, 'integrity_failed', { sha256: found, note: found === null ? 'The file is missing or unreadable.' : 'The file no longer matches its SHA-256.' });
  recordEvent(ctx.db, row.case_id, viewer(ctx).userId, ctx.now, 'recording_integrity_failed', { file: row.file_name });
  ctx.note({ detail: `INTEGRITY ALARM: expected ${row.sha256}, found ${found ?? 'no file'}` });
  touchCase(ctx, row.case_id);
  ctx.commitThenRefuse(
    new AppError('conflict', 'This recording no longer matches the SHA-256 taken when it was registered. It has not been opened; the alarm is logged.', {
      reason: 'integrity_failed',
    }),
  );
}

export const recordingHandlers = {
  'recordings.startUpload': defineHandler('recordings.startUpload', {
    run(input, ctx) {
      const interview = requireInterviewOf(ctx, input.interviewId);
      if (interview.status === 'cancelled') throw new AppError('conflict', 'The interview was cancelled.');
      if (input.size > MAX_UPLOAD_BYTES) throw fieldError(['size'], checkMessages.invalidChoice);
      // Before a byte is sent: a recording that cannot fit would fill the volume and stop the whole centre.
      requireRoomFor(input.size, dataFolders(ctx), ctx.storage);
      const caller = callerOf(ctx);
      const upload = ctx.evidence.transfers.newUpload({
        interviewId: interview.id,
        caseId: interview.case_id,
        fileName: input.fileName,
        size: input.size,
        userId: caller.userId,
        sessionId: caller.sessionId,
        expiresAt: ctx.now.getTime() + UPLOAD_TTL_MS,
      }, ctx.now.getTime());
      ctx.note({ caseId: interview.case_id, record: `interview:${interview.id}`, detail: `${input.size} bytes` });
      return { uploadId: upload.id, url: `/api/uploads/${upload.id}` };
    },
  }),

  'recordings.register': defineHandler('recordings.register', {
    run(input, ctx) {
      const interview = requireInterviewOf(ctx, input.interviewId);
      const caller = callerOf(ctx);
      const upload = ctx.evidence.transfers.upload(input.uploadId, ctx.now.getTime());
      if (!upload || upload.sessionId !== caller.sessionId || upload.interviewId !== interview.id || !upload.received) {
        throw fieldError(['uploadId'], checkMessages.uploadUnknown);
      }
      const { sha256, size, format, durationSeconds } = upload.received;
      const { lastInsertRowid } = ctx.db
        .prepare(
          `INSERT INTO recordings (interview_id, case_id, kind, file_name, format, size, duration_seconds, sha256, registered_at, registered_by, last_check_at, last_check_ok)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
        )
        .run(interview.id, interview.case_id, input.kind, upload.fileName, format, size, durationSeconds, sha256, iso(ctx.now), caller.userId, iso(ctx.now));
      const id = Number(lastInsertRowid);
      logCustody(ctx, id, 'registered', { sha256, note: upload.fileName });
      // Last, so a refusal above leaves the upload where it was, to be registered again.
      ctx.evidence.store.commit(upload.id, sha256);
      ctx.evidence.transfers.endUpload(upload.id);
      recordEvent(ctx.db, interview.case_id, caller.userId, ctx.now, 'recording_registered', { file: upload.fileName, sha256 });
      ctx.note({ caseId: interview.case_id, record: `recording:${id}`, detail: `sha256 ${sha256}` });
      touchCase(ctx, interview.case_id);
      return toRecording(recordingRow(ctx.db, id)!);
    },
  }),

  'recordings.list': defineHandler('recordings.list', {
    run(input, ctx) {
      const interview = requireInterviewOf(ctx, input.interviewId);
      ctx.note({ caseId: interview.case_id, record: `interview:${interview.id}` });
      const caller = callerOf(ctx);
      // A blind interviewer is not told that recordings exist, as they may not play them.
      if (requireCaseOf(ctx.db, { userId: caller.userId, roles: caller.roles }, interview.case_id, NO_INTERVIEW).view === 'blind') return { recordings: [] };
      return { recordings: recordingsOf(ctx.db, interview.id) };
    },
  }),

  'recordings.custody': defineHandler('recordings.custody', {
    run(input, ctx) {
      const row = requireRecording(ctx, input.recordingId);
      ctx.note({ caseId: row.case_id, record: `recording:${row.id}` });
      return { entries: custodyEntries(ctx.db, row.id) };
    },
  }),

  'recordings.play': defineHandler('recordings.play', {
    prepare: (input, ctx) => rehash(input.recordingId, ctx),
    run(input, ctx, found) {
      const row = requireRecording(ctx, input.recordingId);
      requireStored(row);
      settleCheck(ctx, row, found);
      const caller = callerOf(ctx);
      const ticket = ctx.evidence.transfers.newTicket({
        recordingId: row.id,
        caseId: row.case_id,
        sha256: row.sha256,
        size: row.size,
        mediaType: mediaTypeOf(row.file_name),
        userId: caller.userId,
        sessionId: caller.sessionId,
        expiresAt: ctx.now.getTime() + PLAYBACK_TTL_MS,
      }, ctx.now.getTime());
      logCustody(ctx, row.id, 'viewed', { sha256: found, note: ctx.origin.workstation });
      ctx.emit({ entity: 'case', action: 'updated', id: row.case_id });
      return { url: `/api/media/${ticket.id}`, expiresAt: iso(new Date(ticket.expiresAt)), recording: toRecording(recordingRow(ctx.db, row.id)!) };
    },
  }),

  'recordings.verify': defineHandler('recordings.verify', {
    prepare: (input, ctx) => rehash(input.recordingId, ctx),
    run(input, ctx, found) {
      const row = requireRecording(ctx, input.recordingId);
      requireStored(row);
      settleCheck(ctx, row, found);
      logCustody(ctx, row.id, 'verified', { sha256: found });
      ctx.emit({ entity: 'case', action: 'updated', id: row.case_id });
      return toRecording(recordingRow(ctx.db, row.id)!);
    },
  }),

  'recordings.recordCopy': defineHandler('recordings.recordCopy', {
    prepare: (input, ctx) => rehash(input.recordingId, ctx),
    run(input, ctx, found) {
      const row = requireRecording(ctx, input.recordingId);
      requireStored(row);
      settleCheck(ctx, row, found);
      const entry = logCustody(ctx, row.id, 'copied', {
        recipient: input.recipient,
        recipientAgency: input.recipientAgency,
        medium: input.medium,
        purpose: input.purpose,
        sha256: found,
      });
      recordEvent(ctx.db, row.case_id, viewer(ctx).userId, ctx.now, 'recording_copied', { file: row.file_name, to: input.recipient });
      touchCase(ctx, row.case_id);
      return { recording: toRecording(recordingRow(ctx.db, row.id)!), entry };
    },
  }),

  'recordings.recordReturn': defineHandler('recordings.recordReturn', {
    run(input, ctx) {
      const row = requireRecording(ctx, input.recordingId);
      ctx.note({ caseId: row.case_id, record: `recording:${row.id}` });
      const copy = custodyEntries(ctx.db, row.id, input.copyId)[0];
      if (!copy || copy.action !== 'copied') throw new AppError('not_found', 'There is no such copy of this recording.');
      if (ctx.db.prepare("SELECT 1 FROM recording_custody WHERE recording_id = ? AND action = 'returned' AND copy_id = ?").get(row.id, copy.id)) {
        throw new AppError('conflict', 'This copy was already returned.');
      }
      const entry = logCustody(ctx, row.id, 'returned', { copyId: copy.id, recipient: copy.recipient, recipientAgency: copy.recipientAgency, medium: copy.medium, note: input.note });
      recordEvent(ctx.db, row.case_id, viewer(ctx).userId, ctx.now, 'recording_returned', { file: row.file_name, from: copy.recipient });
      touchCase(ctx, row.case_id);
      return { recording: toRecording(recordingRow(ctx.db, row.id)!), entry };
    },
  }),

  'recordings.requestRemoval': defineHandler('recordings.requestRemoval', {
    run(input, ctx) {
      const row = requireRecording(ctx, input.recordingId);
      ctx.note({ caseId: row.case_id, record: `recording:${row.id}` });
      const me = viewer(ctx).userId;
      const requestId = requestRemoval(ctx.db, row, input.reason, input.words, me, ctx.now);
      logCustody(ctx, row.id, 'removal_requested', { purpose: input.reason, note: input.words, sha256: row.sha256 });
      recordEvent(ctx.db, row.case_id, me, ctx.now, 'recording_removal_requested', { file: row.file_name, reason: input.reason, words: input.words });
      ctx.note({ detail: `removal request ${requestId}: ${input.reason}` });
      touchCase(ctx, row.case_id);
      return toRecording(recordingRow(ctx.db, row.id)!);
    },
  }),

  'recordings.decideRemoval': defineHandler('recordings.decideRemoval', {
    run(input, ctx) {
      const request = removalRow(ctx.db, input.requestId);
      if (!request) throw new AppError('not_found', NO_RECORDING);
      const row = requireRecording(ctx, request.recording_id);
      ctx.note({ caseId: row.case_id, record: `recording:${row.id}`, detail: `removal request ${request.id}: ${input.decision}` });
      const me = viewer(ctx).userId;
      decideRemoval(ctx.db, request, row, input.decision, input.note, me, ctx.now);
      if (input.decision === 'refused') {
        logCustody(ctx, row.id, 'removal_refused', { note: input.note, sha256: row.sha256 });
        recordEvent(ctx.db, row.case_id, me, ctx.now, 'recording_removal_refused', { file: row.file_name, reason: input.note });
      } else {
        logCustody(ctx, row.id, 'removal_approved', { note: input.note, sha256: row.sha256 });
        logCustody(ctx, row.id, 'deleted', { purpose: request.reason, note: request.words, sha256: row.sha256 });
        recordEvent(ctx.db, row.case_id, me, ctx.now, 'recording_deleted', { file: row.file_name, reason: request.reason, words: request.words, approved: true });
        // Last: a refusal above must leave the file where it was.
        removeFile(ctx.db, ctx.evidence, row, 'two_person', ctx.now);
      }
      touchCase(ctx, row.case_id);
      return toRecording(recordingRow(ctx.db, row.id)!);
    },
  }),

  'recordings.withdraw': defineHandler('recordings.withdraw', {
    run(input, ctx) {
      const row = requireRecording(ctx, input.recordingId);
      ctx.note({ caseId: row.case_id, record: `recording:${row.id}` });
      const me = viewer(ctx).userId;
      requireWithdrawable(ctx.db, row, me, ctx.now);
      logCustody(ctx, row.id, 'withdrawn', { note: input.words, sha256: row.sha256 });
      recordEvent(ctx.db, row.case_id, me, ctx.now, 'recording_withdrawn', { file: row.file_name, words: input.words });
      removeFile(ctx.db, ctx.evidence, row, 'withdrawn', ctx.now);
      touchCase(ctx, row.case_id);
      return toRecording(recordingRow(ctx.db, row.id)!);
    },
  }),

  'evidence.checkStore': defineHandler('evidence.checkStore', {
    run(_input, ctx) {
      const report = sweepOrphans(ctx.db, ctx.evidence.store, { now: ctx.now, minAgeMs: ORPHAN_MIN_AGE_MS, inProgress: ctx.evidence.transfers.receivedHashes() });
      ctx.note({ detail: `moved ${report.moved} (${report.movedBytes} bytes), spared ${report.spared}; quarantine ${report.quarantine.count} (${report.quarantine.bytes} bytes)` });
      return report;
    },
  }),
};
