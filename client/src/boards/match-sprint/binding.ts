import type * as Y from 'yjs';
import { MS_ROOT } from '@twinspace/shared/boards/match-sprint/layout';
import { TRANSLATIONS_ROOT } from '@twinspace/shared/boards/translations';
import * as read from '@twinspace/shared/boards/match-sprint/read';
import { mirrorRoots, registerDocBinder } from '../../sync/docBinding.ts';
import { msActions, type MsParts } from '../../state/matchSprintStore.ts';

/** Which reader fills which store part, by the root type it observes. */
const PARTS: { root: string; key: keyof MsParts; read: (doc: Y.Doc) => MsParts[keyof MsParts] }[] =
  [
    { root: MS_ROOT.cities, key: 'cities', read: read.readCities },
    { root: MS_ROOT.themes, key: 'themes', read: read.readThemes },
    { root: MS_ROOT.cards, key: 'cards', read: read.readMsCards },
    { root: MS_ROOT.links, key: 'links', read: read.readLinks },
    { root: MS_ROOT.projects, key: 'projects', read: read.readProjects },
    { root: MS_ROOT.tasks, key: 'tasks', read: read.readTasks },
    { root: MS_ROOT.sprints, key: 'sprints', read: read.readSprints },
    { root: MS_ROOT.reviews, key: 'reviews', read: read.readReviews },
    { root: MS_ROOT.votes, key: 'votes', read: read.readVotes },
    { root: TRANSLATIONS_ROOT, key: 'translations', read: read.readCardTranslations },
    { root: MS_ROOT.settings, key: 'settings', read: read.readSettings },
    { root: MS_ROOT.timer, key: 'timer', read: read.readTimer },
  ];

const bindMatchSprint = (doc: Y.Doc): (() => void) =>
  mirrorRoots(doc, PARTS, (key, value) => msActions().setPart(key, value as MsParts[typeof key]));

/** Called once by the board's views; every bound document (and every later one) is mirrored. */
export const startMatchSprintBinding = (): void => registerDocBinder(bindMatchSprint);
