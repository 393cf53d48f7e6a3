import type { Database } from 'better-sqlite3-multiple-ciphers';
import { ageAt } from '../../../shared/cases/age';
import type { CaseStatus } from '../../../shared/cases/categories';
import { caseStatuses } from '../../../shared/cases/categories';
import type { CaseListItem, CaseSortField } from '../../../shared/contract/methods/cases';
import type { ParsedInput } from '../../../shared/contract';
import { iso } from '../clock';
import type { Viewer } from '../access';
import { readPolicy } from '../policy';
import { queryWords, termPrefixClause } from './case-index';
import { foldText } from '../../../shared/cases/names';

type Query = ParsedInput<'cases.list'>;

/** The statuses in their order; migration 011 indexes exactly this expression. */
export const statusRank = `CASE c.status ${caseStatuses.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} END`;

/** Each sort as SQL the indexes of migration 010 serve (`{dir}` is the direction). */
const orderBy: Record<CaseSortField, string> = {
  received: 'c.received_at {dir}, c.id {dir}',
  reference: 'c.reference {dir}',
  child: 'p.last_name COLLATE NOCASE {dir}, p.first_name COLLATE NOCASE {dir}, c.id {dir}',
  status: `${statusRank} {dir}, c.received_at {dir}, c.id {dir}`,
  nextDue: 'c.next_due_at IS NULL {dir}, c.next_due_at {dir}, c.id {dir}',
};

/** Whether this viewer sees cases blind until their interview (see viewOf in electron/core/access.ts). */
function mayBeBlind(db: Database, viewer: Viewer): boolean {
  return !viewer.roles.includes('coordinator') && viewer.roles.includes('forensic_interviewer') && readPolicy(db).blindInterviewer;
}

/** SQL for the cases this viewer may open (need to know; see electron/core/access.ts). */
export function visibleCase(viewer: Viewer, alias = 'c'): { sql: string; params: number[] } {
  const onTeam = `EXISTS (SELECT 1 FROM case_team t WHERE t.case_id = ${alias}.id AND t.user_id = ?)`;
  return viewer.roles.includes('coordinator')
    ? { sql: `(${alias}.restricted = 0 OR ${onTeam})`, params: [viewer.userId] }
    : { sql: onTeam, params: [viewer.userId] };
}

function filtered(query: Query): boolean {
  return (
    query.query.length > 0 ||
    query.statuses.length > 0 ||
    query.overdue ||
    query.violenceTypes.length > 0 ||
    query.receivedFrom !== null ||
    query.receivedTo !== null
  );
}

/**
 * A typed case or file number ("BH-2025-22573", "ДП 1357/2026") is looked up
 * whole first, as the index also holds each number run together: far fewer
 * candidates than its words ("bh" alone matches every case).
 */
function wholeNumber(db: Database, query: string): string | null {
  const words = foldText(query).split(' ').filter(Boolean);
  if (words.length < 2 || !/\d/.test(query)) return null;
  const joined = words.join('');
  const hit = db.prepare('SELECT 1 FROM case_terms WHERE term >= ? AND term < ? LIMIT 1').get(joined, `${joined}\u007f`);
  return hit ? joined : null;
}

type Row = {
  id: number;
  reference: string;
  status: CaseStatus;
  restricted: number;
  received_at: string | null;
  created_at: string;
  next_due_at: string | null;
  first_name: string;
  last_name: string;
  birth_date: string | null;
  coordinator: string | null;
  on_team: number;
  task_overdue: number;
};

/**
 * The case list. Only cases the caller may open are searched, filtered and
 * sorted: a restricted case must not be revealed by matching a name or a
 * category, nor placed by what it hides. A coordinator's unfiltered list
 * then shows the restricted cases they may not open at its end, unnamed,
 * by number.
 */
