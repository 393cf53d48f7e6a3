// Interview recordings for the backup benchmark and the crash test, as
// recordings.register leaves them: the encrypted object in the evidence store, and
// its row (on a held interview of an existing case) with the custody entry. Rows,
// not uploads: the upload path is measured by bench:evidence; what matters here is
// that the store holds registered objects a backup set must carry.
import { randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Core } from '../electron/core/core';

const BLOCK = 16 * 1024 * 1024;

/** `size` bytes of one random block over and over: the cipher and the hashes do not care, and it is quick to make. */
function recordingBytes(size: number, block: Buffer): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= size) return this.push(null);
      const chunk = block.subarray(0, Math.min(block.length, size - sent));
      sent += chunk.length;
      this.push(chunk);
    },
  });
}

/** Adds recordings of `eachBytes` (the last one shorter) until `totalBytes`, one per case that has none, newest cases first. */
export async function addRecordings(core: Core, options: { totalBytes: number; eachBytes: number; username: string }): Promise<{ count: number; bytes: number }> {
  const db = core.store.db;
  const now = new Date().toISOString();
  const userId = (db.prepare('SELECT id FROM users WHERE username = ?').get(options.username) as { id: number }).id;
  const room = db.prepare("SELECT id FROM rooms WHERE kind = 'interview' ORDER BY id LIMIT 1").get() as { id: number } | undefined;
  const roomId = room?.id ?? Number(db.prepare("INSERT INTO rooms (name, kind, equipment, active) VALUES ('Interview room', 'interview', '', 1)").run().lastInsertRowid);
  const cases = db
    .prepare('SELECT id, child_id FROM cases WHERE child_id IS NOT NULL AND id NOT IN (SELECT case_id FROM recordings) ORDER BY id DESC LIMIT ?')
    .all(Math.ceil(options.totalBytes / options.eachBytes)) as { id: number; child_id: number }[];
  let bytes = 0;
  let count = 0;
  for (const c of cases) {
    const size = Math.min(options.eachBytes, options.totalBytes - bytes);
    if (size <= 0) break;
    const uploadId = randomUUID();
    // A block of its own: the content-addressed store would keep equal recordings once.
    const stored = await core.evidence.receive(uploadId, recordingBytes(size, randomBytes(Math.min(BLOCK, size))), size);
    db.transaction(() => {
      const interviewId = Number(
        db
          .prepare(
            `INSERT INTO interviews (case_id, child_id, status, starts_at, ends_at, duration_minutes, room_id, interviewer_id, created_at, created_by)
             VALUES (?, ?, 'held', ?, ?, 60, ?, ?, ?, ?)`,
          )
          .run(c.id, c.child_id, now, now, roomId, userId, now, userId).lastInsertRowid,
      );
      const recordingId = Number(
        db
          .prepare(
            `INSERT INTO recordings (interview_id, case_id, kind, file_name, format, size, duration_seconds, sha256, registered_at, registered_by, last_check_at, last_check_ok)
             VALUES (?, ?, 'main_video', ?, 'video/mp4', ?, 3600, ?, ?, ?, ?, 1)`,
          )
          .run(interviewId, c.id, `interview-${c.id}.mp4`, stored.size, stored.sha256, now, userId, now).lastInsertRowid,
      );
      db.prepare("INSERT INTO recording_custody (recording_id, at, user_id, action, sha256, note) VALUES (?, ?, ?, 'registered', ?, ?)").run(
        recordingId,
        now,
        userId,
        stored.sha256,
        `interview-${c.id}.mp4`,
      );
    })();
    core.evidence.commit(uploadId, stored.sha256);
    bytes += size;
    count++;
  }
  return { count, bytes };
}
