import type { Translation } from '../../types';

export const calendar: Translation['calendar'] = {
  title: 'Calendar',
};
