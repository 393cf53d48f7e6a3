import type { Translation } from '../../types';

export const clock: Translation['clock'] = {
  shownIn: 'Часовете са показани в часовата зона на центъра ({{zone}}).',
};
