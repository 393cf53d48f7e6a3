import type { Migration } from '../migration';

const defaultHours = JSON.stringify({
  mon: { open: true, start: '08:00', end: '18:00' },
  tue: { open: true, start: '08:00', end: '18:00' },
  wed: { open: true, start: '08:00', end: '18:00' },
  thu: { open: true, start: '08:00', end: '18:00' },
  fri: { open: true, start: '08:00', end: '18:00' },
  sat: { open: false, start: '09:00', end: '13:00' },
  sun: { open: false, start: '09:00', end: '13:00' },
});

/** The host's own zone is the best first guess for the centre's wall clock; the coordinator can change it. */
function hostTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/**
 * Forensic interviews: the resources they need, bookings, attendance, the
 * supplementary-interview requests the one-interview rule asks for, and the
 * recordings with their chain of custody. Invitations and the record of the
 * interview are small documents read and written whole, so they are JSON.
 */
export const migration012: Migration = {
  version: 12,
  name: 'interviews',
  up(db) {
    db.exec(`
      CREATE TABLE rooms (
        id        INTEGER PRIMARY KEY,
        name      TEXT    NOT NULL,
        kind      TEXT    NOT NULL CHECK (kind IN ('interview', 'observation', 'medical')),
        equipment TEXT    NOT NULL DEFAULT '',
        active    INTEGER NOT NULL DEFAULT 1,
        version   INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE TABLE interpreters (
        id        INTEGER PRIMARY KEY,
        name      TEXT    NOT NULL,
        languages TEXT    NOT NULL DEFAULT '[]',
        phone     TEXT    NOT NULL DEFAULT '',
        notes     TEXT    NOT NULL DEFAULT '',
        active    INTEGER NOT NULL DEFAULT 1,
        version   INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE TABLE interviewer_profiles (
        user_id         INTEGER PRIMARY KEY REFERENCES users(id),
        certification   TEXT    NOT NULL DEFAULT '',
        certified_until TEXT,
        protocols       TEXT    NOT NULL DEFAULT '[]',
        version         INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE TABLE schedule_rules (
        id             INTEGER PRIMARY KEY CHECK (id = 1),
        time_zone      TEXT    NOT NULL,
        hours          TEXT    NOT NULL,
        buffer_minutes INTEGER NOT NULL DEFAULT 30,
        daily_limit    INTEGER NOT NULL DEFAULT 2,
        version        INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE TABLE closed_days (
        date   TEXT PRIMARY KEY,
        reason TEXT NOT NULL DEFAULT ''
      ) STRICT;

      CREATE TABLE supplementary_requests (
        id               INTEGER PRIMARY KEY,
        case_id          INTEGER NOT NULL REFERENCES cases(id),
        child_id         INTEGER NOT NULL REFERENCES persons(id),
        reason           TEXT    NOT NULL,
        details          TEXT    NOT NULL,
        requested_at     TEXT    NOT NULL,
        requested_by     INTEGER NOT NULL REFERENCES users(id),
        state            TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'refused')),
        decider_role     TEXT,
        decider_name     TEXT,
        decided_at       TEXT,
        same_interviewer INTEGER,
        decision_note    TEXT    NOT NULL DEFAULT '',
        recorded_by      INTEGER REFERENCES users(id),
        interview_id     INTEGER UNIQUE
      ) STRICT;
      CREATE INDEX supplementary_requests_case ON supplementary_requests(case_id);

      CREATE TABLE interviews (
        id                   INTEGER PRIMARY KEY,
        case_id              INTEGER NOT NULL REFERENCES cases(id),
        child_id             INTEGER NOT NULL REFERENCES persons(id),
        supplementary_id     INTEGER REFERENCES supplementary_requests(id),
        status               TEXT    NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'held', 'cancelled')),
        starts_at            TEXT    NOT NULL,
        ends_at              TEXT    NOT NULL,
        duration_minutes     INTEGER NOT NULL,
        room_id              INTEGER NOT NULL REFERENCES rooms(id),
        observation_room_id  INTEGER REFERENCES rooms(id),
        interviewer_id       INTEGER NOT NULL REFERENCES users(id),
        interpreter_id       INTEGER REFERENCES interpreters(id),
        interpreter_language TEXT    NOT NULL DEFAULT '',
        support_person       TEXT    NOT NULL DEFAULT '',
        invitees             TEXT    NOT NULL DEFAULT '[]',
        planning             TEXT,
        record               TEXT,
        cancel_reason        TEXT,
        created_at           TEXT    NOT NULL,
        created_by           INTEGER NOT NULL REFERENCES users(id),
        version              INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX interviews_case ON interviews(case_id);
      CREATE INDEX interviews_child ON interviews(child_id);
      CREATE INDEX interviews_time ON interviews(starts_at);

      CREATE TABLE interview_attendance (
        id           INTEGER PRIMARY KEY,
        interview_id INTEGER NOT NULL REFERENCES interviews(id),
        name         TEXT    NOT NULL,
        user_id      INTEGER REFERENCES users(id),
        agency       TEXT    NOT NULL,
        role         TEXT    NOT NULL,
        location     TEXT    NOT NULL,
        arrived_at   TEXT,
        left_at      TEXT,
        absent       INTEGER NOT NULL DEFAULT 0,
        invited      INTEGER NOT NULL DEFAULT 0,
        version      INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX interview_attendance_interview ON interview_attendance(interview_id);

      CREATE TABLE recordings (
        id               INTEGER PRIMARY KEY,
        interview_id     INTEGER NOT NULL REFERENCES interviews(id),
        case_id          INTEGER NOT NULL REFERENCES cases(id),
        kind             TEXT    NOT NULL,
        file_name        TEXT    NOT NULL,
        format           TEXT    NOT NULL DEFAULT '',
        size             INTEGER NOT NULL,
        duration_seconds REAL,
        sha256           TEXT    NOT NULL,
        registered_at    TEXT    NOT NULL,
        registered_by    INTEGER NOT NULL REFERENCES users(id),
        deleted_at       TEXT,
        last_check_at    TEXT,
        last_check_ok    INTEGER
      ) STRICT;
      CREATE INDEX recordings_interview ON recordings(interview_id);
      CREATE INDEX recordings_hash ON recordings(sha256);

      CREATE TABLE recording_custody (
        id               INTEGER PRIMARY KEY,
        recording_id     INTEGER NOT NULL REFERENCES recordings(id),
        at               TEXT    NOT NULL,
        user_id          INTEGER REFERENCES users(id),
        action           TEXT    NOT NULL,
        copy_id          INTEGER,
        recipient        TEXT    NOT NULL DEFAULT '',
        recipient_agency TEXT    NOT NULL DEFAULT '',
        medium           TEXT    NOT NULL DEFAULT '',
        purpose          TEXT    NOT NULL DEFAULT '',
        note             TEXT    NOT NULL DEFAULT '',
        sha256           TEXT
      ) STRICT;
      CREATE INDEX recording_custody_recording ON recording_custody(recording_id, id);
    `);
    db.prepare('INSERT INTO schedule_rules (id, time_zone, hours) VALUES (1, ?, ?)').run(hostTimeZone(), defaultHours);
  },
};
