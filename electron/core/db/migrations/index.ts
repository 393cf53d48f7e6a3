import type { Migration } from '../migration';
import { migration001 } from './001-accounts';
import { migration002 } from './002-host-identity';

/** In order. Add a file per schema change; never edit one that has shipped. */
export const migrations: readonly Migration[] = [migration001, migration002];
