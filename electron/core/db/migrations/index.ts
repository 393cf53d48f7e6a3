import type { Migration } from '../migration';
import { migration001 } from './001-accounts';
import { migration002 } from './002-host-identity';
import { migration003 } from './003-account-security';
import { migration004 } from './004-security-policy';
import { migration005 } from './005-cases';
import { migration006 } from './006-audit-log';
import { migration007 } from './007-case-intake';
import { migration008 } from './008-case-workflow';
import { migration009 } from './009-case-numbers';
import { migration010 } from './010-case-list-indexes';
import { migration011 } from './011-case-status-sort';
import { migration012 } from './012-interviews';
import { migration013 } from './013-follow-up';
import { migration014 } from './014-follow-up-indexes';
import { migration015 } from './015-issued-documents';
import { migration016 } from './016-certification-history';
import { migration017 } from './017-document-withdrawals';
import { migration018 } from './018-child-safety';
import { migration019 } from './019-evidence-removal';
import { migration020 } from './020-backups';

/** In order. Add a file per schema change; never edit one that has shipped. */
export const migrations: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010, migration011, migration012, migration013, migration014, migration015, migration016, migration017, migration018, migration019, migration020];
