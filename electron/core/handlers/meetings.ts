import type { Database } from 'better-sqlite3-multiple-ciphers';
import { checkMessages } from '../../../shared/contract';
import type { Meeting, MeetingFields } from '../../../shared/contract/followup-records';
import { meetingTypes, type MeetingType } from '../../../shared/followup/categories';
import { isGranted } from '../../../shared/permissions';
import { requireCase, type Viewer } from '../access';
import { visibleCase } from '../cases/case-list';
import { recordEvent } from '../cases/timeline';
import { iso, utc } from '../clock';
import { issueDocument, fileNameOf } from '../documents/issued-documents';
import { minutesPdf } from '../documents/minutes-pdf';
import { documentCheckpoint } from './documents';
import { AppError, fieldError } from '../errors';
import { centreToday } from '../followup/due';
import {
  NO_ACTION,
  NO_MEETING,
  actionItems,
  actionRow,
  agendaOf,
  centrePeriod,
  membersOf,
  meetingRow,
  readAction,
  readMeeting,
  seesCaseInFull,
  seesInFull,
  splitAgenda,
  type ActionRow,
  type MeetingRow,
} from '../followup/meeting-file';
import { readRules } from '../interviews/resources';
import { rolesOf } from '../users';
import { centreName } from '../centre';
import { viewer } from './cases';
import { defineHandler, type RunContext } from './types';

const DAY = 24 * 60 * 60_000;
/** How long a done item stays on its owner's list. */
const DONE_SHOWN_MS = 30 * DAY;
const LIST_LIMIT = 500;

function activeUser(db: Database, userId: number): { id: number; display_name: string } | undefined {
  return db.prepare('SELECT id, display_name FROM users WHERE id = ? AND disabled_at IS NULL').get(userId) as { id: number; display_name: string } | undefined;
}

/** The meeting, if at least one of its cases is the caller's to see in full; 404 otherwise, as for cases. */
function requireMeeting(ctx: RunContext, meetingId: number): { row: MeetingRow; meeting: Meeting } {
  const row = meetingRow(ctx.db, meetingId);
  const meeting = row ? readMeeting(ctx.db, row, viewer(ctx), ctx.now) : null;
  if (!row || !meeting) throw new AppError('not_found', NO_MEETING);
  ctx.note({ record: `meeting:${row.id}` });
  return { row, meeting };
}

function requireVersion(ctx: RunContext, row: MeetingRow, version: number): void {
  if (row.version !== version) {
    throw new AppError('conflict', 'Someone else changed this meeting since you opened it.', { current: readMeeting(ctx.db, row, viewer(ctx), ctx.now) });
  }
}

/** Held and cancelled meetings are the record of what happened: only a planned one changes. */
function requirePlanned(ctx: RunContext, row: MeetingRow): void {
  if (row.status !== 'planned') {
    throw new AppError('conflict', `This meeting was already ${row.status === 'held' ? 'recorded as held' : 'cancelled'}.`, {
      current: readMeeting(ctx.db, row, viewer(ctx), ctx.now),
    });
  }
}

/** A case on the agenda must be one the caller sees in full (404 otherwise); each case once. */
function checkAgenda(ctx: RunContext, who: Viewer, fields: MeetingFields): void {
  const seen = new Set<number>();
  fields.cases.forEach((c, i) => {
    if (seen.has(c.caseId)) throw fieldError(['cases', i, 'caseId'], checkMessages.eachOnce);
    seen.add(c.caseId);
    const { view } = requireCase(ctx.db, who, c.caseId);
    if (view !== 'full') throw new AppError('not_found', 'There is no such case, or it is not yours to see.');
  });
}

function checkPeople(db: Database, fields: MeetingFields): void {
  if (!activeUser(db, fields.chairId)) throw fieldError(['chairId'], checkMessages.activeColleague);
  fields.members.forEach((member, i) => {
    if (member.userId !== null && !activeUser(db, member.userId)) throw fieldError(['members', i, 'userId'], checkMessages.activeColleague);
  });
}

