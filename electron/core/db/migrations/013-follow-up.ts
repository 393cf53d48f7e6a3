import type { Migration } from '../migration';

/**
 * The follow-up after the interview: medical examinations and their tracked
 * follow-up needs, therapy (sessions, assessments, the treatment plan), case
 * review meetings with their cases and action items, and referrals to outside
 * services with their status history. Clinical text (findings, therapy notes,
 * scores, goals) sits in its own columns so the readers can leave it out.
 */
export const migration013: Migration = {
  version: 13,
  name: 'follow-up',
  up(db) {
    db.exec(`
      CREATE TABLE medical_exams (
        id                   INTEGER PRIMARY KEY,
        case_id              INTEGER NOT NULL REFERENCES cases(id),
        child_id             INTEGER NOT NULL REFERENCES persons(id),
        kind                 TEXT    NOT NULL,
        status               TEXT    NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'held', 'cancelled')),
        starts_at            TEXT    NOT NULL,
        ends_at              TEXT    NOT NULL,
        duration_minutes     INTEGER NOT NULL,
        room_id              INTEGER NOT NULL REFERENCES rooms(id),
        examiner_id          INTEGER NOT NULL REFERENCES users(id),
        interpreter_id       INTEGER REFERENCES interpreters(id),
        interpreter_language TEXT    NOT NULL DEFAULT '',
        support_person       TEXT    NOT NULL DEFAULT '',
        purpose              TEXT    NOT NULL DEFAULT '',
        cancel_reason        TEXT,
        performed_at         TEXT,
        findings             TEXT,
        team_summary         TEXT    NOT NULL DEFAULT '',
        recorded_at          TEXT,
        recorded_by          INTEGER REFERENCES users(id),
        created_at           TEXT    NOT NULL,
        created_by           INTEGER NOT NULL REFERENCES users(id),
        version              INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX medical_exams_case ON medical_exams(case_id);
      CREATE INDEX medical_exams_time ON medical_exams(starts_at);

      CREATE TABLE medical_followups (
        id          INTEGER PRIMARY KEY,
        exam_id     INTEGER NOT NULL REFERENCES medical_exams(id),
        case_id     INTEGER NOT NULL REFERENCES cases(id),
        kind        TEXT    NOT NULL,
        description TEXT    NOT NULL,
        due_date    TEXT    NOT NULL,
        result      TEXT    NOT NULL DEFAULT '',
        done_on     TEXT,
        version     INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX medical_followups_exam ON medical_followups(exam_id);
      CREATE INDEX medical_followups_pending ON medical_followups(due_date) WHERE done_on IS NULL;

      CREATE TABLE therapy_sessions (
        id               INTEGER PRIMARY KEY,
        case_id          INTEGER NOT NULL REFERENCES cases(id),
        therapist_id     INTEGER NOT NULL REFERENCES users(id),
        starts_at        TEXT    NOT NULL,
        duration_minutes INTEGER NOT NULL,
        type             TEXT    NOT NULL,
        attendance       TEXT    NOT NULL CHECK (attendance IN ('planned', 'attended', 'cancelled', 'no_show')),
        notes            TEXT    NOT NULL DEFAULT '',
        created_at       TEXT    NOT NULL,
        version          INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX therapy_sessions_case ON therapy_sessions(case_id, starts_at);

      CREATE TABLE therapy_assessments (
        id           INTEGER PRIMARY KEY,
        case_id      INTEGER NOT NULL REFERENCES cases(id),
        therapist_id INTEGER NOT NULL REFERENCES users(id),
        instrument   TEXT    NOT NULL,
        score        TEXT    NOT NULL,
        assessed_on  TEXT    NOT NULL,
        notes        TEXT    NOT NULL DEFAULT '',
        version      INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX therapy_assessments_case ON therapy_assessments(case_id);

      CREATE TABLE therapy_plans (
        case_id        INTEGER PRIMARY KEY REFERENCES cases(id),
        goals          TEXT    NOT NULL DEFAULT '[]',
        review_on      TEXT,
        shared_summary TEXT    NOT NULL DEFAULT '',
        started_on     TEXT    NOT NULL,
        updated_at     TEXT    NOT NULL,
        updated_by     INTEGER NOT NULL REFERENCES users(id),
        closed_on      TEXT,
        closure_reason TEXT,
        closure_note   TEXT    NOT NULL DEFAULT '',
        closed_by      INTEGER REFERENCES users(id),
        version        INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE TABLE meetings (
        id               INTEGER PRIMARY KEY,
        type             TEXT    NOT NULL CHECK (type IN ('initial_signal', 'follow_up', 'crisis_intervention')),
        status           TEXT    NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),
        starts_at        TEXT    NOT NULL,
        duration_minutes INTEGER NOT NULL,
        place            TEXT    NOT NULL DEFAULT '',
        chair_id         INTEGER NOT NULL REFERENCES users(id),
        members          TEXT    NOT NULL DEFAULT '[]',
        held_at          TEXT,
        cancel_reason    TEXT,
        created_at       TEXT    NOT NULL,
        created_by       INTEGER NOT NULL REFERENCES users(id),
        version          INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX meetings_time ON meetings(starts_at);

      CREATE TABLE meeting_cases (
        meeting_id INTEGER NOT NULL REFERENCES meetings(id),
        case_id    INTEGER NOT NULL REFERENCES cases(id),
        position   INTEGER NOT NULL,
        agenda     TEXT    NOT NULL DEFAULT '',
        decisions  TEXT    NOT NULL DEFAULT '',
        PRIMARY KEY (meeting_id, case_id)
      ) STRICT;
      CREATE INDEX meeting_cases_case ON meeting_cases(case_id);

      CREATE TABLE action_items (
        id         INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id),
        case_id    INTEGER NOT NULL REFERENCES cases(id),
        what       TEXT    NOT NULL,
        owner_id   INTEGER NOT NULL REFERENCES users(id),
        agency     TEXT    NOT NULL,
        due_date   TEXT    NOT NULL,
        state      TEXT    NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done')),
        done_at    TEXT,
        done_by    INTEGER REFERENCES users(id),
        note       TEXT    NOT NULL DEFAULT '',
        created_at TEXT    NOT NULL,
        created_by INTEGER NOT NULL REFERENCES users(id),
        version    INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX action_items_owner ON action_items(owner_id, state, due_date);
      CREATE INDEX action_items_case ON action_items(case_id);
      CREATE INDEX action_items_meeting ON action_items(meeting_id);

      CREATE TABLE referrals (
        id            INTEGER PRIMARY KEY,
        case_id       INTEGER NOT NULL REFERENCES cases(id),
        subject       TEXT    NOT NULL,
        person_id     INTEGER REFERENCES persons(id),
        service_kind  TEXT    NOT NULL,
        service_name  TEXT    NOT NULL,
        contact       TEXT    NOT NULL DEFAULT '',
        sent_at       TEXT    NOT NULL,
        sent_by       INTEGER NOT NULL REFERENCES users(id),
        consent_basis TEXT    NOT NULL,
        status        TEXT    NOT NULL DEFAULT 'sent' CHECK (status IN ('sent', 'accepted', 'in_progress', 'done', 'declined')),
        follow_up_on  TEXT    NOT NULL,
        notes         TEXT    NOT NULL DEFAULT '',
        version       INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX referrals_case ON referrals(case_id);
      CREATE INDEX referrals_open ON referrals(follow_up_on) WHERE status NOT IN ('done', 'declined');

      CREATE TABLE referral_history (
        id          INTEGER PRIMARY KEY,
        referral_id INTEGER NOT NULL REFERENCES referrals(id),
        at          TEXT    NOT NULL,
        user_id     INTEGER NOT NULL REFERENCES users(id),
        status      TEXT    NOT NULL,
        note        TEXT    NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX referral_history_referral ON referral_history(referral_id, id);
    `);
  },
};
