export const therapy = {
  tab: 'Терапия',
};
