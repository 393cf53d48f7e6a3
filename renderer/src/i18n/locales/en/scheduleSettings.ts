/** English words of the scheduleSettings screens; ro and bg mirror its keys. */
export const scheduleSettings = {
  title: 'Rooms and scheduling',
};
