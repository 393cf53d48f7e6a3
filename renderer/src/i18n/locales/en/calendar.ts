/** English words of the calendar screens; ro and bg mirror its keys. */
export const calendar = {
  title: 'Calendar',
};
