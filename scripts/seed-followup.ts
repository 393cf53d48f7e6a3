// The follow-up of demo cases (scripts/seed-data.ts): medical examinations with
// their follow-up needs, therapy (plan, sessions, assessments), case review
// meetings with action items, referrals to outside services with their history,
// and the consents they rest on. Rows are written with the SQL of the handlers
// (electron/core/handlers/medical.ts, therapy.ts, meetings.ts, referrals.ts),
// minus the checks a seed does not need; timeline entries go back to the case's
// generator, which writes them in time order with its own.
import os from 'node:os';
import { TZDate } from '@date-fns/tz';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { MeetingMember } from '../shared/contract/followup-records';
import type { ScheduleRules } from '../shared/contract/interview-records';
import type { TimelineEntry } from '../shared/contract/methods/case-workflow';
import type { ExamKind, MedicalFollowupKind, MeetingAgency, MeetingType, ReferralStatus, ServiceKind, TherapyClosureReason, TherapySessionType } from '../shared/followup/categories';
import { appendAudit } from '../electron/core/audit';
import type { TimelineKind } from '../electron/core/cases/timeline';
import { iso } from '../electron/core/clock';
import { readRules } from '../electron/core/interviews/resources';
import type { Random } from './seed-data';
import {
  actions,
  agendas,
  cancelReasons,
  closureNotes,
  decisions,
  examFindings,
  followupNeeds,
  followupResults,
  goals,
  instruments,
  missedNotes,
  outsideMembers,
  referralNotes,
  services,
  sessionNotes,
  sharedSummaries,
  teamSummaries,
  type ActionAgency,
} from './seed-followup-texts';
import { bulgarianSurname, bulgarianSurnames, cities, firstNames, plainSurnames } from './seed-names';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365.25 * DAY;

/** A timeline entry the case generator writes in order with the case's own. */
export interface PendingEvent {
  at: number;
  userId: number | null;
  kind: TimelineKind;
  data: TimelineEntry['data'];
}

// ---------------------------------------------------------------- who does the follow-up

interface Colleague {
  id: number;
  name: string;
  agency: MeetingAgency;
}

type StaffRole = 'coordinator' | 'police' | 'child_protection' | 'medical' | 'therapist';
const staffRoles: readonly StaffRole[] = ['coordinator', 'police', 'child_protection', 'medical', 'therapist'];

/** The agency an action item is owned for, by the owner's role. */
const actionAgency: Record<StaffRole, ActionAgency> = {
  coordinator: 'barnahus_staff',
  police: 'police',
  child_protection: 'child_protection',
  medical: 'medical',
  therapist: 'therapy',
};

interface Staff {
  byRole: Record<StaffRole, Colleague[]>;
  /** Officers and social workers come from many local offices: a few carry many cases, most a few (Zipf-like). */
  police: [Colleague, number][];
  protection: [Colleague, number][];
}

const meetingAgencyOf = (agency: string): MeetingAgency =>
  (['police', 'prosecution', 'court', 'child_protection', 'medical', 'therapy', 'barnahus_staff'] as const).find((a) => a === agency) ?? 'other';

function readStaff(db: Database): Staff {
  const byRole = Object.fromEntries(staffRoles.map((r) => [r, [] as Colleague[]])) as Record<StaffRole, Colleague[]>;
  const rows = db
    .prepare(
      `SELECT u.id, u.display_name AS name, u.agency, r.role FROM users u JOIN user_roles r ON r.user_id = u.id
        WHERE u.disabled_at IS NULL AND r.role IN (${staffRoles.map(() => '?').join(', ')}) ORDER BY u.id`,
    )
    .all(...staffRoles) as { id: number; name: string; agency: string; role: StaffRole }[];
  for (const row of rows) byRole[row.role].push({ id: row.id, name: row.name, agency: meetingAgencyOf(row.agency) });
  const zipf = (list: Colleague[]) => list.map((c, i): [Colleague, number] => [c, 1 / (i + 1) ** 0.9]);
  return { byRole, police: zipf(byRole.police), protection: zipf(byRole.child_protection) };
}

/** What this centre's accounts cannot give the demo follow-up, in words for the seed's summary. */
export function missingStaff(db: Database): string[] {
  const { byRole } = readStaff(db);
  const missing: string[] = [];
  if (byRole.medical.length === 0) missing.push('no enabled user with the medical role: no medical examinations');
  if (byRole.therapist.length === 0) missing.push('no enabled therapist: no therapy');
  if (byRole.police.length === 0) missing.push('no enabled police officer on the case teams');
  if (byRole.child_protection.length === 0) missing.push('no enabled child protection worker on the case teams');
  return missing;
}

// ---------------------------------------------------------------- the centre's clock

const weekdayKeys = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Local days and office hours on the centre's wall clock (schedule_rules), offsets cached per hour. */
class CentreClock {
  private readonly offsets = new Map<number, number>();

  constructor(
    private readonly zone: string,
    private readonly hours: ScheduleRules['hours'],
  ) {}

  /** Milliseconds to add to UTC for the wall clock at `ms`. */
  offset(ms: number): number {
    const hour = Math.floor(ms / HOUR);
    let offset = this.offsets.get(hour);
    if (offset === undefined) {
      offset = -new TZDate(hour * HOUR, this.zone).getTimezoneOffset() * MINUTE;
      this.offsets.set(hour, offset);
    }
    return offset;
  }

  /** Days since 1970-01-01 on the wall clock. */
  day(ms: number): number {
    return Math.floor((ms + this.offset(ms)) / DAY);
  }

  date(ms: number): string {
    return new Date(ms + this.offset(ms)).toISOString().slice(0, 10);
  }

  /** The moment of `minutes` past midnight of local day `day`. */
  at(day: number, minutes: number): number {
    const local = day * DAY + minutes * MINUTE;
    const guess = local - this.offset(local);
    return local - this.offset(guess);
  }

