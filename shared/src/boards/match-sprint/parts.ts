import { ENTITY_FIELDS, facilitatorPart, type PartRule } from '../../rules/model.ts';
import { MS_ROOT, REVIEW_TEXT_MAX } from './layout.ts';
import { ORIGIN_FIELD } from '../../events/origin.ts';

/** Where a carried entity came from (events, docs/events.md): the server writes it. */
const origin = { [ORIGIN_FIELD]: { type: 'json', write: 'nobody' } } as const;

/** Facilitation roles that keep a table's record: its reviews (docs/team.md). */
const RECORDERS = ['note-taker', 'table-host'] as const;
/** A table host runs the work of their table: its projects' names and its tasks. */
const HOSTS = ['table-host'] as const;

/**
 * The rules of each Match & Sprint part (root name -> part rule), for `checkAccess`: apart from
 * layout.ts, so a phone that only reads and writes the board does not download them.
 */
export const matchSprintParts: Record<string, PartRule> = {
  [MS_ROOT.cities]: facilitatorPart('collection', {
    name: { type: 'string', max: 80 },
    country: { type: 'string', max: 80 },
    color: { type: 'string', max: 16 },
    order: { type: 'number' },
  }),
  [MS_ROOT.themes]: {
    kind: 'collection',
    create: 'facilitator',
    update: 'facilitator',
    delete: 'facilitator',
    // A theme's labels in several languages make matching work across languages.
    fields: { ...ENTITY_FIELDS, label: { type: 'string', max: 60 }, labels: { type: 'json' } },
  },
  [MS_ROOT.cards]: {
    kind: 'collection',
    create: 'participant',
    update: 'owner',
    delete: 'owner',
    maxPerOwner: 60,
    approval: true,
    phases: { create: ['prepare', 'match'], delete: ['prepare', 'match'] },
    fields: {
      ...ENTITY_FIELDS,
      /**
       * The owner's city, by name: the key the join form, the session, the ticket and
       * people.city share (docs/match-sprint.md). The server checks it is the author's city.
       */
      city: { type: 'string', max: 80, mustEqualActor: 'city' },
      kind: { type: 'string', max: 12 },
      title: { type: 'string', max: 120 },
      description: { type: 'string', max: 1000 },
      themes: { type: 'string[]', max: 10 },
      language: { type: 'string', max: 12 },
      ...origin,
    },
  },
  [MS_ROOT.links]: {
    // Hand-made or accepted suggestions: a link between two cards of different cities.
    kind: 'collection',
    create: 'participant',
    update: 'owner',
    delete: 'owner',
    maxPerOwner: 100,
    phases: { create: ['match'] },
    // A confirmed link is what a project was made of: its author no longer moves or deletes
    // it (nor does a delete made offline while the facilitator confirmed it).
    lockedWhen: { field: 'status', values: ['confirmed'] },
    fields: {
      ...ENTITY_FIELDS,
      from: { type: 'string', max: 64 },
      to: { type: 'string', max: 64 },
      note: { type: 'string', max: 300 },
      /** proposed | confirmed | rejected: only the facilitator decides (ms commands). */
      status: { type: 'string', max: 12, write: 'nobody' },
      /** The project a confirmed link became (server-written). */
      projectId: { type: 'string', max: 64, write: 'nobody' },
    },
  },
  [MS_ROOT.projects]: {
    // Created by the server when the facilitator confirms a match; team joins by command.
    kind: 'collection',
    create: 'nobody',
    update: 'facilitator',
    delete: 'facilitator',
    fields: {
      ...ENTITY_FIELDS,
      // The team names its project by command (ms-rename-project: the server checks the
      // sender is in the team, which a field rule cannot tell).
      title: { type: 'string', max: 120, team: HOSTS },
      description: { type: 'string', max: 1000, team: HOSTS },
      linkId: { type: 'string', max: 64 },
      cards: { type: 'string[]', max: 20 },
      team: { type: 'json', write: 'nobody' },
      ...origin,
    },
  },
  [MS_ROOT.tasks]: {
    kind: 'collection',
    create: 'participant',
    // Its creator words it, names its owner and date, and deletes it; anyone moves it across
    // the columns (status, order): another participant renaming, reassigning or moving it to
    // another sprint or project (out of sight) was someone else's work undone.
    update: 'owner',
    delete: 'owner',
    maxPerOwner: 100,
    team: { create: HOSTS, update: HOSTS, delete: HOSTS },
    // Carried into the next sprint (ms-close-sprint): the closed sprint's record. A move made
    // on a phone offline across the close is refused and named, not kept there unseen.
    lockedWhen: { field: 'carriedTo' },
    fields: {
      ...ENTITY_FIELDS,
      projectId: { type: 'string', max: 64 },
      sprint: { type: 'number' },
      title: { type: 'string', max: 200 },
      assignee: { type: 'string', max: 64 },
      due: { type: 'string', max: 10 },
      status: { type: 'string', max: 12, write: 'participant' },
      order: { type: 'number', write: 'participant' },
      /** The task of the previous sprint this one continues (ms-close-sprint). */
      carriedFrom: { type: 'string', max: 64, write: 'nobody' },
      /** Its copy in the next sprint (ms-close-sprint). */
      carriedTo: { type: 'string', max: 64, write: 'nobody' },
      ...origin,
    },
  },
  [MS_ROOT.sprints]: facilitatorPart('collection', {
    number: { type: 'number' },
    label: { type: 'string', max: 60 },
    closedAt: { type: 'number' },
  }),
  [MS_ROOT.reviews]: {
    // One per project and sprint (id `${projectId}-${sprint}`); the team writes together.
    kind: 'collection',
    create: 'participant',
    update: 'participant',
    delete: 'facilitator',
    // Every part a participant can make grow has a limit (SPEC R17).
    maxPerOwner: 100,
    phases: { create: ['review'], update: ['review'] },
    team: { create: RECORDERS, update: RECORDERS, delete: RECORDERS },
    fields: {
      ...ENTITY_FIELDS,
      // Which review it is (its id says so too, and readers check): set when it is made.
      projectId: { type: 'string', max: 64, fixed: true },
      sprint: { type: 'number', fixed: true },
      done: { type: 'text', max: REVIEW_TEXT_MAX },
      worked: { type: 'text', max: REVIEW_TEXT_MAX },
      next: { type: 'text', max: REVIEW_TEXT_MAX },
    },
  },
  [MS_ROOT.settings]: facilitatorPart('record', {
    /** Hide each city's side from the others until the match phase. */
    hideSidesUntilMatch: { type: 'boolean' },
    /** Weigh each city's votes equally whatever its head count. */
    equalCityWeight: { type: 'boolean' },
    currentSprint: { type: 'number' },
    /** The projector shows the Top five wall instead of the phase view. */
    showTopFive: { type: 'boolean' },
  }),
  [MS_ROOT.votes]: {
    // One dot per entity: a participant's vote on a card or project (fairness panel).
    kind: 'collection',
    create: 'participant',
    update: 'owner',
    delete: 'owner',
    maxPerOwner: 10,
    oncePerOwner: 'target',
    fields: { ...ENTITY_FIELDS, target: { type: 'string', max: 64 } },
  },
};
