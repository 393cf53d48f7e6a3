// Name and place pools for the demo-data generator (scripts/seed-data.ts).
// Common names of the three communities a centre on the Romanian–Bulgarian
// border meets; Bulgarian surnames in both forms (Петров / Петрова).

export type Origin = 'ro' | 'bg' | 'en';
export type Sex = 'female' | 'male';

export const firstNames: Record<Origin, Record<Sex, readonly string[]>> = {
  ro: {
    female: [
      'Ioana', 'Maria', 'Elena', 'Ana', 'Andreea', 'Alexandra', 'Ștefania', 'Mădălina', 'Bianca', 'Cătălina', 'Irina', 'Roxana',
      'Daniela', 'Gabriela', 'Raluca', 'Simona', 'Larisa', 'Alina', 'Oana', 'Diana', 'Cristina', 'Teodora', 'Sofia', 'Antonia',
      'Ilinca', 'Denisa', 'Florentina', 'Georgiana', 'Iulia', 'Luminița', 'Viorica', 'Mihaela', 'Nicoleta', 'Rodica', 'Doina',
      'Paula', 'Carmen', 'Delia', 'Smaranda', 'Ecaterina', 'Anca', 'Ileana', 'Violeta', 'Lăcrămioara', 'Rebeca', 'Ariana',
      'Natalia', 'Petronela', 'Mirela', 'Corina', 'Ramona', 'Camelia', 'Adriana', 'Aurelia', 'Silvia', 'Ionela', 'Năstasia',
      'Mălina', 'Ruxandra', 'Sânziana',
    ],
    male: [
      'Ștefan', 'Ionuț', 'Andrei', 'Mihai', 'Alexandru', 'Răzvan', 'Cătălin', 'Bogdan', 'Florin', 'Costin', 'Tudor', 'Matei',
      'Luca', 'David', 'Gheorghe', 'Vasile', 'Constantin', 'Ion', 'Dumitru', 'Marius', 'Sorin', 'Adrian', 'Cosmin', 'Radu',
      'Horia', 'Remus', 'Aurel', 'Traian', 'Nicolae', 'Petru', 'Iulian', 'Dănuț', 'Gabriel', 'Teodor', 'Eduard', 'Sebastian',
      'Darius', 'Rareș', 'Mircea', 'Ovidiu', 'Valentin', 'Cristian', 'Dragoș', 'Silviu', 'Viorel', 'Costel', 'Gigel', 'Nelu',
      'Lucian', 'Emanuel', 'Octavian', 'Sergiu', 'Laurențiu', 'Vlad', 'Robert', 'Ciprian', 'Fănel', 'Tănase', 'Ilie', 'Aurelian',
    ],
  },
  bg: {
    female: [
      'Мария', 'Елена', 'Иванка', 'Гергана', 'Десислава', 'Виктория', 'Николета', 'Цветелина', 'Йоана', 'Радостина', 'Теодора',
      'Габриела', 'Симона', 'Калина', 'Божана', 'Росица', 'Силвия', 'Ралица', 'Надежда', 'Кристина', 'Деница', 'Яна', 'Стефка',
      'Албена', 'Петя', 'Милена', 'Вяра', 'Любов', 'Ана', 'Даниела', 'Екатерина', 'Зорница', 'Мирела', 'Ивана', 'Християна',
      'Невена', 'Юлия', 'Станислава', 'Жана', 'Цвета', 'Борислава', 'Валентина', 'Йорданка', 'Галина', 'Снежана', 'Анелия',
      'Райна', 'Веселина', 'Красимира', 'Людмила',
    ],
    male: [
      'Иван', 'Георги', 'Димитър', 'Николай', 'Петър', 'Христо', 'Стоян', 'Тодор', 'Васил', 'Александър', 'Мартин', 'Виктор',
      'Калоян', 'Борис', 'Божидар', 'Йордан', 'Стефан', 'Любомир', 'Цветан', 'Радослав', 'Пламен', 'Атанас', 'Кирил', 'Емил',
      'Добромир', 'Ангел', 'Симеон', 'Явор', 'Даниел', 'Самуил', 'Теодор', 'Асен', 'Румен', 'Живко', 'Жельо', 'Валентин',
      'Ясен', 'Юлиян', 'Христиан', 'Огнян', 'Благой', 'Красимир', 'Костадин', 'Младен', 'Цветомир', 'Илия', 'Генади', 'Щерьо',
      'Бойко', 'Веселин',
    ],
  },
  en: {
    female: [
      'Olivia', 'Amelia', 'Isla', 'Ava', 'Emily', 'Sophie', 'Grace', 'Lily', 'Freya', 'Ella', 'Chloe', 'Mia', 'Ruby', 'Evie',
      'Poppy', 'Jessica', 'Sarah', 'Emma', 'Hannah', 'Charlotte', 'Megan', 'Lucy', 'Rachel', 'Claire', 'Louise', 'Kelly',
      'Niamh', 'Siobhan', 'Aoife', 'Bethany',
    ],
    male: [
      'James', 'Oliver', 'Harry', 'Jack', 'George', 'Noah', 'Charlie', 'Jacob', 'Alfie', 'Freddie', 'Oscar', 'Leo', 'Thomas',
      'William', 'Henry', 'Samuel', 'Daniel', 'Ethan', 'Joseph', 'Liam', 'Connor', 'Callum', 'Ryan', 'Mark', 'Paul', 'Stephen',
      'Gareth', 'Rhys', 'Sean', 'Kieran',
    ],
  },
};

