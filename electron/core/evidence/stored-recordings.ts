import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * The content hashes of every recording whose file the evidence store must
 * hold: what the orphan sweep spares, a backup copies, a verification decrypts
 * and a rekey re-encrypts. A schema from before recordings names none.
 */
export function storedRecordingHashes(db: Database): string[] {
  if (!db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'recordings'").get()) return [];
  return (db.prepare('SELECT DISTINCT sha256 FROM recordings WHERE deleted_at IS NULL').all() as { sha256: string }[]).map((r) => r.sha256);
}
