/** English words of the interviews screens; ro and bg mirror its keys. */
export const interviews = {
  tab: 'Interviews',
};
