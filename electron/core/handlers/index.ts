import { authHandlers } from './auth';
import { centreHandlers } from './centre';
import { setupHandlers } from './setup';
import type { HandlerMap } from './types';

/** Every contract method has exactly one handler; the type makes a missing one a compile error. */
export const handlers: HandlerMap = {
  ...setupHandlers,
  ...authHandlers,
  ...centreHandlers,
};
