import { accountHandlers } from './account';
import { auditHandlers } from './audit';
import { authHandlers } from './auth';
import { backupsHandlers } from './backups';
import { casePeopleHandlers } from './case-people';
import { caseWorkflowHandlers } from './case-workflow';
import { casesHandlers } from './cases';
import { centreHandlers } from './centre';
import { documentHandlers } from './documents';
import { interviewHandlers } from './interviews';
import { medicalHandlers } from './medical';
import { meetingHandlers } from './meetings';
import { referralHandlers } from './referrals';
import { therapyHandlers } from './therapy';
import { recordingHandlers } from './recordings';
import { resourceHandlers } from './resources';
import { securityHandlers } from './security';
import { setupHandlers } from './setup';
import type { HandlerMap } from './types';
import { usersHandlers } from './users';

/** Every contract method has exactly one handler; the type makes a missing one a compile error. */
export const handlers: HandlerMap = {
  ...setupHandlers,
  ...authHandlers,
  ...accountHandlers,
  ...centreHandlers,
  ...securityHandlers,
  ...usersHandlers,
  ...casesHandlers,
  ...casePeopleHandlers,
  ...caseWorkflowHandlers,
  ...resourceHandlers,
  ...interviewHandlers,
  ...recordingHandlers,
  ...medicalHandlers,
  ...therapyHandlers,
  ...meetingHandlers,
  ...referralHandlers,
  ...documentHandlers,
  ...auditHandlers,
  ...backupsHandlers,
};
