export const referrals = {
  tab: 'Trimiteri',
};
