export const meetings = {
  tab: 'Обсъждания',
  title: 'Срещи за обсъждане на случая',
  tasks: { title: 'Моите задачи' },
};