  /** Midday of a YYYY-MM-DD on the wall clock: when something "done on" that day happened. */
  noonOf(date: string): number {
    return this.at(Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY), 12 * 60);
  }

  /** The first start at or after `ms`, on a `step`-minute boundary, with `duration` minutes left before the centre closes. */
  officeSlot(ms: number, duration: number, step = 30): number {
    let day = this.day(ms);
    let from = Math.ceil((ms - this.at(day, 0)) / MINUTE / step) * step;
    for (let i = 0; i < 30; i++, day++, from = 0) {
      const hours = this.hours[weekdayKeys[((day % 7) + 11) % 7]!];
      if (!hours.open) continue;
      const start = Math.max(from, minutesOf(hours.start));
      if (start + duration <= minutesOf(hours.end)) return this.at(day, start);
    }
    return ms;
  }
}

// ---------------------------------------------------------------- rooms and interpreters

interface Resources {
  rooms: { id: number; name: string }[];
  /** An active interpreter for each language, by lower-cased language. */
  interpreters: Map<string, number>;
}

/**
 * Exams need a medical room, and a child who needs an interpreter needs one
 * there too. A centre without them gets demo ones, enough rooms for the exams
 * expected (about 6 a day a room), and the audit log says so.
 */
function ensureResources(db: Database, casesPerDay: number, now: Date, seed: string | number): Resources {
  const created: string[] = [];
  let rooms = db.prepare("SELECT id, name FROM rooms WHERE kind = 'medical' AND active = 1 ORDER BY id").all() as Resources['rooms'];
  if (rooms.length === 0) {
    // Exams fall on working days: 7/5 of the daily average.
    const count = Math.max(1, Math.ceil((casesPerDay * 0.6 * 7) / 5 / 6));
    for (let i = 1; i <= count; i++) {
      db.prepare("INSERT INTO rooms (name, kind, equipment, active) VALUES (?, 'medical', ?, 1)").run(count === 1 ? 'Medical room' : `Medical room ${i}`, 'Examination couch, colposcope with camera, child-sized equipment');
    }
    created.push(`${count} medical room${count === 1 ? '' : 's'}`);
    rooms = db.prepare("SELECT id, name FROM rooms WHERE kind = 'medical' AND active = 1 ORDER BY id").all() as Resources['rooms'];
  }
  const interpreters = new Map<string, number>();
  for (const row of db.prepare('SELECT id, languages FROM interpreters WHERE active = 1 ORDER BY id').all() as { id: number; languages: string }[]) {
    for (const language of JSON.parse(row.languages) as string[]) if (!interpreters.has(language.toLowerCase())) interpreters.set(language.toLowerCase(), row.id);
  }
  const wanted: [string, string, string][] = [
    ['Bulgarian', 'Elena Dimitrova', '+359 88 412 3301'],
    ['English', 'Andrew Collins', '0744 120 560'],
    ['Romani', 'Marian Stoica', '0725 301 844'],
    ['Romanian', 'Svetla Petrova', '+359 87 204 1190'],
    ['Turkish', 'Ayşe Yılmaz', '+359 89 660 2071'],
  ];
  for (const [language, name, phone] of wanted) {
    if (interpreters.has(language.toLowerCase())) continue;
    const { lastInsertRowid } = db.prepare('INSERT INTO interpreters (name, languages, phone, active) VALUES (?, ?, ?, 1)').run(name, JSON.stringify([language]), phone);
    interpreters.set(language.toLowerCase(), Number(lastInsertRowid));
    created.push(`interpreter (${language})`);
  }
  if (created.length > 0) {
    appendAudit(db, {
      at: iso(now),
      userId: null,
      username: null,
      workstation: `seed script on ${os.hostname()}`,
      transport: 'script',
      method: 'seed.resources',
      caseId: null,
      record: null,
      outcome: 'ok',
      detail: `demo data for the follow-up: ${created.join(', ')} (seed ${seed})`,
    });
  }
  return { rooms, interpreters };
}

// ---------------------------------------------------------------- one case

interface CaseFacts {
  id: number;
  child_id: number;
  coordinator_id: number | null;
  created_by: number;
  created_at: string;
  urgency: string;
  referral_source: string;
  violence_types: string;
  interview_done_at: string | null;
  closed_at: string | null;
  police_file: string;
  child_protection_file: string;
  gender: string | null;
  birth_date: string | null;
  last_name: string;
  interpreter_needed: number;
  interpreter_language: string;
}

interface Adult {
  person_id: number;
  relationship: string;
  legal_guardian: number;
  alleged_perpetrator: number;
  birth_date: string | null;
  name: string;
}

interface Member {
  who: Colleague;
  role: StaffRole;
  at: number;
}

interface Meeting {
  id: number;
  type: MeetingType;
  startsAt: number;
  heldAt: number | null;
  cancelReason: string | null;
  chair: Colleague;
  createdAt: number;
  cases: number;
}

export interface FollowUpCounts {
  cases: number;
  exams: number;
  examsUnrecorded: number;
  followupNeeds: number;
  therapies: number;
  sessions: number;
  meetings: number;
  actionItems: number;
  actionItemsOverdue: number;
  referrals: number;
  referralsOverdue: number;
  consents: number;
  teamMembers: number;
}

export interface FollowUpPlanner {
  /** Writes the follow-up of a case just registered and moved along; its timeline entries go into `events`. */
  add(caseId: number, events: PendingEvent[]): void;
  readonly counts: FollowUpCounts;
  /** What could not be seeded for want of colleagues with the role. */
  readonly missing: string[];
}

export interface PlannerOptions {
  rng: Random;
  now: Date;
  seed: string | number;
  /** How many cases a day the run registers: sizes the demo medical rooms. */
  casesPerDay: number;
}

