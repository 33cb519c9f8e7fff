import type * as Y from 'yjs';
import { ROOT, getMeta, readCards, readPeople, type BoardKind } from '@twinspace/shared';
import { MS_ROOT } from '@twinspace/shared/boards/match-sprint/layout';
import { OS_ROOT } from '@twinspace/shared/boards/open-space/layout';
import {
  readTranslations,
  translationTarget,
  versionFor,
  type Original,
} from '@twinspace/shared/boards/translations';
import {
  readSettings as readMsSettings,
  readCities,
  readMsCards,
  readProjects,
  readTasks,
  sprintTasks,
} from '@twinspace/shared/boards/match-sprint/read';
import {
  readSlots,
  readSpaces,
  readTopics,
  type Topic,
} from '@twinspace/shared/boards/open-space/read';
import { bySlot } from '@twinspace/shared/boards/open-space/conflicts';
import type { PreviewStrings } from './strings.ts';
import { escapeHtml } from '../../exports/html.ts';

type Item = { text: string; lang?: string | undefined; meta?: string | undefined };

const langAttr = (lang: string | undefined): string => (lang ? ` lang="${escapeHtml(lang)}"` : '');

const items = (list: readonly Item[]): string =>
  `<ul class="preview__items">${list
    .map(
      (item) =>
        `<li class="preview__card" data-testid="preview-card"><p class="preview__text"${langAttr(item.lang)}>${escapeHtml(item.text)}</p>${
          item.meta ? `<p class="preview__meta">${escapeHtml(item.meta)}</p>` : ''
        }</li>`,
    )
    .join('')}</ul>`;

/**
 * What a reader sees of a card's text or a topic's title: the translation into their
 * language when someone wrote one, else the original, chosen as the app chooses.
 */
function readerVersions(doc: Y.Doc, lang: string) {
  const translations = readTranslations(doc);
  return (root: string, id: string, original: Original): Pick<Item, 'text' | 'lang'> => {
    const shown = versionFor(original, translations, translationTarget(root, id), lang);
    return { text: shown.title ?? shown.text ?? '', lang: shown.language || undefined };
  };
}

const section = (heading: string, body: string, level: 3 | 4 = 3): string =>
  `<section class="preview__section"><h${level}>${escapeHtml(heading)}</h${level}>${body}</section>`;

const note = (text: string): string => `<p class="preview__note">${escapeHtml(text)}</p>`;

/** The check-in cards, newest first as on a phone. */
function cardsView(doc: Y.Doc, { t, lang }: PreviewStrings): string {
  const people = readPeople(doc);
  const cards = readCards(doc).reverse();
  if (cards.length === 0) return note(t('empty'));
  const version = readerVersions(doc, lang);
  return items(
    cards.map((card) => {
      const name = people.get(card.owner)?.name;
      const shown = version(ROOT.cards, card.id, { text: card.text, language: card.language });
      return { ...shown, meta: name ? t('by', { name }) : undefined };
    }),
  );
}

/** Open Space after the welcome: the schedule by time slot, then the topics not placed. */
function scheduleView(doc: Y.Doc, strings: PreviewStrings): string {
  const { t } = strings;
  const topics = readTopics(doc);
  if (topics.length === 0) return note(t('empty'));
  const version = readerVersions(doc, strings.lang);
  const title = (topic: Topic): Pick<Item, 'text' | 'lang'> =>
    version(OS_ROOT.topics, topic.id, { title: topic.title, language: topic.language });
  const spaces = new Map(readSpaces(doc).map((s) => [s.id, s]));
  const placedBySlot = bySlot(topics);
  const slots = readSlots(doc)
    .filter((slot) => placedBySlot.has(slot.id))
    .map((slot) => {
      const placed = (placedBySlot.get(slot.id) ?? [])
        .map((topic) => ({ topic, space: spaces.get(topic.space ?? '') }))
        .sort((a, b) => (a.space?.order ?? 0) - (b.space?.order ?? 0));
      const time = [slot.start, slot.end].filter(Boolean).join('–');
      const label = [time, slot.label].filter(Boolean).join(' · ');
      return section(
        label,
        items(placed.map(({ topic, space }) => ({ ...title(topic), meta: space?.name }))),
        4,
      );
    });
  const open = topics.filter((topic) => topic.slot === null);
  return [
    slots.length ? `<h3>${escapeHtml(t('schedule'))}</h3>` : '',
    ...slots,
    open.length
      ? section(
          t('unscheduled'),
          items(open.map((topic) => ({ ...title(topic), meta: topic.convener || undefined }))),
        )
      : '',
  ].join('');
}

