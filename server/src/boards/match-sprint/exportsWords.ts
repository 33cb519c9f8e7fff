import { baseLanguage } from '@twinspace/shared';

/**
 * The action plan's own words in the seven interface languages: a plan asked for in
 * Ukrainian has Ukrainian headings (participants' texts stay as written or translated).
 * English when no language, or one without words here, was asked for.
 */
export interface PlanWords {
  title: (board: string) => string;
  cities: string;
  sprint: string;
  language: (lang: string) => string;
  noProjects: string;
  matchedFrom: string;
  team: string;
  nobody: string;
  noCity: string;
  bothSides: string;
  oneSide: string;
  tasks: string;
  noTasks: string;
  columns: readonly [string, string, string, string, string, string];
  status: Readonly<Record<string, string>>;
  kinds: Readonly<Record<string, string>>;
  carried: string;
  original: string;
  review: (sprint: number) => string;
  done: string;
  worked: string;
  next: string;
  perCity: string;
  noOpen: string;
  due: string;
  topFive: string;
  votes: (n: number) => string;
}

const en: PlanWords = {
  title: (board) => `${board}: joint action plan`,
  cities: 'Cities',
  sprint: 'Current sprint',
  language: (lang) => `Language: ${lang} (card translations where participants added them)`,
  noProjects: 'No joint projects yet.',
  matchedFrom: 'Matched from',
  team: 'Team',
  nobody: 'Nobody has joined yet.',
  noCity: 'no city',
  bothSides: 'Both sides are in the team.',
  oneSide: 'Only one side is in the team so far.',
  tasks: 'Tasks',
  noTasks: 'No tasks yet.',
  columns: ['Sprint', 'Task', 'Owner', 'City', 'Due', 'Status'],
  status: { todo: 'to do', doing: 'doing', done: 'done' },
  kinds: { interest: 'interest', potential: 'potential', need: 'need', idea: 'idea' },
  carried: 'carried forward',
  original: 'original',
  review: (n) => `Review of sprint ${n}`,
  done: 'What was done',
  worked: 'What worked',
  next: 'What is next',
  perCity: 'Per city',
  noOpen: 'No open tasks.',
  due: 'due',
  topFive: 'Top five',
  votes: (n) => `${n} ${n === 1 ? 'vote' : 'votes'}`,
};

const de: PlanWords = {
  title: (board) => `${board}: gemeinsamer Aktionsplan`,
  cities: 'Städte',
  sprint: 'Aktueller Sprint',
  language: (lang) =>
    `Sprache: ${lang} (Übersetzungen der Karten, wo Teilnehmende sie ergänzt haben)`,
  noProjects: 'Noch keine gemeinsamen Projekte.',
  matchedFrom: 'Entstanden aus',
  team: 'Team',
  nobody: 'Noch niemand ist beigetreten.',
  noCity: 'keine Stadt',
  bothSides: 'Beide Seiten sind im Team.',
  oneSide: 'Bisher ist nur eine Seite im Team.',
  tasks: 'Aufgaben',
  noTasks: 'Noch keine Aufgaben.',
  columns: ['Sprint', 'Aufgabe', 'Verantwortlich', 'Stadt', 'Fällig', 'Status'],
  status: { todo: 'offen', doing: 'in Arbeit', done: 'erledigt' },
  kinds: { interest: 'Interesse', potential: 'Potenzial', need: 'Bedarf', idea: 'Idee' },
  carried: 'übernommen',
  original: 'Original',
  review: (n) => `Rückblick auf Sprint ${n}`,
  done: 'Was erledigt wurde',
  worked: 'Was gut lief',
  next: 'Wie es weitergeht',
  perCity: 'Nach Stadt',
  noOpen: 'Keine offenen Aufgaben.',
  due: 'fällig',
  topFive: 'Top fünf',
  votes: (n) => `${n} ${n === 1 ? 'Stimme' : 'Stimmen'}`,
};

