import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../../shared/contract';
import { changesBetween } from '../../../shared/merge';
import type { Conflict } from './MergeDialog';

/**
 * Saving an edited record against the version it was read at. Only what
 * differs from `base` is sent; if someone saved in between (409 with
 * details.current), the conflict is kept for the merge dialog instead.
 */
export function useMergeableSave<T extends Record<string, unknown>, Current>({
  base,
  version,
  send,
  storedIn,
}: {
  base: T;
  version: number;
  send: (changes: Partial<T>, version: number) => Promise<unknown>;
  /** The stored fields and version in a conflict's `current`, or null when it is not this record. */
  storedIn: (current: Current) => { fields: T; version: number } | null;
}) {
  const queryClient = useQueryClient();
  const [conflict, setConflict] = useState<Conflict<T> | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['cases'] });
  const saveChanges = async (changes: Partial<T>, at: number) => {
    if (Object.keys(changes).length > 0) await send(changes, at);
    await refresh();
  };
  /** True once saved; false when a merge is needed now. Other refusals are thrown for the form to show. */
  const saveMine = async (mine: T): Promise<boolean> => {
    try {
      await saveChanges(changesBetween(base, mine), version);
      return true;
    } catch (error) {
      const current = error instanceof ApiError && error.code === 'conflict' ? (error.details as { current?: Current } | undefined)?.current : undefined;
      const stored = current === undefined ? null : storedIn(current);
      if (!stored) throw error;
      setConflict({ base, mine, theirs: stored.fields, version: stored.version });
      return false;
    }
  };
  return { conflict, saveMine, saveMerged: saveChanges, refresh };
}
