import { describe, expect, it } from 'vitest';
import type { AttentionItem } from '../../shared/contract/followup-records';
import type { AttentionKind } from '../../shared/followup/categories';
import type { Role } from '../../shared/permissions';
import { referral } from '../support/intake';
import { staffedCentre } from '../support/staff';

const HOUR = 3_600_000;
/** A Sunday morning; the centre is in Bucharest (UTC+2 in November): Monday ends at 22:00 UTC. */
const T0 = '2026-11-22T09:00:00.000Z';
const at = (hours: number) => new Date(Date.parse(T0) + hours * HOUR).toISOString();

const people = {
  coord: 'coordinator',
  coord2: 'coordinator',
  officer: 'police',
  social: 'child_protection',
  therapist: 'therapist',
  doctor: 'medical',
  interviewer: 'forensic_interviewer',
} as const satisfies Record<string, Role>;
type Person = keyof typeof people;

/**
 * Case A (Ana Pop): the officer, the therapist, the doctor and a blind
 * interviewer on its team. Case B (Eva Lup): the social worker. Both
 * registered by the coordinator, who is on both teams; the second coordinator
 * is on neither. The follow-up records of another helper's handlers are
 * written straight into their tables (migration 013).
 */
async function centre() {
  const { clock, admin, db, ids, as, later } = await staffedCentre({ at: T0, people });
  const coord = await as('coord');
  const rules = (await coord.call('resources.list', {})).rules;
  await coord.call('resources.saveRules', { ...rules, timeZone: 'Europe/Bucharest' });
  const policy = await admin.call('security.getPolicy', {});
  await admin.call('security.updatePolicy', { ...policy, blindInterviewer: true });
  const newCase = async (firstName: string, lastName: string, team: Person[]) => {
    const created = await coord.call('cases.create', referral({ firstName, lastName }, {}, clock.now()));
    for (const name of team) await coord.call('cases.addMember', { caseId: created.id, userId: ids[name] });
    return created.id;
  };
  const caseA = await newCase('Ana', 'Pop', ['officer', 'therapist', 'doctor', 'interviewer']);
  const caseB = await newCase('Eva', 'Lup', ['social']);
  const room = await coord.call('resources.saveRoom', { id: null, version: 0, name: 'Medical room', kind: 'medical', equipment: '', active: true });

  const attention = async (who: Person, scope: 'mine' | 'centre', kinds?: AttentionKind[]) =>
    (await (await as(who)).call('cases.attention', { scope })).filter((a) => !kinds || kinds.includes(a.kind));
  const session = (caseId: number, startsAt: string, attendance: string) =>
    db
      .prepare('INSERT INTO therapy_sessions (case_id, therapist_id, starts_at, duration_minutes, type, attendance, created_at) VALUES (?, ?, ?, 50, ?, ?, ?)')
      .run(caseId, ids.therapist, startsAt, 'trauma_focused', attendance, T0);
  const exam = (caseId: number, startsAt: string, status: string) => {
    const child = (db.prepare('SELECT child_id FROM cases WHERE id = ?').get(caseId) as { child_id: number }).child_id;
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO medical_exams (case_id, child_id, kind, status, starts_at, ends_at, duration_minutes, room_id, examiner_id, created_at, created_by)
         VALUES (?, ?, 'forensic', ?, ?, ?, 60, ?, ?, ?, ?)`,
      )
      .run(caseId, child, status, startsAt, new Date(Date.parse(startsAt) + HOUR).toISOString(), room.id, ids.doctor, T0, ids.coord);
    return Number(lastInsertRowid);
  };
  return { db, ids, as, later, coord, caseA, caseB, attention, session, exam };
}

const brief = (items: AttentionItem[]) => items.map((a) => [a.kind, a.caseId, a.what]);

describe('needs attention', () => {
  it('action items: mine are those I own; the centre’s are the open ones on cases I may see', async () => {
    const { as, ids, caseA, caseB, attention } = await centre();
    const coord = await as('coord');
    const meeting = await coord.call('meetings.save', {
      id: null,
      version: 0,
      type: 'follow_up',
      startsAt: at(1),
      durationMinutes: 60,
      place: '',
      chairId: ids.coord,
      members: [],
      cases: [
        { caseId: caseA, agenda: '', decisions: '' },
        { caseId: caseB, agenda: '', decisions: '' },
      ],
    });
    const add = (caseId: number, what: string, owner: Person, dueDate: string) =>
      coord.call('meetings.addAction', { meetingId: meeting.id, caseId, what, ownerId: ids[owner], agency: 'other', dueDate });
    const officers = await add(caseA, 'Officer: statement', 'officer', '2026-11-23');
    const therapists = await add(caseA, 'Therapist: first session', 'therapist', '2026-12-15');
    await add(caseB, 'Social: home visit', 'social', '2026-11-30');
    const done = await add(caseA, 'Officer: done already', 'officer', '2026-11-24');
    await (await as('officer')).call('actions.setState', { actionId: done.id, version: 0, state: 'done', note: '' });

    const mine = await attention('officer', 'mine', ['action_item']);
    expect(mine).toEqual([
      {
        kind: 'action_item',
        caseId: caseA,
        reference: 'BH-2026-0001',
        childName: 'Ana Pop',
        what: 'Officer: statement',
        // The end of Monday in Bucharest.
        dueAt: '2026-11-23T22:00:00.000Z',
        overdue: false,
        recordId: officers.id,
        meetingId: meeting.id,
        owner: 'officer display',
      },
    ]);
    expect(brief(await attention('officer', 'centre', ['action_item']))).toEqual([
      ['action_item', caseA, 'Officer: statement'],
      ['action_item', caseA, 'Therapist: first session'],
    ]);
    expect(brief(await attention('social', 'mine', ['action_item']))).toEqual([['action_item', caseB, 'Social: home visit']]);
    expect(brief(await attention('coord', 'mine', ['action_item']))).toEqual([]);
    expect((await attention('coord2', 'centre', ['action_item'])).map((a) => a.recordId)).toEqual([officers.id, expect.any(Number), therapists.id]);
    // Blind until the interview: no action items of that case.
    expect(await attention('interviewer', 'centre', ['action_item'])).toEqual([]);
  });

  it('referrals whose follow-up day ends within 48 hours or has passed, of my cases or the centre’s', async () => {
    const { as, ids, caseA, attention } = await centre();
    const social = await as('social');
    await (await as('coord')).call('cases.addMember', { caseId: caseA, userId: ids.social });
    const send = (serviceName: string, followUpOn: string) =>
      social.call('referrals.save', {
        caseId: caseA,
        id: null,
        version: 0,
        subject: 'child',
        personId: null,
        serviceKind: 'mental_health',
        serviceName,
        contact: '',
        sentAt: T0,
        consentBasis: 'legal_duty',
        followUpOn,
        notes: '',
      });
    const soon = await send('Due Monday', '2026-11-23');
    await send('Due Tuesday', '2026-11-24');
    await send('Due in December', '2026-12-10');
    const closed = await send('Closed', '2026-11-22');
    await social.call('referrals.setStatus', { referralId: closed.id, version: 0, status: 'declined', note: '', followUpOn: null });

    // Now + 48 h is Tuesday 09:00 UTC: Monday's end (22:00 UTC) falls inside, Tuesday's does not.
    expect(await attention('officer', 'mine', ['referral'])).toEqual([
      expect.objectContaining({ kind: 'referral', caseId: caseA, what: 'Due Monday', dueAt: '2026-11-23T22:00:00.000Z', overdue: false, recordId: soon.id, owner: 'social display' }),
    ]);
    expect(brief(await attention('coord2', 'mine', ['referral']))).toEqual([]);
    expect(brief(await attention('coord2', 'centre', ['referral']))).toEqual([['referral', caseA, 'Due Monday']]);
    expect(await attention('interviewer', 'mine', ['referral'])).toEqual([]);
  });

  it('therapy: repeated no-shows for the whole team; an unreviewed plan only for therapists', async () => {
    const { db, caseA, caseB, attention, session, ids } = await centre();
    session(caseA, at(-72), 'attended');
    session(caseA, at(-48), 'no_show');
    session(caseA, at(-24), 'no_show');
    // Still planned and in the past: not yet logged, it neither breaks nor extends the run.
    session(caseA, at(-2), 'planned');
    session(caseA, at(48), 'planned');
    session(caseB, at(-24), 'no_show');
    db.prepare('INSERT INTO therapy_plans (case_id, review_on, started_on, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)').run(caseA, '2026-11-21', '2026-11-01', T0, ids.therapist);
    db.prepare('INSERT INTO therapy_plans (case_id, review_on, started_on, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)').run(caseB, '2026-11-22', '2026-11-01', T0, ids.therapist);

    const noShows = { kind: 'therapy_no_shows', caseId: caseA, what: '2', dueAt: at(-24), overdue: true, recordId: null, meetingId: null, owner: 'therapist display' };
    expect(await attention('officer', 'mine', ['therapy_no_shows'])).toEqual([expect.objectContaining(noShows)]);
    expect(await attention('social', 'centre', ['therapy_no_shows'])).toEqual([]);
    expect(await attention('coord2', 'centre', ['therapy_no_shows'])).toEqual([expect.objectContaining(noShows)]);
    expect(await attention('interviewer', 'mine', ['therapy_no_shows'])).toEqual([]);

    // Case B's review is due today: not yet passed.
    expect(await attention('therapist', 'mine', ['therapy_review'])).toEqual([
      expect.objectContaining({ kind: 'therapy_review', caseId: caseA, what: '2026-11-21', dueAt: '2026-11-21T22:00:00.000Z', overdue: true }),
    ]);
    expect(await attention('officer', 'mine', ['therapy_review'])).toEqual([]);
    expect(await attention('coord', 'centre', ['therapy_review'])).toEqual([]);

    // A closed therapy asks for nothing.
    db.prepare("UPDATE therapy_plans SET closed_on = '2026-11-22', closure_reason = 'goals_met', closed_by = ? WHERE case_id = ?").run(ids.therapist, caseA);
    expect(await attention('therapist', 'mine', ['therapy_no_shows', 'therapy_review'])).toEqual([]);
  });

  it('medical: pending results for medical staff; exams not written up for them and for whoever books exams', async () => {
    const { db, caseA, caseB, attention, exam } = await centre();
    const held = exam(caseA, at(-50), 'held');
    const followup = (caseId: number, examId: number, description: string, dueDate: string, doneOn: string | null = null) =>
      Number(
        db
          .prepare("INSERT INTO medical_followups (exam_id, case_id, kind, description, due_date, done_on) VALUES (?, ?, 'laboratory_test', ?, ?, ?)")
          .run(examId, caseId, description, dueDate, doneOn).lastInsertRowid,
      );
    const late = followup(caseA, held, 'STI panel', '2026-11-20');
    const soon = followup(caseA, held, 'Blood count', '2026-11-23');
    followup(caseA, held, 'Imaging', '2026-12-20');
    followup(caseA, held, 'Done', '2026-11-20', '2026-11-21');
    const unrecorded = exam(caseA, at(-3), 'scheduled');
    exam(caseA, at(1), 'scheduled');
    exam(caseB, at(-5), 'scheduled');

    expect(await attention('doctor', 'mine', ['medical_followup', 'medical_exam_unrecorded'])).toEqual([
      expect.objectContaining({ kind: 'medical_followup', what: 'STI panel', dueAt: '2026-11-20T22:00:00.000Z', overdue: true, recordId: late, owner: 'doctor display' }),
      expect.objectContaining({ kind: 'medical_exam_unrecorded', caseId: caseA, what: 'forensic', dueAt: at(-2), overdue: true, recordId: unrecorded }),
      expect.objectContaining({ kind: 'medical_followup', what: 'Blood count', dueAt: '2026-11-23T22:00:00.000Z', overdue: false, recordId: soon }),
    ]);
    // The coordinator books exams: told of those not written up (on both their cases), not of results.
    expect(brief(await attention('coord', 'mine', ['medical_followup', 'medical_exam_unrecorded']))).toEqual([
      ['medical_exam_unrecorded', caseB, 'forensic'],
      ['medical_exam_unrecorded', caseA, 'forensic'],
    ]);
    expect(await attention('officer', 'centre', ['medical_followup', 'medical_exam_unrecorded'])).toEqual([]);
    expect(await attention('therapist', 'centre', ['medical_followup', 'medical_exam_unrecorded'])).toEqual([]);
  });

  it('mine is my cases, the centre every case I may see; a blind interviewer gets the deadlines only', async () => {
    const { later, caseA, caseB, attention, session } = await centre();
    session(caseA, at(-48), 'no_show');
    session(caseA, at(-24), 'no_show');
    session(caseB, at(-48), 'no_show');
    session(caseB, at(-24), 'no_show');
    // 49 hours on, each initial assessment (72 h) is due within the day.
    later(49 * HOUR);
    const kindsAndCases = (items: AttentionItem[]) => items.map((a) => [a.kind, a.caseId]).sort();

    expect(kindsAndCases(await attention('coord', 'mine'))).toEqual(
      [
        ['deadline', caseA],
        ['deadline', caseB],
        ['therapy_no_shows', caseA],
        ['therapy_no_shows', caseB],
      ].sort(),
    );
    expect(await attention('coord2', 'mine')).toEqual([]);
    expect(kindsAndCases(await attention('coord2', 'centre'))).toEqual(kindsAndCases(await attention('coord', 'centre')));
    expect(kindsAndCases(await attention('social', 'centre'))).toEqual([
      ['deadline', caseB],
      ['therapy_no_shows', caseB],
    ]);
    expect(kindsAndCases(await attention('interviewer', 'mine'))).toEqual([['deadline', caseA]]);
  });
});
