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

type Query = ParsedInput<'cases.list'>;

const statusRank = `CASE c.status ${caseStatuses.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} END`;

/** `shown` wraps what a restricted case the caller may not open hides, so its place in the list does not give it away. */
const orderBy: Record<CaseSortField, (shown: (expr: string) => string) => string> = {
  received: (shown) => shown('c.received_at'),
  reference: () => 'c.reference',
  child: (shown) => `${shown('p.last_name')} COLLATE NOCASE {dir}, ${shown('p.first_name')} COLLATE NOCASE`,
  status: (shown) => shown(statusRank),
  nextDue: (shown) => `${shown('c.next_due_at')} IS NULL, ${shown('c.next_due_at')}`,
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
 * The case list. A search or filter only ever returns cases the caller may
 * open: a restricted case must not be revealed by matching a name or a
 * category. Unfiltered, coordinators also see restricted cases, unnamed.
 */
export function listCases(db: Database, viewer: Viewer, query: Query, now: Date): { items: CaseListItem[]; total: number } {
  // An open task on a closed case no longer makes it overdue; a blind interviewer is not told of tasks
  // before the interview (a referral to the anti-trafficking mechanism tells what was alleged).
  const blind = mayBeBlind(db, viewer) ? 1 : 0;
  const taskOverdue = `c.status != 'closed' AND EXISTS (SELECT 1 FROM case_tasks k WHERE k.case_id = c.id AND k.state = 'open' AND k.due_at < ?)
                       AND (c.interview_done_at IS NOT NULL OR ? = 0)`;
  const where: string[] = [];
  const params: (string | number)[] = [];
  const coordinator = viewer.roles.includes('coordinator');
  const unfilteredCoordinator = coordinator && !filtered(query);
  if (!unfilteredCoordinator) {
    const visible = visibleCase(viewer);
    where.push(visible.sql);
    params.push(...visible.params);
  }
  for (const forms of queryWords(query.query)) {
    const clause = termPrefixClause('case_id', 'case_terms', forms);
    where.push(`c.id IN (${clause.sql})`);
    params.push(...clause.params);
  }
  if (query.statuses.length > 0) {
    where.push(`c.status IN (${query.statuses.map(() => '?').join(', ')})`);
    params.push(...query.statuses);
  }
  if (query.overdue) {
    where.push(`(c.next_due_at < ? OR (${taskOverdue}))`);
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
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const from = 'FROM cases c JOIN persons p ON p.id = c.child_id';
  const total = (db.prepare(`SELECT count(*) AS n ${from} ${whereSql}`).get(...params) as { n: number }).n;
  const dir = query.direction === 'asc' ? 'ASC' : 'DESC';
  // Only a coordinator's unfiltered list holds cases the caller may not open (on_team is the column selected below).
  const shown = unfilteredCoordinator ? (expr: string) => `(CASE WHEN c.restricted = 0 OR on_team = 1 THEN ${expr} END)` : (expr: string) => expr;
  const order = orderBy[query.sort](shown).replace('{dir}', dir);
  const rows = db
    .prepare(
      `SELECT c.id, c.reference, c.status, c.restricted, c.received_at, c.created_at, c.next_due_at, c.interview_done_at,
              p.first_name, p.last_name, p.birth_date, u.display_name AS coordinator,
              EXISTS (SELECT 1 FROM case_team t WHERE t.case_id = c.id AND t.user_id = ?) AS on_team,
              (${taskOverdue}) AS task_overdue
         ${from} LEFT JOIN users u ON u.id = c.coordinator_id
         ${whereSql}
         ORDER BY ${order} ${dir}, c.id ${dir}
         LIMIT ? OFFSET ?`,
    )
    .all(viewer.userId, iso(now), blind, ...params, query.limit, query.offset) as {
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
  }[];
  const items = rows.map((r): CaseListItem => {
    const accessible = r.on_team === 1 || (coordinator && r.restricted === 0);
    if (!accessible) {
      return {
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
      };
    }
    return {
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
    };
  });
  return { items, total };
}