export function listCases(db: Database, viewer: Viewer, query: Query, now: Date): { items: CaseListItem[]; total: number } {
  // An open task on a closed case no longer makes it overdue; a blind interviewer is not told of tasks
  // before the interview (a referral to the anti-trafficking mechanism tells what was alleged).
  const blind = mayBeBlind(db, viewer) ? 1 : 0;
  const taskOverdue = `c.status != 'closed' AND EXISTS (SELECT 1 FROM case_tasks k WHERE k.case_id = c.id AND k.state = 'open' AND k.due_at < ?)
                       AND (c.interview_done_at IS NOT NULL OR ? = 0)`;
  const coordinator = viewer.roles.includes('coordinator');
  const visible = visibleCase(viewer);
  const where: string[] = [visible.sql];
  const params: (string | number)[] = [...visible.params];
  const whole = wholeNumber(db, query.query);
  for (const forms of whole ? [[whole]] : queryWords(query.query)) {
    const clause = termPrefixClause('case_id', 'case_terms', forms);
    where.push(`c.id IN (${clause.sql})`);
    params.push(...clause.params);
  }
  if (query.statuses.length > 0) {
    where.push(`c.status IN (${query.statuses.map(() => '?').join(', ')})`);
    params.push(...query.statuses);
  }
  if (query.overdue) {
    where.push(`c.id IN (SELECT id FROM cases WHERE next_due_at < ?
                         UNION ALL SELECT k.case_id FROM case_tasks k JOIN cases c ON c.id = k.case_id
                          WHERE k.state = 'open' AND k.due_at < ? AND c.status != 'closed' AND (c.interview_done_at IS NOT NULL OR ? = 0))`);
    params.push(iso(now), iso(now), blind);
  }
  if (query.violenceTypes.length > 0) {
    where.push(`(${query.violenceTypes.map(() => 'instr(c.violence_types, ?) > 0').join(' OR ')})`);
    params.push(...query.violenceTypes.map((v) => `"${v}"`));
  }
  if (query.receivedFrom) {
    where.push('c.received_at >= ?');
    params.push(query.receivedFrom);
  }
  if (query.receivedTo) {
    where.push(`c.received_at < date(?, '+1 day')`);
    params.push(query.receivedTo);
  }
  const whereSql = `WHERE ${where.join(' AND ')}`;
  const shown = (db.prepare(`SELECT count(*) AS n FROM cases c ${whereSql}`).get(...params) as { n: number }).n;
  const dir = query.direction === 'asc' ? 'ASC' : 'DESC';
  // Unfiltered, sorting by name walks the name index and looks each child's case up instead of sorting
  // every case; filtered, the few matches are found first and then sorted.
  const byNameIndex = query.sort === 'child' && !filtered(query);
  const from = byNameIndex ? 'FROM persons p CROSS JOIN cases c ON c.child_id = p.id' : 'FROM cases c JOIN persons p ON p.id = c.child_id';
  const rows = db
    .prepare(
      `SELECT c.id, c.reference, c.status, c.restricted, c.received_at, c.created_at, c.next_due_at, c.interview_done_at,
              p.first_name, p.last_name, p.birth_date, u.display_name AS coordinator,
              EXISTS (SELECT 1 FROM case_team t WHERE t.case_id = c.id AND t.user_id = ?) AS on_team,
              (${taskOverdue}) AS task_overdue
         ${from} LEFT JOIN users u ON u.id = c.coordinator_id
         ${whereSql}
         ORDER BY ${orderBy[query.sort].replaceAll('{dir}', dir)}
         LIMIT ? OFFSET ?`,
    )
    .all(viewer.userId, iso(now), blind, ...params, query.limit, query.offset) as Row[];
  const items = rows.map((r): CaseListItem => ({
    id: r.id,
    reference: r.reference,
    childName: `${r.first_name} ${r.last_name}`,
    age: ageAt(r.birth_date, now),
    status: r.status,
    restricted: r.restricted === 1,
    accessible: true,
    receivedAt: r.received_at,
    createdAt: r.created_at,
    nextDueAt: r.next_due_at,
    overdue: (r.next_due_at !== null && r.next_due_at < iso(now)) || r.task_overdue === 1,
    coordinator: r.coordinator,
  }));
  if (!coordinator || filtered(query)) return { items, total: shown };

  const hiddenSql = `FROM cases c WHERE c.restricted = 1 AND NOT EXISTS (SELECT 1 FROM case_team t WHERE t.case_id = c.id AND t.user_id = ?)`;
  const hidden = (db.prepare(`SELECT count(*) AS n ${hiddenSql}`).get(viewer.userId) as { n: number }).n;
  const room = query.limit - items.length;
  if (room > 0 && hidden > 0) {
    const skip = Math.max(0, query.offset - shown);
    const restricted = db.prepare(`SELECT c.id, c.reference, c.created_at ${hiddenSql} ORDER BY c.id LIMIT ? OFFSET ?`).all(viewer.userId, room, skip) as {
      id: number;
      reference: string;
      created_at: string;
    }[];
    for (const r of restricted) {
      items.push({
        id: r.id,
        reference: r.reference,
        childName: null,
        age: null,
        status: null,
        restricted: true,
        accessible: false,
        receivedAt: null,
        createdAt: r.created_at,
        nextDueAt: null,
        overdue: false,
        coordinator: null,
      });
    }
  }
  return { items, total: shown + hidden };
}
