export const meetings = {
  tab: 'Case reviews',
  title: 'Case review meetings',
  tasks: { title: 'My tasks' },
};
