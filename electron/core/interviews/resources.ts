import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Interpreter, Interviewer, Resources, Room, ScheduleRules } from '../../../shared/contract/interview-records';
import type { InterviewProtocol, RoomKind } from '../../../shared/interviews/categories';
import { certificationHistory } from './certifications';

interface RoomRow {
  id: number;
  name: string;
  kind: RoomKind;
  equipment: string;
  active: number;
  version: number;
}

interface InterpreterRow {
  id: number;
  name: string;
  languages: string;
  phone: string;
  notes: string;
  active: number;
  version: number;
}

export function roomOf(row: RoomRow): Room {
  return { id: row.id, name: row.name, kind: row.kind, equipment: row.equipment, active: row.active === 1, version: row.version };
}

export function interpreterOf(row: InterpreterRow): Interpreter {
  return {
    id: row.id,
    name: row.name,
    languages: JSON.parse(row.languages) as string[],
    phone: row.phone,
    notes: row.notes,
    active: row.active === 1,
    version: row.version,
  };
}

export function readRoom(db: Database, id: number): Room | null {
  const row = db.prepare('SELECT * FROM rooms WHERE id = ?').get(id) as RoomRow | undefined;
  return row ? roomOf(row) : null;
}

export function readInterpreter(db: Database, id: number): Interpreter | null {
  const row = db.prepare('SELECT * FROM interpreters WHERE id = ?').get(id) as InterpreterRow | undefined;
  return row ? interpreterOf(row) : null;
}

/** Every account with the forensic interviewer role, with their profile (empty until one is saved). */
export function readInterviewers(db: Database, userId?: number): Interviewer[] {
  const rows = db
    .prepare(
      `SELECT u.id, u.display_name, u.disabled_at, p.certification, p.certified_until, p.protocols, p.version
         FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'forensic_interviewer'
         LEFT JOIN interviewer_profiles p ON p.user_id = u.id
        ${userId === undefined ? '' : 'WHERE u.id = ?'}
        ORDER BY u.display_name`,
    )
    .all(...(userId === undefined ? [] : [userId])) as {
    id: number;
    display_name: string;
    disabled_at: string | null;
    certification: string | null;
    certified_until: string | null;
    protocols: string | null;
    version: number | null;
  }[];
  return rows.map((r) => ({
    userId: r.id,
    name: r.display_name,
    active: r.disabled_at === null,
    certification: r.certification ?? '',
    certifiedUntil: r.certified_until,
    protocols: r.protocols ? (JSON.parse(r.protocols) as InterviewProtocol[]) : [],
    version: r.version ?? 0,
    certificationHistory: certificationHistory(db, r.id),
  }));
}

export function readRules(db: Database): ScheduleRules & { version: number } {
  const row = db.prepare('SELECT time_zone, hours, buffer_minutes, daily_limit, version FROM schedule_rules WHERE id = 1').get() as {
    time_zone: string;
    hours: string;
    buffer_minutes: number;
    daily_limit: number;
    version: number;
  };
  return {
    timeZone: row.time_zone,
    hours: JSON.parse(row.hours) as ScheduleRules['hours'],
    bufferMinutes: row.buffer_minutes,
    dailyLimit: row.daily_limit,
    version: row.version,
  };
}

export function readClosedDays(db: Database): Resources['closedDays'] {
  return db.prepare('SELECT date, reason FROM closed_days ORDER BY date').all() as Resources['closedDays'];
}

/** Colleagues with the medical role: who may examine a child. */
export function readExaminers(db: Database): Resources['examiners'] {
  const rows = db
    .prepare(
      `SELECT u.id, u.display_name, u.disabled_at FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'medical' ORDER BY u.display_name`,
    )
    .all() as { id: number; display_name: string; disabled_at: string | null }[];
  return rows.map((r) => ({ userId: r.id, name: r.display_name, active: r.disabled_at === null }));
}

export function readResources(db: Database): Resources {
  return {
    rooms: (db.prepare('SELECT * FROM rooms ORDER BY kind, name').all() as RoomRow[]).map(roomOf),
    interviewers: readInterviewers(db),
    interpreters: (db.prepare('SELECT * FROM interpreters ORDER BY name').all() as InterpreterRow[]).map(interpreterOf),
    examiners: readExaminers(db),
    rules: readRules(db),
    closedDays: readClosedDays(db),
  };
}

/** Whether Intl knows the zone: an unknown one would make every working-hours check wrong. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
