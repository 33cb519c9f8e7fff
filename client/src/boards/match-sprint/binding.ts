import { MS_ROOT } from '@twinspace/shared/boards/match-sprint/layout';
import { TRANSLATIONS_ROOT } from '@twinspace/shared/boards/translations';
import * as read from '@twinspace/shared/boards/match-sprint/read';
import { msActions, type MsParts } from '../../state/matchSprintStore.ts';
import { partsBinding, type PartReaders } from '../common/bindParts.ts';

/** Which reader fills which store part, by the root type it observes. */
const READERS: PartReaders<MsParts> = {
  cities: { root: MS_ROOT.cities, read: read.readCities },
  themes: { root: MS_ROOT.themes, read: read.readThemes },
  cards: { root: MS_ROOT.cards, read: read.readMsCards },
  links: { root: MS_ROOT.links, read: read.readLinks },
  projects: { root: MS_ROOT.projects, read: read.readProjects },
  tasks: { root: MS_ROOT.tasks, read: read.readTasks },
  sprints: { root: MS_ROOT.sprints, read: read.readSprints },
  reviews: { root: MS_ROOT.reviews, read: read.readReviews },
  votes: { root: MS_ROOT.votes, read: read.readVotes },
  translations: { root: TRANSLATIONS_ROOT, read: read.readCardTranslations },
  settings: { root: MS_ROOT.settings, read: read.readSettings },
};

/** Called once by the board's views; every bound document (and every later one) is mirrored. */
export const startMatchSprintBinding = partsBinding(READERS, (key, value) =>
  msActions().setPart(key, value),
);
