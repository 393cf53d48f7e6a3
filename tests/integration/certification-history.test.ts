import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/core';
import { migrations } from '../../electron/core/db/migrations';
import { DATABASE_FILE } from '../../electron/core/db/store';
import { TestClock, inProcessClient, insertUser, setUpCentre, signInWith } from '../support/core';
import { tempDir } from '../support/temp';

const PASSWORD = 'certification test sentence';

describe('certifications on file before their history was kept', () => {
  it('are carried into the history as on file at the upgrade, by nobody known; empty profiles are not', async () => {
    const clock = new TestClock();
    const file = path.join(tempDir(), DATABASE_FILE);
    const key = randomBytes(32);
    const before = openCore({ file, key, clock, migrations: migrations.slice(0, 15), log: () => undefined });
    await setUpCentre(inProcessClient(before));
    const db = before.store.db;
    await insertUser(db, 'coord', PASSWORD, ['coordinator']);
    const certified = await insertUser(db, 'stefan', PASSWORD, ['forensic_interviewer']);
    const blank = await insertUser(db, 'elena', PASSWORD, ['forensic_interviewer']);
    const profile = db.prepare('INSERT INTO interviewer_profiles (user_id, certification, certified_until, protocols, version) VALUES (?, ?, ?, ?, 1)');
    profile.run(certified, 'NICHD, certificat 2024', '2027-06-30', '["nichd"]');
    profile.run(blank, '', null, '[]');
    before.close();

    const upgradedAt = new Date().toISOString();
    const core = openCore({ file, key, clock, log: () => undefined });
    const coord = await signInWith(core, 'coord', PASSWORD);
    const { interviewers } = await coord.call('resources.list', {});
    const stefan = interviewers.find((i) => i.userId === certified)!;
    const [entry, ...rest] = stefan.certificationHistory;
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ certification: 'NICHD, certificat 2024', certifiedUntil: '2027-06-30', recordedBy: null });
    // Stamped with the moment of the upgrade (the host's real clock), so older interviews read as "recorded later".
    expect(entry!.recordedAt >= upgradedAt.slice(0, 16)).toBe(true);
    expect(interviewers.find((i) => i.userId === blank)!.certificationHistory).toEqual([]);
    core.close();
  });
});
