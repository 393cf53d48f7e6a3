// Writes realistic demo cases into a centre's encrypted database: npm run seed -- --cases N
// By default the data folder and key file `npm start` gives the host where Electron cannot run
// (.barnahus-dev/); --data-dir and --key-file point it at any other host's.
import { randomInt } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openCore, type Core } from '../electron/core/core';
import { DATABASE_FILE, databaseExists } from '../electron/core/db/store';
import { StoreError } from '../electron/core/db/store-error';
import { keyFileInsideDataDir, loadOrCreateKeyFile } from '../electron/host/keyfile';
import { seedCases, seedUsers } from './seed-data';
import { describeFollowUp } from './seed-followup';

const root = fileURLToPath(new URL('..', import.meta.url));
/** What scripts/start.mjs passes to the host (`npm start` without Electron). */
const defaultDataDir = path.join(root, '.barnahus-dev', 'data');
const defaultKeyFile = path.join(root, '.barnahus-dev', 'keys', 'host.key');

const usage = `Usage: npm run seed -- --cases N [--seed S] [--data-dir DIR] [--key-file PATH] [--setup]

  --cases N         how many demo cases to add (required)
  --seed S          seed of the random generator: the same seed gives the same people and cases (default 1)
  --data-dir DIR    the host's data folder (default .barnahus-dev/data, as npm start uses; --data works too)
  --key-file PATH   the host's key file (default .barnahus-dev/keys/host.key)
  --years Y         spread registrations over the past Y years (default 3)
  --setup           if the centre is not set up yet: create it, an administrator, a demo coordinator
                    and the colleagues the follow-up needs (police officer, social worker, doctor,
                    therapist), and print their passwords
  --no-follow-up    only the cases: no medical exams, therapy, case review meetings or referrals

Stop the host first, or run it and reload the workstations afterwards: cases written here are
not pushed to open case lists.`;

interface SeedArgs {
  cases: number;
  seed: string;
  dataDir: string;
  keyFile: string;
  years: number;
  setup: boolean;
  followUp: boolean;
}

function parseSeedArgs(argv: string[]): SeedArgs | { error: string } | { help: true } {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        cases: { type: 'string' },
        seed: { type: 'string', default: '1' },
        'data-dir': { type: 'string' },
        data: { type: 'string' },
        'key-file': { type: 'string', default: defaultKeyFile },
        years: { type: 'string', default: '3' },
        setup: { type: 'boolean', default: false },
        'no-follow-up': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    return { error: (error as Error).message };
  }
  if (values.help) return { help: true };
  if (values.cases === undefined) return { error: '--cases N is required' };
  const cases = Number(values.cases);
  if (!Number.isInteger(cases) || cases < 1 || cases > 10_000_000) return { error: `--cases must be a whole number from 1 to 10000000, not "${values.cases}"` };
  const years = Number(values.years);
  if (!Number.isInteger(years) || years < 1 || years > 50) return { error: `--years must be a whole number from 1 to 50, not "${values.years}"` };
  if (values['data-dir'] && values.data && values['data-dir'] !== values.data) return { error: 'give --data-dir or --data, not both' };
  return { cases, seed: values.seed, dataDir: values['data-dir'] ?? values.data ?? defaultDataDir, keyFile: values['key-file'], years, setup: values.setup, followUp: !values['no-follow-up'] };
}

/** 20 random letters and digits in groups (about 100 bits): strong by the centre's password policy. */
function strongPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const groups = Array.from({ length: 4 }, () => Array.from({ length: 5 }, () => alphabet[randomInt(alphabet.length)]).join(''));
  return groups.join('-');
}

const origin = { transport: 'in-process' as const, workstation: `seed script on ${os.hostname()}` };

async function call(core: Core, method: string, input: unknown, token: string | null = null): Promise<unknown> {
  const outcome = await core.dispatch({ method, input, token, origin });
  if (!outcome.ok) throw new Error(`${method} refused: ${outcome.error.message}`);
  return outcome.data;
}

/** The demo colleagues --setup creates: a coordinator registers the cases, the others work their follow-up. */
const demoColleagues = [
  { label: 'case coordinator', username: 'demo.coordinator', displayName: 'Demo Coordinator', agency: 'barnahus_staff', roles: ['coordinator'], jobTitle: 'Case coordinator' },
  { label: 'police officer', username: 'demo.police', displayName: 'Radu Ionescu', agency: 'police', roles: ['police'], jobTitle: 'Inspector, juvenile unit' },
  { label: 'social worker', username: 'demo.social', displayName: 'Гергана Николова', agency: 'child_protection', roles: ['child_protection'], jobTitle: 'Child protection worker' },
  { label: 'doctor', username: 'demo.doctor', displayName: 'Dr. Ioana Marinescu', agency: 'medical', roles: ['medical'], jobTitle: 'Forensic paediatrician' },
  { label: 'therapist', username: 'demo.therapist', displayName: 'Elena Dumitru', agency: 'therapy', roles: ['therapist'], jobTitle: 'Child psychotherapist' },
] as const;

