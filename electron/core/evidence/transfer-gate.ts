import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Readable } from 'node:stream';
import type { ApiErrorPayload, ErrorCode } from '../../../shared/contract';
import { errorStatus } from '../../../shared/contract';
import { isGranted } from '../../../shared/permissions';
import { viewOfCase } from '../access';
import { appendAudit } from '../audit';
import { iso, type Clock } from '../clock';
import type { Evidence } from '../handlers/types';
import type { Caller } from '../sessions';
import { rolesOf } from '../users';
import { isStorageFull, STORAGE_FULL_MESSAGE } from '../storage';
import { UploadTooLarge } from './evidence-store';
import { describeMedia } from './media-info';

/**
 * The two doors to the evidence store that are not contract methods, because
 * they carry bytes rather than JSON: an upload's body, and a player's reads.
 * Both only honour what a contract method opened (recordings.startUpload,
 * recordings.play) for the same session, and check again at the door.
 */

export type UploadOutcome = { ok: true; sha256: string; size: number } | { ok: false; status: number; error: ApiErrorPayload };

export interface MediaRange {
  start: number;
  end: number | null;
}

export type OpenedMedia =
  | { ok: true; status: 200 | 206; body: Readable; start: number; end: number; size: number; mediaType: string }
  | { ok: false; status: 404 | 416; message: string; size?: number };

interface GateDeps {
  db: Database;
  evidence: Evidence;
  clock: Clock;
}

function refuse(code: ErrorCode, message: string): UploadOutcome {
  return { ok: false, status: errorStatus[code], error: { code, message } };
}

export async function receiveUpload(
  deps: GateDeps & { authenticate: (token: string) => Caller | null },
  uploadId: string,
  token: string | null,
  body: Readable,
): Promise<UploadOutcome> {
  const { db, evidence, clock } = deps;
  const caller = token ? deps.authenticate(token) : null;
  if (!caller) return refuse('not_signed_in', 'Sign in first, or again: the session has ended.');
  if (caller.locked) return refuse('locked', 'This workstation is locked. Enter your password to continue.');
  const upload = evidence.transfers.upload(uploadId, clock.now().getTime());
  // Someone else's upload address is as unknown as a made-up one.
  if (!upload || upload.sessionId !== caller.sessionId) return refuse('not_found', 'There is no such upload, or it has expired.');
  if (upload.state !== 'waiting') return refuse('conflict', 'This upload has already been sent.');
  upload.state = 'receiving';
  try {
    const stored = await evidence.store.receive(upload.id, body, upload.size);
    if (stored.size !== upload.size) {
      evidence.store.discard(upload.id);
      evidence.transfers.endUpload(upload.id);
      return refuse('invalid_input', `The file arrived with ${stored.size} bytes, not the ${upload.size} announced. Upload it again.`);
    }
    const info = await describeMedia(evidence.store.readStaged(upload.id), stored.size, upload.fileName);
    upload.received = { ...stored, ...info };
    upload.state = 'received';
    db.transaction(() =>
      appendAudit(db, {
        at: iso(clock.now()),
        userId: caller.userId,
        username: caller.username,
        workstation: 'upload',
        transport: 'https',
        method: 'recordings.upload',
        caseId: upload.caseId,
        record: `interview:${upload.interviewId}`,
        outcome: 'ok',
        detail: `${stored.size} bytes sha256 ${stored.sha256}`,
      }),
    ).immediate();
    return { ok: true, sha256: stored.sha256, size: stored.size };
  } catch (error) {
    evidence.transfers.endUpload(upload.id);
    evidence.store.discard(upload.id);
    if (error instanceof UploadTooLarge) return refuse('invalid_input', error.message);
    if (isStorageFull(error)) return refuse('storage_full', STORAGE_FULL_MESSAGE);
    return refuse('invalid_input', 'The upload was interrupted. Upload the file again.');
  }
}

/** Ranges as players send them: "bytes=start-end", "bytes=start-", or "bytes=-suffix". Null when absent or not one range. */
export function parseRange(header: string | undefined, size: number): MediaRange | null | 'unsatisfiable' {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    // An empty file has no last bytes to give (RFC 9110 §14.1.3).
    return suffix === 0 || size === 0 ? 'unsatisfiable' : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

export function openMedia(deps: GateDeps, ticketId: string, rangeHeader: string | undefined): OpenedMedia {
  const { db, evidence, clock } = deps;
  const now = clock.now();
  const ticket = evidence.transfers.ticket(ticketId, now.getTime());
  const gone = { ok: false, status: 404, message: 'There is no such recording, or this viewing has ended.' } as const;
  if (!ticket) return gone;
  const session = db
    .prepare(
      `SELECT 1 FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = ? AND s.ended_at IS NULL AND s.locked_at IS NULL AND s.expires_at > ? AND u.disabled_at IS NULL`,
    )
    .get(ticket.sessionId, iso(now));
  if (!session) return gone;
  // Taken off the case, or the role changed, since the viewing began: it ends now.
  const roles = rolesOf(db, ticket.userId);
  if (!isGranted('recordings.view', roles) || viewOfCase(db, { userId: ticket.userId, roles }, ticket.caseId) !== 'full') return gone;
  const deleted = db.prepare('SELECT deleted_at FROM recordings WHERE id = ?').get(ticket.recordingId) as { deleted_at: string | null } | undefined;
  if (!deleted || deleted.deleted_at !== null || !evidence.store.has(ticket.sha256)) return gone;
  const range = parseRange(rangeHeader, ticket.size);
  if (range === 'unsatisfiable') return { ok: false, status: 416, message: 'That range is outside the recording.', size: ticket.size };
  const start = range?.start ?? 0;
  const end = range?.end ?? ticket.size - 1;
  return {
    ok: true,
    status: range ? 206 : 200,
    body: evidence.store.read(ticket.sha256, start, end),
    start,
    end,
    size: ticket.size,
    mediaType: ticket.mediaType,
  };
}
