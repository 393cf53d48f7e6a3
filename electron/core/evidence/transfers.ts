import { randomBytes } from 'node:crypto';

/** An upload a user asked for: bound to their session and one interview, until it is registered or expires. */
export interface PendingUpload {
  id: string;
  interviewId: number;
  caseId: number;
  fileName: string;
  size: number;
  userId: number;
  sessionId: string;
  expiresAt: number;
  state: 'waiting' | 'receiving' | 'received';
  received: { sha256: string; size: number; format: string; durationSeconds: number | null } | null;
}

/** A viewing opened by recordings.play: the address a player may stream from, for this session only. */
export interface PlaybackTicket {
  id: string;
  recordingId: number;
  caseId: number;
  sha256: string;
  size: number;
  mediaType: string;
  userId: number;
  sessionId: string;
  expiresAt: number;
}

export const UPLOAD_TTL_MS = 6 * 60 * 60 * 1000;
export const PLAYBACK_TTL_MS = 4 * 60 * 60 * 1000;

/**
 * Uploads and playback tickets live in memory only: a restart ends them, and
 * their ids are unguessable (256 bits), so knowing an address is not enough
 * without the session it was issued to.
 */
export class Transfers {
  private readonly uploads = new Map<string, PendingUpload>();
  private readonly tickets = new Map<string, PlaybackTicket>();

  /** `now` is the core's clock, which set `expiresAt`: expiry and clearing out must agree. */
  newUpload(upload: Omit<PendingUpload, 'id' | 'state' | 'received'>, now: number): PendingUpload {
    this.sweep(now);
    const entry: PendingUpload = { ...upload, id: randomBytes(32).toString('base64url'), state: 'waiting', received: null };
    this.uploads.set(entry.id, entry);
    return entry;
  }

  upload(id: string, now: number): PendingUpload | null {
    const entry = this.uploads.get(id);
    if (!entry || entry.expiresAt <= now) return null;
    return entry;
  }

  /** Content received and not yet registered: its object may be in the store before its recording row is. */
  receivedHashes(): string[] {
    return [...this.uploads.values()].flatMap((upload) => (upload.received ? [upload.received.sha256] : []));
  }

  endUpload(id: string): void {
    this.uploads.delete(id);
  }

  newTicket(ticket: Omit<PlaybackTicket, 'id'>, now: number): PlaybackTicket {
    this.sweep(now);
    const entry: PlaybackTicket = { ...ticket, id: randomBytes(32).toString('base64url') };
    this.tickets.set(entry.id, entry);
    return entry;
  }

  ticket(id: string, now: number): PlaybackTicket | null {
    const entry = this.tickets.get(id);
    if (!entry || entry.expiresAt <= now) return null;
    return entry;
  }

  /** Ends every ticket for a recording (deleted, or found altered). */
  revoke(recordingId: number): void {
    for (const [id, ticket] of this.tickets) if (ticket.recordingId === recordingId) this.tickets.delete(id);
  }

  private sweep(now: number): void {
    for (const [id, upload] of this.uploads) if (upload.expiresAt <= now && upload.state !== 'receiving') this.uploads.delete(id);
    for (const [id, ticket] of this.tickets) if (ticket.expiresAt <= now) this.tickets.delete(id);
  }
}