/** Romanian and English surnames do not change with sex. */
export const plainSurnames: Record<'ro' | 'en', readonly string[]> = {
  ro: [
    'Popescu', 'Ionescu', 'Popa', 'Pop', 'Radu', 'Dumitru', 'Stoica', 'Stan', 'Gheorghe', 'Matei', 'Ciobanu', 'Rusu', 'Munteanu',
    'Constantin', 'Moldovan', 'Lungu', 'Mocanu', 'Neagu', 'Dinu', 'Tudor', 'Șerban', 'Țăranu', 'Tănase', 'Ene', 'Vasile', 'Oprea',
    'Iordache', 'Bălan', 'Bărbulescu', 'Dobre', 'Nistor', 'Florea', 'Mărginean', 'Cristea', 'Ștefănescu', 'Lăzărescu', 'Sârbu',
    'Toma', 'Avram', 'Voicu', 'Mureșan', 'Pîrvu', 'Păun', 'Chirilă', 'Crăciun', 'Coman', 'Anghel', 'Zamfir', 'Nedelcu', 'Drăgan',
    'Mihăilă', 'Vlad', 'Năstase', 'Dragomir', 'Costache', 'Căpraru', 'Husar', 'Jitaru', 'Țurcanu', 'Ardeleanu', 'Sima', 'Buzatu',
    'Ungureanu', 'Bucur', 'Grigore', 'Preda', 'Ciocârlan', 'Văduva', 'Manea', 'Ispas', 'Stănescu', 'Bîrsan', 'Șandru', 'Ilie',
    'Petrescu', 'Nițu', 'Roșca', 'Cozma', 'Hodorogea', 'Lupu',
  ],
  en: [
    'Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Johnson', 'Roberts', 'Walker',
    'Wright', 'Robinson', 'Thompson', 'White', 'Hughes', 'Edwards', 'Green', 'Hall', 'Wood', 'Harris', 'Lewis', 'Martin',
    'Jackson', 'Clarke', 'Turner', 'Hill', 'Scott', 'Cooper', 'Morris', 'Ward', 'Moore', 'King', 'Watson', 'Baker', 'Harrison',
    'Morgan', 'Patel', 'Young', 'Allen', 'Mitchell', 'Anderson', 'Phillips', 'Bell', 'Parker', "O'Brien", 'Murphy', 'Kelly',
    'McCarthy',
  ],
};

/** Bulgarian surnames: the masculine form; the feminine adds -а (Петров → Петрова, Златарски → Златарска). */
export const bulgarianSurnames: readonly string[] = [
  'Петров', 'Иванов', 'Георгиев', 'Димитров', 'Николов', 'Христов', 'Стоянов', 'Тодоров', 'Илиев', 'Атанасов', 'Ангелов',
  'Йорданов', 'Цветков', 'Маринов', 'Колев', 'Костов', 'Попов', 'Василев', 'Русев', 'Михайлов', 'Жеков', 'Щерев', 'Ценов',
  'Кирилов', 'Петков', 'Младенов', 'Йовчев', 'Радев', 'Стефанов', 'Симеонов', 'Янков', 'Божилов', 'Пенев', 'Добрев', 'Хаджиев',
  'Чернев', 'Шишков', 'Зарев', 'Неделчев', 'Славов', 'Гочев', 'Кънчев', 'Ъглев', 'Юруков', 'Дачев', 'Златарски', 'Маджарски',
  'Стойчев', 'Велев', 'Райчев', 'Цанков', 'Бонев', 'Лазаров', 'Пеев', 'Мутафчиев', 'Генов', 'Пашов', 'Тончев',
];

export function bulgarianSurname(masculine: string, sex: Sex): string {
  if (sex === 'male') return masculine;
  return masculine.endsWith('ски') ? `${masculine.slice(0, -1)}а` : `${masculine}а`;
}

