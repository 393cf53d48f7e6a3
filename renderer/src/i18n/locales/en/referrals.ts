export const referrals = {
  tab: 'Referrals',
};