/** Slavic plural forms: one, few, many (1 голос, 2 голоси, 5 голосів). */
const slavic = (n: number, one: string, few: string, many: string): string => {
  const [d, h] = [n % 10, n % 100];
  const word = d === 1 && h !== 11 ? one : d >= 2 && d <= 4 && (h < 12 || h > 14) ? few : many;
  return `${n} ${word}`;
};

const uk: PlanWords = {
  title: (board) => `${board}: спільний план дій`,
  cities: 'Міста',
  sprint: 'Поточний спринт',
  language: (lang) => `Мова: ${lang} (переклади карток, де учасники їх додали)`,
  noProjects: 'Спільних проєктів ще немає.',
  matchedFrom: 'Виникло з',
  team: 'Команда',
  nobody: 'Ще ніхто не приєднався.',
  noCity: 'без міста',
  bothSides: 'Обидві сторони в команді.',
  oneSide: 'Поки що в команді лише одна сторона.',
  tasks: 'Завдання',
  noTasks: 'Завдань ще немає.',
  columns: ['Спринт', 'Завдання', 'Відповідальна особа', 'Місто', 'Термін', 'Стан'],
  status: { todo: 'до виконання', doing: 'у роботі', done: 'виконано' },
  kinds: { interest: 'інтерес', potential: 'потенціал', need: 'потреба', idea: 'ідея' },
  carried: 'перенесено',
  original: 'оригінал',
  review: (n) => `Підсумки спринту ${n}`,
  done: 'Що зроблено',
  worked: 'Що спрацювало',
  next: 'Що далі',
  perCity: 'За містами',
  noOpen: 'Відкритих завдань немає.',
  due: 'термін',
  topFive: 'Головна п’ятірка',
  votes: (n) => slavic(n, 'голос', 'голоси', 'голосів'),
};

const ru: PlanWords = {
  title: (board) => `${board}: совместный план действий`,
  cities: 'Города',
  sprint: 'Текущий спринт',
  language: (lang) => `Язык: ${lang} (переводы карточек, где участники их добавили)`,
  noProjects: 'Совместных проектов пока нет.',
  matchedFrom: 'Возникло из',
  team: 'Команда',
  nobody: 'Пока никто не присоединился.',
  noCity: 'без города',
  bothSides: 'Обе стороны в команде.',
  oneSide: 'Пока в команде только одна сторона.',
  tasks: 'Задачи',
  noTasks: 'Задач пока нет.',
  columns: ['Спринт', 'Задача', 'Ответственный', 'Город', 'Срок', 'Статус'],
  status: { todo: 'к выполнению', doing: 'в работе', done: 'готово' },
  kinds: { interest: 'интерес', potential: 'потенциал', need: 'потребность', idea: 'идея' },
  carried: 'перенесено',
  original: 'оригинал',
  review: (n) => `Итоги спринта ${n}`,
  done: 'Что сделано',
  worked: 'Что сработало',
  next: 'Что дальше',
  perCity: 'По городам',
  noOpen: 'Открытых задач нет.',
  due: 'срок',
  topFive: 'Главная пятёрка',
  votes: (n) => slavic(n, 'голос', 'голоса', 'голосов'),
};

const be: PlanWords = {
  title: (board) => `${board}: сумесны план дзеянняў`,
  cities: 'Гарады',
  sprint: 'Бягучы спрынт',
  language: (lang) => `Мова: ${lang} (пераклады картак, дзе ўдзельнікі іх дадалі)`,
  noProjects: 'Сумесных праектаў пакуль няма.',
  matchedFrom: 'Узнікла з',
  team: 'Каманда',
  nobody: 'Пакуль ніхто не далучыўся.',
  noCity: 'без горада',
  bothSides: 'Абодва бакі ў камандзе.',
  oneSide: 'Пакуль у камандзе толькі адзін бок.',
  tasks: 'Задачы',
  noTasks: 'Задач пакуль няма.',
  columns: ['Спрынт', 'Задача', 'Адказны', 'Горад', 'Тэрмін', 'Стан'],
  status: { todo: 'да выканання', doing: 'у рабоце', done: 'зроблена' },
  kinds: { interest: 'інтарэс', potential: 'патэнцыял', need: 'патрэба', idea: 'ідэя' },
  carried: 'перанесена',
  original: 'арыгінал',
  review: (n) => `Вынікі спрынту ${n}`,
  done: 'Што зроблена',
  worked: 'Што спрацавала',
  next: 'Што далей',
  perCity: 'Па гарадах',
  noOpen: 'Адкрытых задач няма.',
  due: 'тэрмін',
  topFive: 'Галоўная пяцёрка',
  votes: (n) => slavic(n, 'голас', 'галасы', 'галасоў'),
};