/** First-run set-up through the same calls as the set-up screen and Accounts, so the audit log records them. */
async function setUpCentre(core: Core): Promise<void> {
  const admin = { username: 'admin', password: strongPassword(), displayName: 'Demo Administrator' };
  await call(core, 'setup.initialize', { centreName: 'Barnahus Demo', admin });
  console.log('Set up the centre "Barnahus Demo". Its accounts (passwords shown once; note them now):');
  console.log(`  administrator      ${admin.username.padEnd(18)} ${admin.password}`);
  const { token } = (await call(core, 'auth.login', { username: admin.username, password: admin.password })) as { token: string };
  for (const { label, ...colleague } of demoColleagues) {
    const password = strongPassword();
    await call(core, 'users.create', { ...colleague, roles: [...colleague.roles], password }, token);
    console.log(`  ${label.padEnd(18)} ${colleague.username.padEnd(18)} ${password}`);
  }
  await call(core, 'auth.logout', {}, token);
  console.log('  (all but the administrator are asked for a new password at first sign-in)\n');
}

function notSetUp(args: SeedArgs): number {
  const how =
    args.dataDir === defaultDataDir && args.keyFile === defaultKeyFile
      ? 'Run `npm start`, open https://127.0.0.1:8443/ and complete the first-run set-up, then run this again;'
      : `Run \`npm run host -- --data ${args.dataDir} --key-file ${args.keyFile} --web\`, open it in a browser and complete\nthe first-run set-up, then run this again;`;
  console.error(
    [`seed: the centre in ${args.dataDir} is not set up yet.`, how, 'or add --setup to create the centre with an administrator and a demo coordinator here.'].join('\n'),
  );
  return 1;
}

async function main(argv: string[]): Promise<number> {
  const args = parseSeedArgs(argv);
  if ('help' in args) {
    console.log(usage);
    return 0;
  }
  if ('error' in args) {
    console.error(`seed: ${args.error}\n\n${usage}`);
    return 2;
  }
  const file = path.join(args.dataDir, DATABASE_FILE);
  const exists = databaseExists(file);
  if (!exists && !args.setup) return notSetUp(args);
  if (keyFileInsideDataDir(args.keyFile, args.dataDir)) {
    console.error('warning: the key file is inside the data folder; anyone with a copy of the folder can open the database.');
  }

  let core: Core;
  try {
    if (!exists) fs.mkdirSync(args.dataDir, { recursive: true, mode: 0o700 });
    // The host's own loader: refuses a key readable by others, and never makes a new key for an existing database.
    const { key } = loadOrCreateKeyFile(args.keyFile, { databaseExists: exists });
    core = openCore({ file, key });
  } catch (error) {
    if (error instanceof StoreError) {
      console.error(`seed: ${error.message}`);
      return 1;
    }
    throw error;
  }

  try {
    const db = core.store.db;
    const initialized = (db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n > 0;
    if (!initialized && !args.setup) return notSetUp(args);
    if (!initialized) await setUpCentre(core);
    else if (args.setup) console.log('The centre is already set up; --setup ignored.');

    const users = seedUsers(db);
    if (users.length === 0) {
      console.error('seed: there is no enabled coordinator or administrator to register the cases as.');
      return 1;
    }
    const names = db.prepare(`SELECT username FROM users WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`).all(JSON.stringify(users.map((u) => u.id))) as { username: string }[];
    const before = (db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
    console.log(`Adding ${args.cases} demo cases (seed ${args.seed}) to ${file}`);
    console.log(`registered by ${names.map((n) => n.username).join(', ')}${users[0]!.coordinator ? '' : ' (no coordinator yet: the first administrator)'}; ${before} cases there already.`);

    const tty = process.stdout.isTTY;
    let lastShown = 0;
    const result = seedCases(db, {
      count: args.cases,
      seed: args.seed,
      now: new Date(),
      users,
      years: args.years,
      followUp: args.followUp,
      batchSize: 1000,
      onProgress(done, total, ms) {
        const line = `  ${String(done).padStart(String(total).length)}/${total} cases  ${((done / ms) * 1000).toFixed(0)} cases/s`;
        if (tty) process.stdout.write(`\r${line}${done === total ? '\n' : ''}`);
        else if (done === total || done - lastShown >= Math.max(1000, total / 10)) {
          console.log(line);
          lastShown = done;
        }
      },
    });
    db.pragma('wal_checkpoint(TRUNCATE)');

    const seconds = result.elapsedMs / 1000;
    const statuses = Object.entries(result.statuses)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([s, n]) => `${s} ${n}`)
      .join(', ');
    console.log(
      [
        '',
        `cases inserted:   ${result.inserted} (now ${before + result.inserted} in total)`,
        `time taken:       ${seconds.toFixed(1)} s`,
        `cases/second:     ${(result.inserted / seconds).toFixed(0)}`,
        `registered:       ${result.from?.slice(0, 10)} … ${result.to?.slice(0, 10)} (${result.years} years)`,
        `statuses:         ${statuses}`,
        `re-referred:      ${result.reReferrals} children; ${result.siblings} siblings of earlier children`,
        `trafficking:      ${result.trafficking} cases with indicators`,
        `follow-up:        ${result.followUp ? describeFollowUp(result.followUp).split('; ').join('\n                  ') : 'none (--no-follow-up)'}`,
        ...(result.followUp?.missing ?? []).map((m) => `                  left out: ${m} (add one under Accounts)`),
        `database:         ${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MiB`,
      ].join('\n'),
    );
    return 0;
  } finally {
    core.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
