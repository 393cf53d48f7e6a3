import type { Translation } from '../../types';

export const recordings: Translation['recordings'] = {
  title: 'Recordings',
};