const pl: PlanWords = {
  title: (board) => `${board}: wspólny plan działania`,
  cities: 'Miasta',
  sprint: 'Bieżący sprint',
  language: (lang) => `Język: ${lang} (tłumaczenia kart, gdzie uczestnicy je dodali)`,
  noProjects: 'Nie ma jeszcze wspólnych projektów.',
  matchedFrom: 'Powstało z',
  team: 'Zespół',
  nobody: 'Nikt jeszcze nie dołączył.',
  noCity: 'bez miasta',
  bothSides: 'Obie strony są w zespole.',
  oneSide: 'Na razie w zespole jest tylko jedna strona.',
  tasks: 'Zadania',
  noTasks: 'Nie ma jeszcze zadań.',
  columns: ['Sprint', 'Zadanie', 'Osoba odpowiedzialna', 'Miasto', 'Termin', 'Stan'],
  status: { todo: 'do zrobienia', doing: 'w toku', done: 'zrobione' },
  kinds: { interest: 'zainteresowanie', potential: 'potencjał', need: 'potrzeba', idea: 'pomysł' },
  carried: 'przeniesione',
  original: 'oryginał',
  review: (n) => `Podsumowanie sprintu ${n}`,
  done: 'Co zrobiono',
  worked: 'Co się sprawdziło',
  next: 'Co dalej',
  perCity: 'Według miast',
  noOpen: 'Brak otwartych zadań.',
  due: 'termin',
  topFive: 'Najważniejsza piątka',
  votes: (n) => {
    const [d, h] = [n % 10, n % 100];
    const word = n === 1 ? 'głos' : d >= 2 && d <= 4 && (h < 12 || h > 14) ? 'głosy' : 'głosów';
    return `${n} ${word}`;
  },
};

const lv: PlanWords = {
  title: (board) => `${board}: kopīgs rīcības plāns`,
  cities: 'Pilsētas',
  sprint: 'Pašreizējais sprints',
  language: (lang) => `Valoda: ${lang} (kartīšu tulkojumi, kur dalībnieki tos pievienoja)`,
  noProjects: 'Kopīgu projektu vēl nav.',
  matchedFrom: 'Radies no',
  team: 'Komanda',
  nobody: 'Vēl neviens nav pievienojies.',
  noCity: 'bez pilsētas',
  bothSides: 'Abas puses ir komandā.',
  oneSide: 'Pagaidām komandā ir tikai viena puse.',
  tasks: 'Uzdevumi',
  noTasks: 'Uzdevumu vēl nav.',
  columns: ['Sprints', 'Uzdevums', 'Atbildīgais', 'Pilsēta', 'Termiņš', 'Statuss'],
  status: { todo: 'jādara', doing: 'procesā', done: 'paveikts' },
  kinds: { interest: 'intereses', potential: 'potenciāls', need: 'vajadzība', idea: 'ideja' },
  carried: 'pārnests',
  original: 'oriģināls',
  review: (n) => `${n}. sprinta pārskats`,
  done: 'Kas paveikts',
  worked: 'Kas izdevās',
  next: 'Kas tālāk',
  perCity: 'Pa pilsētām',
  noOpen: 'Atvērtu uzdevumu nav.',
  due: 'termiņš',
  topFive: 'Svarīgākie pieci',
  votes: (n) => `${n} ${n % 10 === 1 && n % 100 !== 11 ? 'balss' : 'balsis'}`,
};

const WORDS: Readonly<Record<string, PlanWords>> = { en, de, uk, ru, be, pl, lv };

export const planWords = (language: string | undefined): PlanWords =>
  WORDS[language ? baseLanguage(language) : 'en'] ?? en;
