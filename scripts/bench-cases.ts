// How the case list, the intake duplicate check and the follow-up lists behave over a large
// centre: npm run bench:cases [-- --cases N]
// A fresh encrypted database in a temp folder, a staff sized to the centre, N demo cases with
// their follow-up from the seed generator (scripts/seed-data.ts, seed-followup.ts), then each
// query through the real dispatcher as a signed-in coordinator (and the follow-up lists also
// as a police officer on a few teams), audited like every other call. Measured, not asserted.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createClient, type Client, type Transport } from '../shared/client';
import type { CaseQuery } from '../shared/contract/methods/cases';
import { openCore, type Core } from '../electron/core/core';
import { DATABASE_FILE } from '../electron/core/db/store';
import { seedCases, seedUsers } from './seed-data';
import { describeFollowUp } from './seed-followup';

const usage = `Usage: npm run bench:cases -- [--cases N] [--runs R] [--seed S]

  --cases N   demo cases to seed first (default 100000)
  --runs R    timed calls per query (default 50, after 3 untimed)
  --seed S    the generator's seed (default 1)`;

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '50' },
    seed: { type: 'string', default: '1' },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const count = Number(values.cases);
const runs = Number(values.runs);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(runs) || runs < 1) {
  console.error(`bench:cases: --cases and --runs take whole numbers\n\n${usage}`);
  process.exit(2);
}

const ADMIN = { username: 'admin', password: 'correct horse battery', displayName: 'Bench Admin' };
const COORDINATOR = { username: 'bench.coord', password: 'a bench coordinator sentence' };
const COLLEAGUE_PASSWORD = 'a bench colleague sentence';

/**
 * Who works the follow-up of N cases over three years: the bench coordinator shares
 * the cases with four others; officers and social workers come from many local offices.
 */
function staffFor(cases: number) {
  return [
    { prefix: 'coord', title: 'Coordinator', role: 'coordinator', agency: 'barnahus_staff', count: 4 },
    { prefix: 'police', title: 'Inspector', role: 'police', agency: 'police', count: Math.max(2, Math.round(cases / 2500)) },
    { prefix: 'social', title: 'Social worker', role: 'child_protection', agency: 'child_protection', count: Math.max(1, Math.round(cases / 5000)) },
    { prefix: 'doctor', title: 'Dr.', role: 'medical', agency: 'medical', count: Math.max(1, Math.round(cases / 6000)) },
    { prefix: 'therapist', title: 'Therapist', role: 'therapist', agency: 'therapy', count: Math.max(1, Math.round(cases / 6000)) },
  ] as const;
}

function inProcessClient(core: Core): Client {
  const transport: Transport = {
    async call(method, input, token) {
      const outcome = await core.dispatch({ method, input, token, origin: { transport: 'in-process', workstation: 'bench' } });
      return outcome.ok ? { ok: true, data: outcome.data } : { ok: false, error: outcome.error };
    },
  };
  return createClient(transport);
}

const at = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

