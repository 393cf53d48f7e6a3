import { TZDate } from '@date-fns/tz';
import { getISOWeek, getISOWeekYear } from 'date-fns';
import fs from 'node:fs';
import path from 'node:path';
import { listBackupSets, lockDestination, objectsDir, PARTIAL_PREFIX, setsDir } from './destination';
import { readManifest } from './manifest';
import type { BackupSetSummary, Retention } from './types';

export interface RotationOutcome {
  removedSets: string[];
  removedObjects: number;
  freedBytes: number;
}

type Candidate = Pick<BackupSetSummary, 'name' | 'createdAt'> & { verified: boolean };

/**
 * Which sets to keep: the newest of each of the last N days, N weeks and N
 * months on the centre's calendar (a verified set preferred over a newer one
 * that failed its check), and always the newest set and the newest verified one.
 */
export function setsToKeep(sets: readonly Candidate[], retention: Retention, timeZone: string): Set<string> {
  const newestFirst = [...sets].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  const keep = new Set<string>();
  const pick = (period: (local: TZDate) => string, count: number) => {
    const groups = new Map<string, Candidate[]>();
    for (const set of newestFirst) {
      const key = period(new TZDate(Date.parse(set.createdAt), timeZone));
      groups.set(key, [...(groups.get(key) ?? []), set]);
    }
    [...groups.values()].slice(0, count).forEach((group) => keep.add((group.find((s) => s.verified) ?? group[0]!).name));
  };
  pick((d) => `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`, retention.daily);
  pick((d) => `${getISOWeekYear(d)}-W${getISOWeek(d)}`, retention.weekly);
  pick((d) => `${d.getFullYear()}-${d.getMonth()}`, retention.monthly);
  if (newestFirst[0]) keep.add(newestFirst[0].name);
  const newestVerified = newestFirst.find((s) => s.verified);
  if (newestVerified) keep.add(newestVerified.name);
  return keep;
}

/** Removes the sets the retention does not keep, then every evidence object no kept set names. */
export function rotateBackups(destination: string, retention: Retention, timeZone: string): RotationOutcome {
  const unlock = lockDestination(destination);
  try {
    const sets = listBackupSets(destination);
    const keep = setsToKeep(
      sets.map((s) => ({ name: s.name, createdAt: s.createdAt, verified: s.verification?.ok === true })),
      retention,
      timeZone,
    );
    const outcome: RotationOutcome = { removedSets: [], removedObjects: 0, freedBytes: 0 };
    const needed = new Set<string>();
    for (const set of sets) {
      if (keep.has(set.name)) {
        for (const object of readManifest(set.dir).body.objects) needed.add(object.name);
        continue;
      }
      // Renamed first: a set half-deleted by a crash is then debris, never a damaged "complete" set.
      const doomed = path.join(setsDir(destination), `${PARTIAL_PREFIX}removing-${set.name}`);
      fs.renameSync(set.dir, doomed);
      outcome.freedBytes += folderSize(doomed);
      fs.rmSync(doomed, { recursive: true, force: true });
      outcome.removedSets.push(set.name);
    }
    for (const prefix of fs.readdirSync(objectsDir(destination))) {
      if (prefix.startsWith('.')) continue;
      const folder = path.join(objectsDir(destination), prefix);
      for (const name of fs.readdirSync(folder)) {
        if (needed.has(name)) continue;
        const file = path.join(folder, name);
        outcome.freedBytes += fs.statSync(file).size;
        fs.chmodSync(file, 0o600);
        fs.rmSync(file);
        outcome.removedObjects++;
      }
    }
    return outcome;
  } finally {
    unlock();
  }
}

function folderSize(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    total += entry.isDirectory() ? folderSize(file) : fs.statSync(file).size;
  }
  return total;
}