function meetingValues(fields: MeetingFields) {
  return [fields.type, utc(fields.startsAt), fields.durationMinutes, fields.place, fields.chairId, JSON.stringify(fields.members)];
}

/** Tells every workstation that shows the meeting or one of its cases. */
function announce(ctx: RunContext, meetingId: number, caseIds: Iterable<number>, action: 'created' | 'updated'): void {
  ctx.emit({ entity: 'meeting', action, id: meetingId });
  for (const id of new Set(caseIds)) ctx.emit({ entity: 'case', action: 'updated', id });
}

/** Sets the agenda to the caller's cases as given; cases they cannot see stay on it as they were. */
function saveAgenda(ctx: RunContext, meetingId: number, fields: MeetingFields, who: Viewer): number[] {
  const { visible } = splitAgenda(ctx.db, who, meetingId);
  const wanted = new Map(fields.cases.map((c, i) => [c.caseId, { ...c, position: i }]));
  const removed = visible.filter((c) => !wanted.has(c.case_id));
  for (const c of removed) {
    // Its action items would lose the meeting they came from.
    if (ctx.db.prepare('SELECT 1 FROM action_items WHERE meeting_id = ? AND case_id = ?').get(meetingId, c.case_id)) {
      throw new AppError('conflict', `Case ${c.reference} has action items from this meeting: it stays on the agenda.`, {
        current: readMeeting(ctx.db, meetingRow(ctx.db, meetingId)!, who, ctx.now),
      });
    }
    ctx.db.prepare('DELETE FROM meeting_cases WHERE meeting_id = ? AND case_id = ?').run(meetingId, c.case_id);
  }
  const present = new Set(agendaOf(ctx.db, meetingId).map((c) => c.case_id));
  for (const c of wanted.values()) {
    if (present.has(c.caseId)) {
      ctx.db.prepare('UPDATE meeting_cases SET position = ?, agenda = ?, decisions = ? WHERE meeting_id = ? AND case_id = ?').run(c.position, c.agenda, c.decisions, meetingId, c.caseId);
    } else {
      ctx.db.prepare('INSERT INTO meeting_cases (meeting_id, case_id, position, agenda, decisions) VALUES (?, ?, ?, ?, ?)').run(meetingId, c.caseId, c.position, c.agenda, c.decisions);
      recordEvent(ctx.db, c.caseId, who.userId, ctx.now, 'meeting_scheduled', { type: fields.type, at: utc(fields.startsAt) });
    }
  }
  return [...wanted.keys(), ...removed.map((c) => c.case_id)];
}

/** The case ids among these the viewer sees in full. */
function fullyVisible(db: Database, who: Viewer, caseIds: number[]): Set<number> {
  return new Set([...new Set(caseIds)].filter((id) => seesCaseInFull(db, who, id)));
}

function requireAction(ctx: RunContext, actionId: number): ActionRow {
  const item = actionRow(ctx.db, actionId);
  if (!item || !seesCaseInFull(ctx.db, viewer(ctx), item.case_id)) throw new AppError('not_found', NO_ACTION);
  ctx.note({ caseId: item.case_id, record: `action:${item.id}` });
  return item;
}

