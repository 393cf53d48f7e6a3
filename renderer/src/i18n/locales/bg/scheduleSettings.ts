import type { Translation } from '../../types';

export const scheduleSettings: Translation['scheduleSettings'] = {
  title: 'Rooms and scheduling',
};