async function measure(label: string, call: () => Promise<{ total?: number; length?: number }>): Promise<number> {
  for (let i = 0; i < 3; i++) await call();
  const samples: number[] = [];
  let found = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const answer = await call();
    samples.push(performance.now() - start);
    found = answer.total ?? answer.length ?? 0;
  }
  const sorted = samples.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(50)} ${String(found).padStart(7)}  p50 ${at(sorted, 0.5).toFixed(1).padStart(7)}  p95 ${at(sorted, 0.95).toFixed(1).padStart(7)}  max ${at(sorted, 1).toFixed(1).padStart(7)}`,
  );
  return at(sorted, 0.5);
}

const mib = (file: string) => (fs.existsSync(file) ? fs.statSync(file).size / 1024 / 1024 : 0);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'barnahus-bench-cases-'));
try {
  console.log(`Barnahus Desk case-list benchmark — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}\n`);
  const file = path.join(dir, DATABASE_FILE);
  const core = openCore({ file, key: randomBytes(32), log: () => undefined });
  const admin = inProcessClient(core);
  await admin.call('setup.initialize', { centreName: 'Bench', admin: ADMIN });
  await admin.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
  await admin.call('users.create', { ...COORDINATOR, displayName: 'Bench Coordinator', agency: 'barnahus_staff', roles: ['coordinator'] });
  let colleagues = 0;
  for (const group of staffFor(count)) {
    for (let i = 1; i <= group.count; i++) {
      const n = String(i).padStart(2, '0');
      await admin.call('users.create', {
        username: `bench.${group.prefix}${n}`,
        password: COLLEAGUE_PASSWORD,
        displayName: `${group.title} ${group.prefix.charAt(0).toUpperCase()}${group.prefix.slice(1)} ${n}`,
        agency: group.agency,
        roles: [group.role],
      });
      colleagues++;
    }
  }
  // Skip the first-sign-in password change, as scripts/bench-core.ts does.
  core.store.db.prepare("UPDATE users SET must_change_password = 0 WHERE username LIKE 'bench.%'").run();
  const client = inProcessClient(core);
  await client.call('auth.login', COORDINATOR);
  // A centre on the Romanian–Bulgarian border: due dates end at midnight in Bucharest.
  const rules = (await client.call('resources.list', {})).rules;
  await client.call('resources.saveRules', { ...rules, timeZone: 'Europe/Bucharest' });

  const db = core.store.db;
  const seeded = seedCases(db, {
    count,
    seed: values.seed,
    now: new Date(),
    users: seedUsers(db),
    onProgress(done, total, ms) {
      if (process.stdout.isTTY) process.stdout.write(`\rseeding ${done}/${total} (${((done / ms) * 1000).toFixed(0)} cases/s)${done === total ? '\n' : ''}`);
    },
  });
  const walBefore = mib(`${file}-wal`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const rows = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  console.log(
    [
      `seeded ${seeded.inserted} cases in ${(seeded.elapsedMs / 1000).toFixed(1)} s (${((seeded.inserted / seeded.elapsedMs) * 1000).toFixed(0)} cases/s), ` +
        `registered ${seeded.from?.slice(0, 10)} … ${seeded.to?.slice(0, 10)} (${seeded.years} years)`,
      `database ${mib(file).toFixed(1)} MiB after checkpoint (WAL was ${walBefore.toFixed(1)} MiB); ` +
        `${rows('persons')} persons, ${rows('case_terms')} case terms, ${rows('person_terms')} person terms, ${rows('case_events')} timeline entries`,
      `staff: ${colleagues + 2} accounts; follow-up: ${seeded.followUp ? describeFollowUp(seeded.followUp) : 'none'}`,
      `${rows('action_items')} action items, ${rows('therapy_sessions')} therapy sessions, ${rows('referral_history')} referral history rows, ` +
        `${rows('meeting_cases')} cases on meeting agendas; open cases ${(db.prepare("SELECT count(*) AS n FROM cases WHERE status != 'closed'").get() as { n: number }).n}`,
      '',
    ].join('\n'),
  );

  // Search values taken from the data, so each finds something.
  const pick = <T>(sql: string) => db.prepare(sql).get() as T;
  const reference = pick<{ reference: string }>(`SELECT reference FROM cases ORDER BY id LIMIT 1 OFFSET ${Math.floor(count / 2)}`).reference;
  const prosecutorFile =
    pick<{ f: string } | undefined>(`SELECT prosecutor_file AS f FROM cases WHERE prosecutor_file LIKE '%/P/%' ORDER BY id DESC LIMIT 1`)?.f ?? reference;
  const policeFile = pick<{ f: string } | undefined>(`SELECT police_file AS f FROM cases WHERE police_file LIKE 'ДП%' ORDER BY id DESC LIMIT 1`)?.f ?? reference;
  const now = Date.now();
  const day = (ago: number) => new Date(now - ago * 86_400_000).toISOString().slice(0, 10);

  const list = (query: CaseQuery) => () => client.call('cases.list', query);
  const queries: [string, () => Promise<{ total?: number; length?: number }>][] = [
    ['cases.list, no filter (first page)', list({})],
    ['cases.list, name "petrov" (Cyrillic Петров/Петрова)', list({ query: 'petrov' })],
    ['cases.list, name "stefan" (Ștefan, Ștefănescu…)', list({ query: 'stefan' })],
    ['cases.list, two words "ivan petrov"', list({ query: 'ivan petrov' })],
    [`cases.list, case number ${reference}`, list({ query: reference })],
    [`cases.list, prosecutor file ${prosecutorFile}`, list({ query: prosecutorFile })],
    [`cases.list, police file ${policeFile}`, list({ query: policeFile })],
    ['cases.list, status interview', list({ statuses: ['interview'] })],
    ['cases.list, status open (all but closed)', list({ statuses: ['referral', 'initial_assessment', 'planning', 'interview', 'follow_up'] })],
    ['cases.list, overdue', list({ overdue: true })],
    ['cases.list, violence type sexual', list({ violenceTypes: ['sexual'] })],
    [`cases.list, received ${day(395)} … ${day(365)}`, list({ receivedFrom: day(395), receivedTo: day(365) })],
    ['cases.list, sorted by child name', list({ sort: 'child', direction: 'asc' })],
    ['cases.list, sorted by next deadline', list({ sort: 'nextDue', direction: 'asc' })],
    ['cases.list, sorted by status', list({ sort: 'status', direction: 'desc' })],
    ['cases.list, "petrov" + open + sort by name', list({ query: 'petrov', statuses: ['referral', 'initial_assessment', 'planning', 'interview', 'follow_up'], sort: 'child' })],
    ['cases.list, page 100 (offset 4950)', list({ offset: 4950 })],
    ['people.search, Ivan Petrov (Latin for Cyrillic)', () => client.call('people.search', { firstName: 'Ivan', lastName: 'Petrov', birthDate: null })],
    ['people.search, Stefan Popescu + birth date', () => client.call('people.search', { firstName: 'Stefan', lastName: 'Popescu', birthDate: '2014-05-01' })],
    ['people.search, Мария Иванова (Cyrillic)', () => client.call('people.search', { firstName: 'Мария', lastName: 'Иванова', birthDate: null })],
  ];
  console.log(`${'query (as a coordinator, audited; ms)'.padEnd(50)} ${'found'.padStart(7)}  ${runs} runs each`);
  const slow: string[] = [];
  for (const [label, call] of queries) if ((await measure(label, call)) > 100) slow.push(label);

  // The follow-up lists, as the coordinator (on the teams of the cases they registered) and as a police officer on a few.
  const teams = db.prepare('SELECT count(*) AS n FROM case_team t JOIN users u ON u.id = t.user_id WHERE u.username = ?');
  const officer = pick<{ username: string; n: number }>(
    `SELECT u.username, count(*) AS n FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'police' JOIN case_team t ON t.user_id = u.id
      GROUP BY u.id ORDER BY n, u.id LIMIT 1`,
  );
  const police = inProcessClient(core);
  await police.call('auth.login', { username: officer.username, password: COLLEAGUE_PASSWORD });
  // One busy case: the most referrals and examinations, then the longest therapy.
  const busy = pick<{ id: number; reference: string }>(
    `SELECT c.id, c.reference FROM cases c JOIN therapy_sessions s ON s.case_id = c.id WHERE c.restricted = 0
      GROUP BY c.id
      ORDER BY (SELECT count(*) FROM referrals r WHERE r.case_id = c.id) + (SELECT count(*) FROM medical_exams e WHERE e.case_id = c.id) DESC, count(*) DESC, c.id
      LIMIT 1`,
  );
  const month = { from: day(30), to: day(0), caseId: null };
  const lengthOf = <T>(call: () => Promise<T[]>) => async () => ({ length: (await call()).length });
  const followUp: [string, () => Promise<{ total?: number; length?: number }>][] = [
    ['cases.attention mine, coordinator', () => client.call('cases.attention', { scope: 'mine' })],
    ['cases.attention centre, coordinator', () => client.call('cases.attention', { scope: 'centre' })],
    ['cases.attention mine, police officer', () => police.call('cases.attention', { scope: 'mine' })],
    ['cases.attention centre, police officer', () => police.call('cases.attention', { scope: 'centre' })],
    ['actions.mine, coordinator', () => client.call('actions.mine', {})],
    ['actions.mine, police officer', () => police.call('actions.mine', {})],
    [`meetings.list ${month.from} … ${month.to}, coordinator`, () => client.call('meetings.list', month)],
    [`meetings.list ${month.from} … ${month.to}, police officer`, () => police.call('meetings.list', month)],
    [`meetings.statistics ${day(365)} … ${day(0)}`, async () => ({ length: (await client.call('meetings.statistics', { from: day(365), to: day(0) })).held })],
    [`referrals.list ${busy.reference}`, lengthOf(() => client.call('referrals.list', { caseId: busy.id }))],
    [`therapy.get ${busy.reference} (sessions)`, async () => ({ length: (await client.call('therapy.get', { caseId: busy.id })).sessions.length })],
    [`medical.list ${busy.reference}`, lengthOf(() => client.call('medical.list', { caseId: busy.id }))],
  ];
  const on = (username: string) => (teams.get(username) as { n: number }).n;
  console.log(`\n${'follow-up (coordinator on ' + on(COORDINATOR.username) + ' teams, officer on ' + officer.n + '; ms)'}`.padEnd(51) + ` ${'found'.padStart(7)}  ${runs} runs each`);
  for (const [label, call] of followUp) if ((await measure(label, call)) > 100) slow.push(label);
  const kinds = (items: { kind: string }[]) =>
    Object.entries(items.reduce<Record<string, number>>((n, i) => ({ ...n, [i.kind]: (n[i.kind] ?? 0) + 1 }), {}))
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
  console.log(`attention centre, coordinator: ${kinds(await client.call('cases.attention', { scope: 'centre' }))}`);
  console.log(`attention mine, police officer: ${kinds(await police.call('cases.attention', { scope: 'mine' }))}`);

  console.log(`\n${slow.length ? `over 100 ms at p50: ${slow.join('; ')}` : 'every query under 100 ms at p50'}`);
  console.log(`audit log: ${rows('audit_log')} entries; database now ${mib(file).toFixed(1)} MiB + WAL ${mib(`${file}-wal`).toFixed(1)} MiB`);
  const memory = process.memoryUsage();
  console.log(`resident memory at the end: ${(memory.rss / 1024 / 1024).toFixed(1)} MiB`);
  core.close();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