export const meetingHandlers = {
  'meetings.list': defineHandler('meetings.list', {
    run(input, ctx) {
      const me = viewer(ctx);
      if (input.from !== null && input.to !== null && input.to < input.from) throw fieldError(['to'], checkMessages.endBeforeStart);
      if (input.caseId !== null) {
        const { view } = requireCase(ctx.db, me, input.caseId);
        ctx.note({ caseId: input.caseId });
        if (view !== 'full') return [];
      }
      const { start, end } = centrePeriod(ctx.db, input.from, input.to);
      const visible = visibleCase(me);
      const rows = ctx.db
        .prepare(
          `SELECT m.* FROM meetings m
            WHERE (? IS NULL OR m.starts_at >= ?) AND (? IS NULL OR m.starts_at < ?)
              AND (? IS NULL OR EXISTS (SELECT 1 FROM meeting_cases x WHERE x.meeting_id = m.id AND x.case_id = ?))
              AND EXISTS (SELECT 1 FROM meeting_cases mc JOIN cases c ON c.id = mc.case_id WHERE mc.meeting_id = m.id AND ${visible.sql})
            ORDER BY m.starts_at DESC, m.id DESC LIMIT ${LIST_LIMIT}`,
        )
        .all(start, start, end, end, input.caseId, input.caseId, ...visible.params) as MeetingRow[];
      const meetings = rows.map((row) => readMeeting(ctx.db, row, me, ctx.now)).filter((m): m is Meeting => m !== null);
      ctx.note({ detail: `${meetings.length} meetings` });
      return meetings;
    },
  }),

  'meetings.get': defineHandler('meetings.get', {
    run: (input, ctx) => requireMeeting(ctx, input.meetingId).meeting,
  }),

  'meetings.save': defineHandler('meetings.save', {
    run(input, ctx) {
      const me = viewer(ctx);
      const { id, version, ...fields } = input;
      let meetingId: number;
      let action: 'created' | 'updated';
      if (id === null) {
        checkAgenda(ctx, me, fields);
        checkPeople(ctx.db, fields);
        const { lastInsertRowid } = ctx.db
          .prepare('INSERT INTO meetings (type, starts_at, duration_minutes, place, chair_id, members, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
          .run(...meetingValues(fields), iso(ctx.now), me.userId);
        meetingId = Number(lastInsertRowid);
        action = 'created';
      } else {
        const { row } = requireMeeting(ctx, id);
        requireVersion(ctx, row, version);
        requirePlanned(ctx, row);
        checkAgenda(ctx, me, fields);
        checkPeople(ctx.db, fields);
        ctx.db
          .prepare('UPDATE meetings SET type = ?, starts_at = ?, duration_minutes = ?, place = ?, chair_id = ?, members = ?, version = version + 1 WHERE id = ?')
          .run(...meetingValues(fields), row.id);
        meetingId = row.id;
        action = 'updated';
      }
      const touched = saveAgenda(ctx, meetingId, fields, me);
      ctx.note({ record: `meeting:${meetingId}`, detail: `${action}: ${fields.type}, ${touched.length} cases` });
      announce(ctx, meetingId, touched, action);
      return readMeeting(ctx.db, meetingRow(ctx.db, meetingId)!, me, ctx.now)!;
    },
  }),

  'meetings.recordHeld': defineHandler('meetings.recordHeld', {
    run(input, ctx) {
      const me = viewer(ctx);
      const { row } = requireMeeting(ctx, input.meetingId);
      requireVersion(ctx, row, input.version);
      requirePlanned(ctx, row);
      if (!membersOf(row).some((m) => m.present)) throw fieldError(['members'], checkMessages.presentRequired);
      ctx.db.prepare("UPDATE meetings SET status = 'held', held_at = ?, version = version + 1 WHERE id = ?").run(iso(ctx.now), row.id);
      // Every case of the meeting, also those the caller cannot see: each case's team learns it was discussed.
      const agenda = agendaOf(ctx.db, row.id);
      for (const c of agenda) {
        recordEvent(ctx.db, c.case_id, me.userId, ctx.now, 'meeting_held', { type: row.type, at: row.starts_at, decisions: c.decisions.trim() === '' ? '' : 'yes' });
      }
      ctx.note({ detail: 'held' });
      announce(ctx, row.id, agenda.map((c) => c.case_id), 'updated');
      return readMeeting(ctx.db, meetingRow(ctx.db, row.id)!, me, ctx.now)!;
    },
  }),

  'meetings.cancel': defineHandler('meetings.cancel', {
    run(input, ctx) {
      const me = viewer(ctx);
      const { row } = requireMeeting(ctx, input.meetingId);
      requireVersion(ctx, row, input.version);
      requirePlanned(ctx, row);
      ctx.db.prepare("UPDATE meetings SET status = 'cancelled', cancel_reason = ?, version = version + 1 WHERE id = ?").run(input.reason, row.id);
      const agenda = agendaOf(ctx.db, row.id);
      for (const c of agenda) recordEvent(ctx.db, c.case_id, me.userId, ctx.now, 'meeting_cancelled', { type: row.type, at: row.starts_at, reason: input.reason });
      ctx.note({ detail: 'cancelled' });
      announce(ctx, row.id, agenda.map((c) => c.case_id), 'updated');
      return readMeeting(ctx.db, meetingRow(ctx.db, row.id)!, me, ctx.now)!;
    },
  }),

  'meetings.addAction': defineHandler('meetings.addAction', {
    run(input, ctx) {
      const me = viewer(ctx);
      const { row } = requireMeeting(ctx, input.meetingId);
      if (row.status === 'cancelled') {
        throw new AppError('conflict', 'This meeting was cancelled: it agrees no action items.', { current: readMeeting(ctx.db, row, me, ctx.now) });
      }
      if (!agendaOf(ctx.db, row.id).some((c) => c.case_id === input.caseId)) throw fieldError(['caseId'], checkMessages.caseNotOnAgenda);
      const { row: caseRow, view } = requireCase(ctx.db, me, input.caseId);
      if (view !== 'full') throw new AppError('not_found', 'There is no such case, or it is not yours to see.');
      const owner = activeUser(ctx.db, input.ownerId);
      if (!owner) throw fieldError(['ownerId'], checkMessages.activeColleague);
      if (!seesInFull(ctx.db, { userId: owner.id, roles: rolesOf(ctx.db, owner.id) }, caseRow)) throw fieldError(['ownerId'], checkMessages.ownerCannotSee);
      if (input.dueDate < centreToday(ctx.db, ctx.now)) throw fieldError(['dueDate'], checkMessages.datePast);
      const { lastInsertRowid } = ctx.db
        .prepare('INSERT INTO action_items (meeting_id, case_id, what, owner_id, agency, due_date, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(row.id, caseRow.id, input.what, owner.id, input.agency, input.dueDate, iso(ctx.now), me.userId);
      const actionId = Number(lastInsertRowid);
      recordEvent(ctx.db, caseRow.id, me.userId, ctx.now, 'action_item_created', { what: input.what, owner: owner.display_name, due: input.dueDate });
      ctx.note({ caseId: caseRow.id, record: `action:${actionId}`, detail: `meeting:${row.id}` });
      // The owner's task list listens for meetings; the case's for the case.
      announce(ctx, row.id, [caseRow.id], 'updated');
      return readAction(ctx.db, actionId, ctx.now);
    },
  }),

  'meetings.minutes': defineHandler('meetings.minutes', {
    run(input, ctx) {
      const me = viewer(ctx);
      const { meeting } = requireMeeting(ctx, input.meetingId);
      const { timeZone } = readRules(ctx.db);
      // Each print is its own issued document: readers see different cases, so every copy gets its number and is kept.
      const { document, pdf } = issueDocument(
        ctx.db,
        { kind: 'meeting_minutes', caseId: null, meetingId: meeting.id, profile: null, language: input.language, recipient: '', purpose: '', generatedAt: ctx.now, generatedBy: me.userId },
        (number) => minutesPdf({ language: input.language, centreName: centreName(ctx.db), timeZone, meeting, generatedAt: ctx.now, number }, documentCheckpoint(ctx, number)),
      );
      ctx.note({ detail: `minutes ${document.number} (document:${document.id}, ${input.language}) of ${meeting.cases.length} cases, sha256 ${pdf.sha256}` });
      return { document, fileName: fileNameOf(ctx.db, document), pdf: pdf.bytes.toString('base64') };
    },
  }),

  'meetings.statistics': defineHandler('meetings.statistics', {
    run(input, ctx) {
      if (input.to < input.from) throw fieldError(['to'], checkMessages.endBeforeStart);
      // The centre's report: every meeting counts, whoever may see its cases.
      const { start, end } = centrePeriod(ctx.db, input.from, input.to);
      const counts = ctx.db
        .prepare('SELECT type, status, count(*) AS n FROM meetings WHERE starts_at >= ? AND starts_at < ? GROUP BY type, status')
        .all(start, end) as { type: MeetingType; status: string; n: number }[];
      const byType = Object.fromEntries(meetingTypes.map((t) => [t, 0])) as Record<MeetingType, number>;
      let held = 0;
      let cancelled = 0;
      for (const c of counts) {
        if (c.status === 'held') {
          byType[c.type] += c.n;
          held += c.n;
        } else if (c.status === 'cancelled') cancelled += c.n;
      }
      const { n: casesDiscussed } = ctx.db
        .prepare(
          `SELECT count(DISTINCT mc.case_id) AS n FROM meeting_cases mc JOIN meetings m ON m.id = mc.meeting_id
            WHERE m.status = 'held' AND m.starts_at >= ? AND m.starts_at < ?`,
        )
        .get(start, end) as { n: number };
      ctx.note({ detail: `${input.from}..${input.to}` });
      return { from: input.from, to: input.to, byType, held, cancelled, casesDiscussed };
    },
  }),

  'actions.mine': defineHandler('actions.mine', {
    run(_input, ctx) {
      const me = viewer(ctx);
      const since = iso(new Date(ctx.now.getTime() - DONE_SHOWN_MS));
      const items = actionItems(
        ctx.db,
        "a.owner_id = ? AND (a.state = 'open' OR a.done_at >= ?)",
        [me.userId, since],
        ctx.now,
        "a.state = 'open' DESC, CASE WHEN a.state = 'open' THEN a.due_date END, a.done_at DESC, a.id",
      );
      // An owner taken off a case no longer sees its items.
      const visible = fullyVisible(ctx.db, me, items.map((i) => i.caseId));
      return items.filter((i) => visible.has(i.caseId));
    },
  }),

  'actions.ofCase': defineHandler('actions.ofCase', {
    run(input, ctx) {
      const { row, view } = requireCase(ctx.db, viewer(ctx), input.caseId);
      ctx.note({ caseId: row.id });
      return view === 'full' ? actionItems(ctx.db, 'a.case_id = ?', [row.id], ctx.now) : [];
    },
  }),

  'actions.setState': defineHandler('actions.setState', {
    run(input, ctx) {
      const me = viewer(ctx);
      const item = requireAction(ctx, input.actionId);
      if (item.owner_id !== me.userId && !isGranted('meetings.manage', me.roles)) {
        throw new AppError('forbidden', 'Only its owner or a coordinator may mark this action item.');
      }
      if (item.version !== input.version) {
        throw new AppError('conflict', 'Someone else changed this action item since you opened it.', { current: readAction(ctx.db, item.id, ctx.now) });
      }
      const done = input.state === 'done';
      ctx.db
        .prepare(
          `UPDATE action_items SET state = ?, note = ?, version = version + 1,
             done_at = CASE WHEN ? THEN coalesce(done_at, ?) END, done_by = CASE WHEN ? THEN coalesce(done_by, ?) END
           WHERE id = ?`,
        )
        .run(input.state, input.note, done ? 1 : 0, iso(ctx.now), done ? 1 : 0, me.userId, item.id);
      if (input.state !== item.state) {
        const by = (ctx.db.prepare('SELECT display_name FROM users WHERE id = ?').get(me.userId) as { display_name: string }).display_name;
        recordEvent(ctx.db, item.case_id, me.userId, ctx.now, done ? 'action_item_done' : 'action_item_reopened', { what: item.what, by });
      }
      ctx.note({ detail: input.state });
      announce(ctx, item.meeting_id, [item.case_id], 'updated');
      return readAction(ctx.db, item.id, ctx.now);
    },
  }),
};
