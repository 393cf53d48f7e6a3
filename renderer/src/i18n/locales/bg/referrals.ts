export const referrals = {
  tab: 'Насочвания',
};
