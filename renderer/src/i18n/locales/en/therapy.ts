export const therapy = {
  tab: 'Therapy',
};