/** The 2009 Bulgarian romanisation, as on passports and on foreign files: Христо → Hristo, Щерев → Shterev. */
const latinOf: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o',
  п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sht', ъ: 'a', ь: 'y', ю: 'yu', я: 'ya',
};

export function romanise(text: string): string {
  let out = '';
  for (const char of text) {
    const lower = char.toLowerCase();
    const latin = latinOf[lower];
    if (latin === undefined) out += char;
    else out += lower === char ? latin : latin.charAt(0).toUpperCase() + latin.slice(1);
  }
  return out;
}

export const cities: Record<'ro' | 'bg', readonly string[]> = {
  ro: ['Giurgiu', 'Giurgiu', 'Giurgiu', 'București', 'Călărași', 'Oltenița', 'Alexandria', 'Zimnicea', 'Cluj-Napoca', 'Constanța', 'Craiova', 'Iași'],
  bg: ['Русе', 'Русе', 'Русе', 'Силистра', 'Свищов', 'Тутракан', 'София', 'Плевен', 'Варна', 'Пловдив', 'Бяла', 'Две могили'],
};

export const streets: Record<'ro' | 'bg', readonly string[]> = {
  ro: [
    'Str. Mihai Eminescu', 'Bd. Independenței', 'Str. Gării', 'Aleea Trandafirilor', 'Str. Tudor Vladimirescu', 'Calea București',
    'Str. Ștefan cel Mare', 'Str. Avram Iancu', 'Str. Libertății', 'Str. Zorilor', 'Șos. Alexandriei', 'Str. Nicolae Bălcescu',
  ],
  bg: [
    'ул. „Шипка“', 'бул. „Цар Освободител“', 'ул. „Христо Ботев“', 'ул. „Васил Левски“', 'ул. „Славянска“', 'ул. „Александровска“',
    'бул. „Липник“', 'ул. „Борисова“', 'ул. „Плиска“', 'ж.к. „Дружба“ бл. 12',
  ],
};

export const schools: Record<'ro' | 'bg', { young: readonly string[]; older: readonly string[] }> = {
  ro: {
    young: ['Grădinița cu Program Prelungit nr. {n}', 'Grădinița „Licurici”', 'Grădinița nr. {n}'],
    older: [
      'Școala Gimnazială nr. {n}', 'Școala Gimnazială „Ion Creangă”', 'Colegiul Național „Ion Maiorescu”', 'Liceul Tehnologic nr. {n}',
      'Liceul Teoretic „Tudor Vianu”', 'Școala Gimnazială „Sfântul Gheorghe”',
    ],
  },
  bg: {
    young: ['ДГ „Слънчице“', 'ДГ № {n}', 'ДГ „Детелина“'],
    older: ['{n} СУ „Христо Ботев“', 'ОУ „Иван Вазов“', 'СУ „Васил Левски“', 'ПГ по туризъм', 'ОУ „Отец Паисий“', 'СУ „Йордан Йовков“'],
  },
};

/** How the one who referred the case signs: a professional's title in the family's or the agency's language. */
export const titles = {
  police: { ro: 'Agent șef', bg: 'инсп.' },
  doctor: { ro: 'Dr.', bg: 'д-р' },
  prosecutor: { ro: 'Procuror', bg: 'прокурор' },
} as const;

export const institutions = {
  police: { ro: 'Poliția Municipiului {city}, Biroul pentru Minori', bg: 'РУ на МВР – {city}, Детска педагогическа стая' },
  school: { ro: 'consilier școlar', bg: 'училищен психолог' },
  health: { ro: 'Spitalul Județean de Urgență {city}, Pediatrie', bg: 'МБАЛ – {city}, детско отделение' },
  social: { ro: 'DGASPC {city}, Serviciul Evaluare Inițială', bg: 'Д „СП“ – {city}, Отдел „Закрила на детето“' },
  prosecutor: { ro: 'Parchetul de pe lângă Judecătoria {city}', bg: 'Районна прокуратура – {city}' },
  helpline: { ro: 'Telefonul Copilului 116 111', bg: 'Национална телефонна линия за деца 116 111' },
  ngo: { ro: 'Asociația „Copii în Siguranță”', bg: 'Фондация „Детски глас“' },
} as const;

export const needs: readonly string[] = [
  'Hearing impairment: needs a sign-language interpreter.',
  'Autism spectrum: needs a quiet room, short sessions and breaks.',
  'Speaks very little; communicates with pictures.',
  'Takes medication for epilepsy at 8:00 and 20:00.',
  'Anxious with men in uniform: interviewer and escort should be women.',
  'Uses a wheelchair.',
  'Mild intellectual disability: simple questions, one at a time.',
  'Stammers when stressed; allow time to answer.',
];
