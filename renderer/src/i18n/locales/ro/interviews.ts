import type { Translation } from '../../types';

export const interviews: Translation['interviews'] = {
  tab: 'Interviews',
};
