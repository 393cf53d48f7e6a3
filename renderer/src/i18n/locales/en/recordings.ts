/** English words of the recordings screens; ro and bg mirror its keys. */
export const recordings = {
  title: 'Recordings',
};
