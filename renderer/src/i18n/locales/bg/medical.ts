export const medical = {
  tab: 'Медицина',
};