function openSpaceView(doc: Y.Doc, strings: PreviewStrings): string {
  const phase = getMeta(doc).get('phase');
  if (phase === 'welcome' || phase === undefined) return cardsView(doc, strings);
  if (phase === 'closed') return note(strings.t('closed'));
  return scheduleView(doc, strings);
}

/** Match & Sprint before the sprints: each city's cards, unless the facilitator hides them. */
function sidesView(doc: Y.Doc, { t, lang }: PreviewStrings): string {
  if (readMsSettings(doc).hideSidesUntilMatch) return note(t('hiddenSides'));
  const cards = readMsCards(doc);
  if (cards.length === 0) return note(t('empty'));
  const version = readerVersions(doc, lang);
  const cities = readCities(doc).map((c) => c.name);
  for (const card of cards) if (!cities.includes(card.city)) cities.push(card.city);
  return cities
    .map((city) => {
      const own = cards.filter((card) => card.city === city);
      const shown = own.map((card) =>
        version(MS_ROOT.cards, card.id, { title: card.title, language: card.language }),
      );
      return own.length ? section(city, items(shown)) : '';
    })
    .join('');
}

/** From the sprint on: each project with the current sprint's tasks and their status. */
function projectsView(doc: Y.Doc, { t }: PreviewStrings): string {
  const sprint = readMsSettings(doc).currentSprint;
  const tasks = sprintTasks(readTasks(doc), sprint);
  return readProjects(doc)
    .map((project) => {
      const own = tasks.filter((task) => task.projectId === project.id);
      const body = own.length
        ? items(own.map((task) => ({ text: task.title, meta: t(`status.${task.status}`) })))
        : note(t('noTasks'));
      return section(project.title, body);
    })
    .join('');
}

const SPRINT_PHASES: readonly unknown[] = ['sprint', 'review', 'closed'];

function matchSprintView(doc: Y.Doc, strings: PreviewStrings): string {
  const sprinting = SPRINT_PHASES.includes(getMeta(doc).get('phase'));
  return sprinting && readProjects(doc).length > 0
    ? projectsView(doc, strings)
    : sidesView(doc, strings);
}

const VIEWS: Record<BoardKind, (doc: Y.Doc, strings: PreviewStrings) => string> = {
  'open-space': openSpaceView,
  'match-sprint': matchSprintView,
};

/**
 * The board as it is when the page is served, as plain HTML (SPEC R15): a phone on a slow
 * network reads it while the app's scripts download. The app removes it once the person
 * has joined and the live board is on screen. The intro (brand, title, "loading") hides
 * itself by CSS once the app has rendered above it.
 */
export function renderPreview(
  kind: BoardKind,
  doc: Y.Doc,
  fallbackTitle: string,
  strings: PreviewStrings,
): string {
  const { t, lang } = strings;
  const title = getMeta(doc).get('title');
  return [
    `<section id="preview" class="preview" lang="${escapeHtml(lang)}" data-testid="board-preview" aria-labelledby="preview-heading">`,
    `<div class="preview__intro"><p class="preview__brand"><span class="preview__mark" aria-hidden="true"></span>Twinspace</p>`,
    `<h1>${escapeHtml(typeof title === 'string' ? title : fallbackTitle)}</h1>`,
    `<p class="preview__loading" role="status">${escapeHtml(t('loading'))}</p></div>`,
    `<h2 id="preview-heading">${escapeHtml(t('heading'))}</h2>`,
    VIEWS[kind](doc, strings),
    `</section>`,
  ].join('');
}
