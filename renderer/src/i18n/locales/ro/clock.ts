import type { Translation } from '../../types';

export const clock: Translation['clock'] = {
  shownIn: 'Orele sunt afișate în fusul orar al centrului ({{zone}}).',
};
