/**
 * Three-way merge of a record edited while someone else changed it: what the
 * editor read (base), what they want (mine) and what is stored now (theirs).
 * A field only one side changed takes that side; a field both changed to
 * different values is a conflict the person decides.
 */
export interface MergeResult<T> {
  merged: T;
  conflicts: (keyof T & string)[];
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function threeWayMerge<T extends Record<string, unknown>>(base: T, mine: T, theirs: T): MergeResult<T> {
  const merged = { ...theirs };
  const conflicts: (keyof T & string)[] = [];
  for (const key of Object.keys(mine) as (keyof T & string)[]) {
    const mineChanged = !same(mine[key], base[key]);
    const theirsChanged = !same(theirs[key], base[key]);
    if (mineChanged && !theirsChanged) merged[key] = mine[key];
    else if (mineChanged && theirsChanged && !same(mine[key], theirs[key])) conflicts.push(key);
  }
  return { merged, conflicts };
}

/** The fields whose values differ between two versions of a record. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): (keyof T & string)[] {
  return (Object.keys(after) as (keyof T & string)[]).filter((key) => !same(before[key], after[key]));
}

/** Only what differs, with its new value: what an edit sends. */
export function changesBetween<T extends Record<string, unknown>>(before: T, after: T): Partial<T> {
  return Object.fromEntries(changedFields(before, after).map((key) => [key, after[key]])) as Partial<T>;
}
