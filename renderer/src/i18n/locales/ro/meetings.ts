export const meetings = {
  tab: 'Analize de caz',
  title: 'Întâlniri de analiză a cazului',
  tasks: { title: 'Sarcinile mele' },
};
