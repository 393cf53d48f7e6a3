export const therapy = {
  tab: 'Terapie',
};