/** The follow-up generator for one seeding run: staff and resources read once, weekly meetings shared between cases. */
export function followUpPlanner(db: Database, options: PlannerOptions): FollowUpPlanner {
  const { rng } = options;
  const nowMs = options.now.getTime();
  const staff = readStaff(db);
  const rules = readRules(db);
  const clock = new CentreClock(rules.timeZone, rules.hours);
  const resources = staff.byRole.medical.length > 0 ? ensureResources(db, options.casesPerDay, options.now, options.seed) : { rooms: [], interpreters: new Map<string, number>() };
  const counts: FollowUpCounts = {
    cases: 0, exams: 0, examsUnrecorded: 0, followupNeeds: 0, therapies: 0, sessions: 0, meetings: 0, actionItems: 0, actionItemsOverdue: 0, referrals: 0, referralsOverdue: 0, consents: 0, teamMembers: 0,
  };
  const today = clock.date(nowMs);

  const sql = {
    facts: db.prepare(
      `SELECT c.id, c.child_id, c.coordinator_id, c.created_by, c.created_at, c.urgency, c.referral_source,
              c.violence_types, c.interview_done_at, c.closed_at, c.police_file, c.child_protection_file,
              p.gender, p.birth_date, p.last_name, p.interpreter_needed, p.interpreter_language
         FROM cases c JOIN persons p ON p.id = c.child_id WHERE c.id = ?`,
    ),
    adults: db.prepare(
      `SELECT l.person_id, l.relationship, l.legal_guardian, l.alleged_perpetrator, p.birth_date, trim(p.first_name || ' ' || p.last_name) AS name
         FROM case_people l JOIN persons p ON p.id = l.person_id WHERE l.case_id = ? ORDER BY l.added_at, l.person_id`,
    ),
    team: db.prepare('SELECT user_id FROM case_team WHERE case_id = ?'),
    member: db.prepare('INSERT OR IGNORE INTO case_team (case_id, user_id, added_at, added_by) VALUES (?, ?, ?, ?)'),
    consent: db.prepare('INSERT INTO case_consents (case_id, scope, decision, person_id, at, note, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    exam: db.prepare(
      `INSERT INTO medical_exams (case_id, child_id, kind, status, starts_at, ends_at, duration_minutes, room_id, examiner_id, interpreter_id, interpreter_language,
         support_person, purpose, cancel_reason, performed_at, findings, team_summary, recorded_at, recorded_by, created_at, created_by, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    followup: db.prepare('INSERT INTO medical_followups (exam_id, case_id, kind, description, due_date, result, done_on, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    session: db.prepare(
      'INSERT INTO therapy_sessions (case_id, therapist_id, starts_at, duration_minutes, type, attendance, notes, created_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    assessment: db.prepare('INSERT INTO therapy_assessments (case_id, therapist_id, instrument, score, assessed_on, notes) VALUES (?, ?, ?, ?, ?, ?)'),
    plan: db.prepare(
      `INSERT INTO therapy_plans (case_id, goals, review_on, shared_summary, started_on, updated_at, updated_by, closed_on, closure_reason, closure_note, closed_by, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    meeting: db.prepare(
      `INSERT INTO meetings (type, status, starts_at, duration_minutes, place, chair_id, members, held_at, cancel_reason, created_at, created_by, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    agenda: db.prepare('INSERT INTO meeting_cases (meeting_id, case_id, position, agenda, decisions) VALUES (?, ?, ?, ?, ?)'),
    action: db.prepare(
      `INSERT INTO action_items (meeting_id, case_id, what, owner_id, agency, due_date, state, done_at, done_by, note, created_at, created_by, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    referral: db.prepare(
      `INSERT INTO referrals (case_id, subject, person_id, service_kind, service_name, contact, sent_at, sent_by, consent_basis, status, follow_up_on, notes, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    history: db.prepare('INSERT INTO referral_history (referral_id, at, user_id, status, note) VALUES (?, ?, ?, ?, ?)'),
    touch: db.prepare('UPDATE cases SET version = version + ?, updated_at = CASE WHEN updated_at IS NULL OR updated_at < ? THEN ? ELSE updated_at END WHERE id = ?'),
  };

  /** Half-hour slots taken, per room, examiner and interpreter: the calendar shows no double booking. */
  const taken = new Set<string>();
  /** The weekly review meeting of each chair: key chair:day:n. */
  const weekly = new Map<string, Meeting>();

  function add(caseId: number, events: PendingEvent[]): void {
    const c = sql.facts.get(caseId) as CaseFacts;
    const adults = sql.adults.all(caseId) as Adult[];
    const registered = Date.parse(c.created_at);
    const interviewed = c.interview_done_at ? Date.parse(c.interview_done_at) : null;
    const closed = c.closed_at ? Date.parse(c.closed_at) : null;
    /** Nothing after the case closed or after now. */
    const end = Math.min(closed ?? Infinity, nowMs);
    const types = JSON.parse(c.violence_types) as string[];
    const jurisdiction: 'ro' | 'bg' = /[\u0400-\u04ff]/.test(`${c.last_name}${c.police_file}${c.child_protection_file}`) ? 'bg' : 'ro';
    const city = rng.pick(cities[jurisdiction]);
    const coordinator = staff.byRole.coordinator.find((s) => s.id === (c.coordinator_id ?? c.created_by)) ?? rng.pick(staff.byRole.coordinator);
    const manager = c.coordinator_id ?? c.created_by;
    const ageAt = (ms: number) => (c.birth_date ? (ms - Date.parse(c.birth_date)) / YEAR : 10);
    const guardian = adults.find((a) => a.legal_guardian === 1 && a.alleged_perpetrator === 0) ?? null;
    let changes = 0;
    let latest = registered;

    const event = (at: number, userId: number | null, kind: TimelineKind, data: TimelineEntry['data'] = {}) => {
      const when = Math.min(at, nowMs - MINUTE);
      events.push({ at: when, userId, kind, data });
      changes++;
      latest = Math.max(latest, when);
    };

    // ---- the team: who is on the case, since when
    const team: Member[] = (sql.team.all(caseId) as { user_id: number }[]).flatMap(({ user_id }) => {
      const who = staff.byRole.coordinator.find((s) => s.id === user_id);
      return who ? [{ who, role: 'coordinator' as const, at: registered }] : [];
    });
    const join = (who: Colleague, role: StaffRole, at: number) => {
      if (team.some((m) => m.who.id === who.id) || at > end) return;
      sql.member.run(caseId, who.id, iso(new Date(at)), manager);
      team.push({ who, role, at });
      event(at, manager, 'member_added', { name: who.name });
      counts.teamMembers++;
    };
    const membersAt = (at: number) => team.filter((m) => m.at <= at);

    const crime = types.some((t) => t === 'sexual' || t === 'physical' || t === 'trafficking');
    if (staff.police.length > 0 && rng.chance(c.referral_source === 'police' || c.referral_source === 'court_prosecutor' ? 0.9 : crime ? 0.6 : 0.2)) {
      join(rng.weighted(staff.police), 'police', registered + rng.between(1, 30) * HOUR);
    }
    if (staff.protection.length > 0 && rng.chance(c.referral_source === 'social_services' || types.includes('neglect') ? 0.95 : 0.7)) {
      join(rng.weighted(staff.protection), 'child_protection', registered + rng.between(2, 48) * HOUR);
    }

    // ---- consents: information sharing early on; the exam's and therapy's when they come
    const consent = (scope: 'information_sharing' | 'medical_exam' | 'therapy', at: number, decision: 'given' | 'refused') => {
      if (at > end) return;
      const by = guardian && rng.chance(0.9) ? guardian : null;
      const when = iso(new Date(at));
      sql.consent.run(caseId, scope, decision, by?.person_id ?? null, when, '', iso(new Date(Math.min(at + rng.between(0.1, 4) * HOUR, nowMs - MINUTE))), manager);
      event(at, manager, 'consent_recorded', { scope, decision, by: by?.name ?? null });
      counts.consents++;
    };
    const sharingAt = registered + rng.between(3, 96) * HOUR;
    const sharing = rng.chance(0.9) && sharingAt < end ? (rng.chance(0.88) ? 'given' : 'refused') : null;
    if (sharing) consent('information_sharing', sharingAt, sharing);

    // ---- case review meetings and their action items
    const actionItems = (meeting: Meeting, count: number) => {
      if (meeting.heldAt === null) return;
      const people = membersAt(meeting.startsAt);
      for (let i = 0; i < count && people.length > 0; i++) {
        const owner = rng.pick(people);
        const agency = actionAgency[owner.role];
        const what = rng.pick(actions[agency]);
        const dueDay = clock.day(meeting.startsAt) + rng.int(2, 21);
        const due = clock.date(clock.at(dueDay, 12 * 60));
        const dueEnd = clock.at(dueDay + 1, 0);
        // Most are done around their due date; on open cases some run late and stay open.
        let doneAt: number | null = meeting.heldAt + rng.between(0.3, 1.4) * (dueEnd - meeting.heldAt);
        const stillOpen = closed === null && (dueEnd < nowMs ? rng.chance(0.12) : rng.chance(0.6));
        if (stillOpen || doneAt > end) doneAt = closed !== null && rng.chance(0.97) ? closed - rng.between(0, 2) * DAY : null;
        if (doneAt !== null && doneAt <= meeting.heldAt) doneAt = null;
        const doneBy = doneAt === null ? null : rng.chance(0.9) ? owner.who : meeting.chair;
        sql.action.run(
          meeting.id, caseId, what, owner.who.id, agency, due, doneAt === null ? 'open' : 'done', doneAt === null ? null : iso(new Date(doneAt)), doneBy?.id ?? null,
          doneAt !== null && rng.chance(0.3) ? 'Done; details in the case notes.' : '', iso(new Date(meeting.heldAt)), meeting.chair.id, doneAt === null ? 0 : 1,
        );
        event(meeting.heldAt, meeting.chair.id, 'action_item_created', { what, owner: owner.who.name, due });
        if (doneAt !== null && doneBy) event(doneAt, doneBy.id, 'action_item_done', { what, by: doneBy.name });
        counts.actionItems++;
        if (doneAt === null && dueEnd < nowMs) counts.actionItemsOverdue++;
      }
    };

    const newMeeting = (type: MeetingType, startsAt: number, duration: number, chair: Colleague, createdAt: number): Meeting => {
      const heldAt = startsAt + duration * MINUTE < nowMs ? Math.min(startsAt + duration * MINUTE + rng.between(0.2, 20) * HOUR, nowMs - MINUTE) : null;
      const cancelled = heldAt !== null && rng.chance(0.04);
      const people = [...new Map([chair, ...membersAt(startsAt).map((m) => m.who)].map((p) => [p.id, p])).values()];
      const members: MeetingMember[] = people.map((p) => ({ userId: p.id, name: p.name, agency: p.agency, present: p.id === chair.id || rng.chance(0.9) }));
      for (let i = rng.int(0, 2); i > 0; i--) {
        const outside = rng.pick(outsideMembers);
        const sex = rng.chance(0.7) ? 'female' : 'male';
        const surname = jurisdiction === 'bg' ? bulgarianSurname(rng.pick(bulgarianSurnames), sex) : rng.pick(plainSurnames.ro);
        members.push({ userId: null, name: `${rng.pick(firstNames[jurisdiction][sex])} ${surname} (${outside.title})`, agency: outside.agency, present: rng.chance(0.8) });
      }
      const place = rng.weighted([['Barnahus meeting room', 6], ['Video call', 3], [jurisdiction === 'bg' ? `Д „СП“ – ${city}` : `DGASPC ${city}`, 1]] as const);
      const status = heldAt === null ? 'planned' : cancelled ? 'cancelled' : 'held';
      const cancelReason = cancelled ? rng.pick(['Too few members could come; convened again.', 'The police officer was called to an emergency.', 'Postponed at the family’s request.']) : null;
      const created = Math.min(createdAt, startsAt - 10 * MINUTE, nowMs - MINUTE);
      const { lastInsertRowid } = sql.meeting.run(
        type, status, iso(new Date(startsAt)), duration, place, chair.id, JSON.stringify(members), status === 'held' ? iso(new Date(heldAt!)) : null, cancelReason,
        iso(new Date(created)), chair.id, status === 'planned' ? 0 : 1,
      );
      counts.meetings++;
      return { id: Number(lastInsertRowid), type, startsAt, heldAt: status === 'held' ? heldAt : null, cancelReason, chair, createdAt: created, cases: 0 };
    };

    const putOnAgenda = (meeting: Meeting, addedAt: number, items: number) => {
      const held = meeting.heldAt !== null;
      sql.agenda.run(meeting.id, caseId, meeting.cases++, rng.pick(agendas[meeting.type]), held ? rng.pick(decisions[meeting.type]) : '');
      const at = iso(new Date(meeting.startsAt));
      const scheduled = Math.max(addedAt, registered);
      event(scheduled, meeting.chair.id, 'meeting_scheduled', { type: meeting.type, at });
      if (held) {
        event(meeting.heldAt!, meeting.chair.id, 'meeting_held', { type: meeting.type, at, decisions: 'yes' });
        actionItems(meeting, items);
      } else if (meeting.cancelReason !== null) {
        event(Math.max(scheduled + MINUTE, meeting.startsAt + rng.between(-20, 1) * HOUR), meeting.chair.id, 'meeting_cancelled', { type: meeting.type, at, reason: meeting.cancelReason });
      }
    };

    // The initial signal meeting, convened within a day or two of the referral (the Coordination Mechanism's first meeting).
    if (staff.byRole.coordinator.length > 0 && rng.chance(0.85)) {
      const startsAt = clock.officeSlot(registered + rng.logNormal(18 * HOUR, 0.5), 60);
      if (startsAt < (closed ?? Infinity)) {
        const meeting = newMeeting('initial_signal', startsAt, 60, coordinator, registered + rng.between(0.2, 3) * HOUR);
        putOnAgenda(meeting, meeting.createdAt, rng.int(1, 3));
      }
    }

    // ---- medical examinations
    const exam = (kind: ExamKind, after: number): { heldAt: number } | null => {
      if (resources.rooms.length === 0 || staff.byRole.medical.length === 0) return null;
      const duration = kind === 'follow_up' ? 30 : rng.pick([45, 60, 60, 90]);
      const preferred = rng.pick(staff.byRole.medical);
      const needsInterpreter = c.interpreter_needed === 1;
      const language = needsInterpreter ? c.interpreter_language : '';
      const interpreterId = needsInterpreter ? (resources.interpreters.get(language.toLowerCase()) ?? null) : null;
      // The first half-hour from `after`, within about a month, where a room, an examiner and the interpreter are all
      // free for the whole exam; a centre whose doctors are booked up examines fewer children.
      let slot: { startsAt: number; room: { id: number; name: string }; examiner: Colleague } | null = null;
      let startsAt = clock.officeSlot(after, duration);
      for (let tries = 0; tries < 600 && slot === null; tries++, startsAt = clock.officeSlot(startsAt + 30 * MINUTE, duration)) {
        const slots = Array.from({ length: Math.ceil(duration / 30) }, (_, i) => Math.floor(startsAt / (30 * MINUTE)) + i);
        const free = (key: string) => slots.every((s) => !taken.has(`${key}:${s}`));
        if (interpreterId !== null && !free(`i${interpreterId}`)) continue;
        const room = resources.rooms.find((x) => free(`r${x.id}`));
        const examiner = free(`e${preferred.id}`) ? preferred : staff.byRole.medical.find((x) => free(`e${x.id}`));
        if (!room || !examiner) continue;
        for (const s of slots) {
          taken.add(`r${room.id}:${s}`).add(`e${examiner.id}:${s}`);
          if (interpreterId !== null) taken.add(`i${interpreterId}:${s}`);
        }
        slot = { startsAt, room, examiner };
      }
      if (slot === null || slot.startsAt > (closed ?? Infinity)) return null;
      ({ startsAt } = slot);
      const { room, examiner } = slot;
      const endsAt = startsAt + duration * MINUTE;
      const bookedAt = Math.max(registered + 10 * MINUTE, Math.min(startsAt - rng.between(2, 96) * HOUR, nowMs - MINUTE));
      const refused = rng.chance(0.02);
      consent('medical_exam', Math.max(registered + 5 * MINUTE, bookedAt - rng.between(0.5, 6) * HOUR), refused ? 'refused' : 'given');
      join(examiner, 'medical', bookedAt);
      const past = startsAt < nowMs;
      const recent = nowMs - endsAt < 21 * DAY;
      const status = !past ? 'scheduled' : refused || rng.chance(0.03) ? 'cancelled' : closed === null && rng.chance(recent ? 0.15 : 0.005) ? 'scheduled' : 'held';
      const performedAt = startsAt + rng.int(0, 15) * MINUTE;
      const recordedAt = Math.min(performedAt + rng.logNormal(6 * HOUR, 1), end - MINUTE);
      const held = status === 'held' && recordedAt > performedAt;
      const cancelReason = status === 'cancelled' ? (refused ? 'The mother refused consent to the examination.' : rng.pick(cancelReasons)) : null;
      const supportPerson = guardian && rng.chance(0.7) ? guardian.name : '';
      const purpose = kind === 'follow_up' ? 'Check healing and go through the test results.' : types.includes('sexual') ? 'Forensic examination after a disclosure of sexual abuse; STI tests.' : 'Document injuries and the child’s general health.';
      const { lastInsertRowid } = sql.exam.run(
        caseId, c.child_id, kind, held ? 'held' : status === 'held' ? 'scheduled' : status, iso(new Date(startsAt)), iso(new Date(endsAt)), duration, room.id, examiner.id,
        interpreterId, interpreterId === null ? '' : language, supportPerson, purpose, cancelReason,
        held ? iso(new Date(performedAt)) : null, held ? rng.pick(examFindings[kind]) : null, held ? rng.pick(teamSummaries) : '',
        held ? iso(new Date(recordedAt)) : null, held ? examiner.id : null, iso(new Date(bookedAt)), manager, held || status === 'cancelled' ? 1 : 0,
      );
      counts.exams++;
      event(bookedAt, manager, 'medical_exam_scheduled', { at: iso(new Date(startsAt)), room: room.name, examiner: examiner.name });
      if (status === 'cancelled') event(Math.max(bookedAt + MINUTE, Math.min(startsAt - rng.between(0, 20) * HOUR, end)), manager, 'medical_exam_cancelled', { reason: cancelReason });
      if (!held) {
        if (past && status !== 'cancelled') counts.examsUnrecorded++;
        return null;
      }
      event(recordedAt, examiner.id, 'medical_exam_held', { at: iso(new Date(performedAt)) });
      if (rng.chance(0.35)) {
        for (let i = rng.int(1, 2); i > 0; i--) {
          const need = rng.weighted<MedicalFollowupKind>([['laboratory_test', 35], ['specialist_referral', 20], ['imaging', 12], ['treatment', 12], ['vaccination', 10], ['other', 11]]);
          const dueDay = clock.day(performedAt) + rng.int(5, 40);
          const due = clock.date(clock.at(dueDay, 12 * 60));
          const overdue = due < today;
          const done = closed !== null ? rng.chance(0.97) : overdue ? rng.chance(0.8) : rng.chance(0.2);
          let doneOn = done ? clock.date(clock.at(dueDay + rng.int(-4, 6), 12 * 60)) : null;
          if (doneOn !== null && (doneOn > today || doneOn <= clock.date(performedAt) || clock.noonOf(doneOn) > end)) doneOn = closed !== null ? clock.date(end) : null;
          sql.followup.run(lastInsertRowid, caseId, need, rng.pick(followupNeeds[need]), due, doneOn ? rng.pick(followupResults) : '', doneOn, doneOn ? 1 : 0);
          event(recordedAt, examiner.id, 'medical_followup_added', { kind: need, due });
          if (doneOn) event(Math.max(clock.noonOf(doneOn), recordedAt + MINUTE), examiner.id, 'medical_followup_done', { kind: need });
          counts.followupNeeds++;
        }
      }
      return { heldAt: performedAt };
    };

    const sexualOrPhysical = types.includes('sexual') || types.includes('physical');
    const examKind = (): ExamKind => {
      if (types.includes('sexual')) return c.gender === 'female' && ageAt(registered) >= 12 && rng.chance(0.5) ? 'gynaecological' : 'forensic';
      return types.includes('physical') ? 'forensic' : 'paediatric';
    };
    if (interviewed !== null ? rng.chance(0.6) : c.urgency === 'emergency' && sexualOrPhysical && rng.chance(0.5)) {
      const after = interviewed !== null ? Math.max(registered + 3 * HOUR, interviewed + rng.between(-3, 10) * DAY) : registered + rng.between(2, 48) * HOUR;
      const first = exam(examKind(), after);
      if (first && rng.chance(0.1)) exam('follow_up', first.heldAt + rng.between(14, 45) * DAY);
    }

    // ---- therapy
    const therapist = staff.byRole.therapist.length > 0 ? rng.pick(staff.byRole.therapist) : null;
    if (therapist && interviewed !== null && rng.chance(0.5)) therapy(therapist, interviewed + rng.between(5, 35) * DAY);

    function therapy(who: Colleague, firstAt: number): void {
      const start = clock.officeSlot(firstAt, 60);
      if (start > end - DAY) return;
      consent('therapy', start - rng.between(1, 6) * DAY, 'given');
      join(who, 'therapist', start - rng.between(1, 5) * DAY);
      const young = ageAt(start) < 10;
      const sessions: { at: number; duration: number; type: TherapySessionType; attendance: string }[] = [];
      const planned = rng.int(3, 15);
      let at = start;
      // Sessions are booked a few weeks ahead at most.
      for (let i = 0; i < planned && at < Math.min(closed ?? Infinity, nowMs + 28 * DAY); i++) {
        const type: TherapySessionType =
          i === 0 ? (c.urgency === 'emergency' ? 'crisis_intervention' : 'trauma_focused') : rng.weighted<TherapySessionType>([['trauma_focused', 45], [young ? 'play_therapy' : 'psychoeducation', 22], ['family', 15], ['group', 5], ['other', 5], ['psychoeducation', 8]]);
        sessions.push({ at, duration: type === 'family' ? 90 : rng.pick([50, 60]), type, attendance: 'planned' });
        at = clock.officeSlot(at + rng.pick([7, 7, 7, 7, 14, 6, 8]) * DAY, 60);
      }
      const past = sessions.filter((s) => s.at + s.duration * MINUTE < nowMs);
      for (const s of past) s.attendance = rng.weighted([['attended', 85], ['cancelled', 8], ['no_show', 7]]);
      // A child who stops coming: the latest sessions missed in a row (what the needs-attention list looks for).
      const dropout = past.length >= 2 && rng.chance(0.14);
      if (dropout) for (const s of past.slice(-rng.int(2, Math.min(4, past.length)))) s.attendance = 'no_show';
      // A session a day or two ago is not always logged yet.
      const lastPast = past[past.length - 1];
      if (lastPast && !dropout && nowMs - lastPast.at < 2 * DAY && rng.chance(0.3)) lastPast.attendance = 'planned';

      for (const s of sessions) {
        const loggedAt = s.attendance === 'planned' ? Math.min(s.at - rng.between(1, 6) * DAY, nowMs - MINUTE) : s.at + s.duration * MINUTE + rng.between(0.2, 30) * HOUR;
        const notes = s.attendance === 'attended' ? rng.pick(sessionNotes) : s.attendance === 'planned' ? '' : rng.pick(missedNotes);
        sql.session.run(caseId, who.id, iso(new Date(s.at)), s.duration, s.type, s.attendance, notes, iso(new Date(Math.min(loggedAt, end - MINUTE))), 0);
        event(loggedAt, who.id, 'therapy_session_logged', { at: iso(new Date(s.at)), type: s.type, attendance: s.attendance });
        counts.sessions++;
      }

      const firstAttended = sessions.find((s) => s.attendance === 'attended');
      const assess = (on: number) => {
        const tool = rng.pick(instruments);
        const assessedOn = clock.date(on);
        sql.assessment.run(caseId, who.id, tool.name, String(rng.int(tool.min, tool.max)), assessedOn, rng.chance(0.5) ? 'Scores discussed with the mother.' : '');
        event(on + HOUR, who.id, 'therapy_assessment', { instrument: tool.name, on: assessedOn });
      };
      if (firstAttended) assess(firstAttended.at);

      // The plan: reviewed every three months while therapy goes on; closed when it ends or the case does.
      const startedOn = clock.date(start);
      const last = sessions[sessions.length - 1]!;
      const missedRun = dropout && past.length === sessions.length;
      let closure: { on: number; reason: TherapyClosureReason } | null = null;
      if (closed !== null) closure = { on: Math.min(last.at + rng.between(1, 20) * DAY, closed), reason: rng.weighted([['goals_met', 60], ['family_withdrew', 12], ['referred_elsewhere', 12], ['moved_away', 8], ['other', 8]]) };
      else if (missedRun && nowMs - last.at > 60 * DAY) closure = { on: last.at + rng.between(20, 50) * DAY, reason: rng.chance(0.6) ? 'no_engagement' : 'family_withdrew' };
      else if (!dropout && past.length === sessions.length && nowMs - last.at > 14 * DAY && rng.chance(0.85)) {
        closure = { on: last.at + rng.between(3, 14) * DAY, reason: rng.weighted([['goals_met', 70], ['family_withdrew', 10], ['referred_elsewhere', 10], ['moved_away', 10]]) };
      }
      if (closure) closure.on = Math.max(Math.min(closure.on, nowMs - HOUR), start);
      if (closure && closure.reason === 'goals_met' && rng.chance(0.5)) assess(Math.min(last.at, closure.on));

      let reviewOn: string | null = rng.chance(0.9) ? clock.date(start + 84 * DAY) : null;
      let updatedAt = start - rng.between(1, 48) * HOUR;
      let version = 1;
      event(updatedAt, who.id, 'therapy_plan_saved', { reviewOn });
      // Most plans due for review are reviewed in time; some wait (the therapist's needs-attention list).
      while (reviewOn !== null && clock.noonOf(reviewOn) < (closure?.on ?? nowMs) && rng.chance(0.75)) {
        updatedAt = clock.noonOf(reviewOn) - rng.between(0, 5) * DAY;
        reviewOn = clock.date(updatedAt + 84 * DAY);
        version++;
        event(updatedAt, who.id, 'therapy_plan_saved', { reviewOn });
      }
      const planGoals = Array.from(new Set(Array.from({ length: rng.int(2, 4) }, () => rng.pick(goals)))).map((text) => ({
        text,
        state: closure?.reason === 'goals_met' ? (rng.chance(0.85) ? 'achieved' : 'dropped') : rng.chance(0.8) ? 'open' : 'achieved',
      }));
      if (closure) {
        version++;
        event(closure.on, who.id, 'therapy_closed', { reason: closure.reason });
      }
      sql.plan.run(
        caseId, JSON.stringify(planGoals), reviewOn, rng.pick(sharedSummaries), startedOn, iso(new Date(Math.min(updatedAt, nowMs - MINUTE))), who.id,
        closure ? clock.date(closure.on) : null, closure?.reason ?? null, closure ? rng.pick(closureNotes[closure.reason]) : '', closure ? who.id : null, version,
      );
      counts.therapies++;
    }

    // ---- follow-up meetings: the coordinator's weekly review, a dozen cases at a time
    if (interviewed !== null && staff.byRole.coordinator.length > 0) {
      let at = interviewed + rng.between(20, 100) * DAY;
      for (let n = rng.weighted([[0, 55], [1, 33], [2, 12]]); n > 0 && at < (closed ?? Infinity) && at < nowMs + 21 * DAY; n--) {
        const day = clock.day(at);
        // 1970-01-01 was a Thursday: (day + 4) % 7 is the weekday, Sunday 0.
        const wednesday = day - ((day + 10) % 7) + 2;
        for (let k = 0; ; k++) {
          const key = `${coordinator.id}:${wednesday}:${k}`;
          let meeting = weekly.get(key);
          if (!meeting) {
            const startsAt = clock.officeSlot(clock.at(wednesday, (10 + 3 * k) * 60), 120);
            meeting = newMeeting('follow_up', startsAt, 120, coordinator, startsAt - rng.between(5, 12) * DAY);
            weekly.set(key, meeting);
          }
          if (meeting.cases >= 12) continue;
          if (meeting.startsAt < (closed ?? Infinity)) putOnAgenda(meeting, Math.max(meeting.createdAt, interviewed), rng.int(0, 2));
          break;
        }
        at += rng.between(30, 90) * DAY;
      }
    }

    // ---- a crisis: an emergency meeting about one case
    if (staff.byRole.coordinator.length > 0 && rng.chance(0.03)) {
      const startsAt = clock.officeSlot(registered + rng.between(1, 90) * DAY, 60);
      if (startsAt < end - DAY) putOnAgenda(newMeeting('crisis_intervention', startsAt, 60, coordinator, startsAt - rng.between(1, 6) * HOUR), startsAt - 2 * HOUR, rng.int(1, 2));
    }

    // ---- referrals to outside services
    // About 40% of cases; some chances fall after the case closed, or before anyone who may refer is on the team.
    const referralCount = rng.chance(0.48) ? (rng.chance(0.7) ? 1 : 2) : 0;
    for (let i = 0; i < referralCount; i++) {
      const sentAt = registered + rng.between(3, 120) * DAY;
      if (sentAt > end) break;
      const senders = membersAt(sentAt).filter((m) => m.role !== 'police');
      if (senders.length === 0) break;
      const sender = rng.pick(senders).who;
      let kind = rng.weighted<ServiceKind>([
        ['mental_health', 18], ['family_support', 16], ['social_assistance', 14], ['school_support', 12], ['legal_aid', 10], ['medical_specialist', 10], ['shelter', 6], ['perpetrator_programme', 4], ['other', 4],
      ]);
      if (types.includes('trafficking') && i === 0) kind = 'anti_trafficking';
      const adult = kind === 'perpetrator_programme' ? adults.find((a) => a.alleged_perpetrator === 1 && a.birth_date !== null && (sentAt - Date.parse(a.birth_date)) / YEAR >= 18) : undefined;
      if (kind === 'perpetrator_programme' && !adult) kind = 'family_support';
      const subject = adult ? 'adult' : kind === 'family_support' || kind === 'social_assistance' ? (rng.chance(0.7) ? 'family' : 'child') : 'child';
      const basis =
        sharing === 'given' && sharingAt < sentAt && rng.chance(0.75)
          ? 'consent'
          : rng.weighted([['legal_duty', 60], [kind === 'shelter' ? 'child_protection_emergency' : 'legal_duty', 25], ['court_order', 15]] as const);
      const serviceName = rng.pick(services[kind][jurisdiction]).replace('{city}', city);
      const contact = rng.chance(0.6) ? `${jurisdiction === 'bg' ? '+359 82 8' : '0246 2'}${rng.int(10, 99)} ${rng.int(100, 999)}` : '';
      // The path it took so far: each step may stall; the case's closure closes what is still open.
      const path: { status: ReferralStatus; at: number }[] = [];
      let t = sentAt;
      let followUp = clock.day(sentAt) + 14;
      for (const [status, p, min, max] of [['accepted', 0.85, 2, 14], ['in_progress', 0.85, 3, 30], ['done', 0.8, 30, 150]] as const) {
        const next = t + rng.between(min, max) * DAY;
        if (next > end) break;
        if (!rng.chance(p)) {
          if (rng.chance(0.3)) {
            const declinedAt = t + rng.between(min, max) * DAY;
            if (declinedAt <= end) path.push({ status: 'declined', at: declinedAt });
          }
          break;
        }
        t = next;
        path.push({ status, at: t });
        if (status !== 'done') followUp = clock.day(t) + rng.int(14, 45);
      }
      const reached = path[path.length - 1]?.status ?? 'sent';
      if (closed !== null && reached !== 'done' && reached !== 'declined') {
        const closeAt = Math.max(t + HOUR, closed - rng.between(0, 10) * DAY);
        // Done only once accepted; one never answered is closed as declined.
        if (closeAt <= closed) path.push({ status: reached !== 'sent' && rng.chance(0.8) ? 'done' : 'declined', at: closeAt });
      }
      const status = path[path.length - 1]?.status ?? 'sent';
      const followUpOn = clock.date(clock.at(followUp, 12 * 60));
      const { lastInsertRowid } = sql.referral.run(
        caseId, subject, adult?.person_id ?? null, kind, serviceName, contact, iso(new Date(sentAt)), sender.id, basis, status, followUpOn,
        rng.chance(0.3) ? rng.pick(['Urgent: the child is on a waiting list elsewhere.', 'The mother asked for a female counsellor.', 'Interpreter needed for the parents.']) : '', path.length,
      );
      sql.history.run(lastInsertRowid, iso(new Date(sentAt)), sender.id, 'sent', '');
      event(sentAt, sender.id, 'referral_sent', { service: serviceName, kind });
      let from: ReferralStatus = 'sent';
      for (const step of path) {
        sql.history.run(lastInsertRowid, iso(new Date(step.at)), sender.id, step.status, rng.pick(referralNotes));
        event(step.at, sender.id, 'referral_status', { service: serviceName, from, to: step.status });
        from = step.status;
      }
      counts.referrals++;
      if (status !== 'done' && status !== 'declined' && followUpOn < today) counts.referralsOverdue++;
    }

    counts.cases++;
    if (changes > 0) {
      const at = iso(new Date(Math.min(latest, nowMs - MINUTE)));
      sql.touch.run(changes, at, at, caseId);
    }
  }

  return { add, counts, missing: missingStaff(db) };
}

/** One line for the seed's summary and its audit entry. */
export function describeFollowUp(c: FollowUpCounts): string {
  return [
    `${c.exams} medical exams (${c.examsUnrecorded} past and not recorded, ${c.followupNeeds} follow-up needs)`,
    `${c.therapies} therapies with ${c.sessions} sessions`,
    `${c.meetings} case review meetings with ${c.actionItems} action items (${c.actionItemsOverdue} overdue)`,
    `${c.referrals} referrals (${c.referralsOverdue} overdue)`,
    `${c.consents} consents, ${c.teamMembers} colleagues put on case teams`,
  ].join('; ');
}
