export const medical = {
  tab: 'Medical',
};
