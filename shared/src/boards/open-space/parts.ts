import { ENTITY_FIELDS, facilitatorPart, type PartRule } from '../../rules/model.ts';
import { NOTES_MAX, OS_ROOT } from './layout.ts';

/** Phases in which a convener may still edit their topic (the facilitator: always). */
const TOPIC_EDIT_PHASES = ['marketplace', 'voting', 'agenda'];
/** Facilitation roles that keep the record of the sessions (docs/team.md). */
const RECORDERS = ['note-taker', 'table-host'] as const;
const RECORDS = { create: RECORDERS, update: RECORDERS, delete: RECORDERS };

/**
 * The rules of each Open Space part (root name -> part rule), for `checkAccess`.
 */
export const openSpaceParts: Record<string, PartRule> = {
  [OS_ROOT.topics]: {
    kind: 'collection',
    create: 'participant',
    update: 'owner',
    delete: 'owner',
    maxPerOwner: 10,
    approval: true,
    // Update phases are per field (a part-level update phase would also lock the notes).
    phases: { create: ['marketplace'], delete: ['marketplace'] },
    fields: {
      ...ENTITY_FIELDS,
      title: { type: 'string', max: 120, phases: TOPIC_EDIT_PHASES },
      description: { type: 'string', max: 1000, phases: TOPIC_EDIT_PHASES },
      language: { type: 'string', max: 12, phases: TOPIC_EDIT_PHASES },
      tags: { type: 'string[]', max: 8, phases: TOPIC_EDIT_PHASES },
      /** Display name of the convener at proposal time (the owner is the convener). */
      convener: { type: 'string', max: 60, phases: TOPIC_EDIT_PHASES, personName: true },
      /** Placement: written by the server (os-place command) so that a cell holds one topic. */
      slot: { type: 'string', max: 64, write: 'nobody' },
      space: { type: 'string', max: 64, write: 'nobody' },
      /** Public tally, written by the server when votes are visible or revealed. */
      votes: { type: 'number', write: 'nobody' },
      /**
       * Collaborative session notes (Y.Text): created empty by the server when the topic is
       * placed (so two phones never race to create it); anyone edits while running/harvest.
       */
      notes: {
        type: 'text',
        max: NOTES_MAX,
        write: 'participant',
        phases: ['running', 'harvest'],
        // A note-taker or table host writes any session's notes, before and after it too.
        team: RECORDERS,
      },
    },
  },
  [OS_ROOT.slots]: facilitatorPart('collection', {
    label: { type: 'string', max: 40 },
    start: { type: 'string', max: 5 },
    end: { type: 'string', max: 5 },
    order: { type: 'number' },
  }),
  [OS_ROOT.spaces]: facilitatorPart('collection', {
    name: { type: 'string', max: 60 },
    capacity: { type: 'number' },
    videoUrl: { type: 'string', max: 300 },
    order: { type: 'number' },
  }),
  [OS_ROOT.settings]: facilitatorPart('record', {
    voteBudget: { type: 'number' },
    multiDot: { type: 'boolean' },
    hideVotes: { type: 'boolean' },
    votesRevealed: { type: 'boolean' },
    /** Two languages the projector shows side by side (issue 7). */
    projectorLanguages: { type: 'string[]', max: 2 },
    /** Day of the event (YYYY-MM-DD) and the IANA zone of slot times, for the .ics export. */
    date: { type: 'string', max: 10 },
    timezone: { type: 'string', max: 64 },
    /** The projector shows the Top five wall instead of the phase view. */
    showTopFive: { type: 'boolean' },
  }),
  [OS_ROOT.ballots]: {
    // One entity per voter (id = participant id), server-written. `sealed` always holds the
    // ballot encrypted with a server key (so hidden votes are durable and synced between
    // processes without being readable); `dots` ({ topicId: count }) only while votes are visible.
    kind: 'collection',
    create: 'nobody',
    update: 'nobody',
    delete: 'nobody',
    fields: { ...ENTITY_FIELDS, dots: { type: 'json' }, sealed: { type: 'string', max: 4000 } },
  },
  [OS_ROOT.actions]: {
    kind: 'collection',
    create: 'participant',
    update: 'participant',
    delete: 'owner',
    maxPerOwner: 50,
    phases: { create: ['running', 'harvest'] },
    team: RECORDS,
    fields: {
      ...ENTITY_FIELDS,
      topicId: { type: 'string', max: 64 },
      text: { type: 'string', max: 300 },
      assignee: { type: 'string', max: 60 },
      due: { type: 'string', max: 10 },
      done: { type: 'boolean' },
    },
  },
  [OS_ROOT.stories]: {
    kind: 'collection',
    create: 'participant',
    update: 'owner',
    delete: 'owner',
    maxPerOwner: 20,
    approval: true,
    // The harvest: a note-taker tidies the story wall (edits and removes anyone's story).
    team: { create: ['note-taker'], update: ['note-taker'], delete: ['note-taker'] },
    fields: {
      ...ENTITY_FIELDS,
      text: { type: 'string', max: 500 },
      topicId: { type: 'string', max: 64 },
      language: { type: 'string', max: 12 },
    },
  },
  [OS_ROOT.contacts]: {
    // Opt-in contact book: a participant's own entry (id = participant id), fields they chose.
    kind: 'collection',
    create: 'participant',
    update: 'owner',
    delete: 'owner',
    maxPerOwner: 1,
    keyedByOwner: true,
    fields: {
      ...ENTITY_FIELDS,
      name: { type: 'string', max: 60 },
      organisation: { type: 'string', max: 100 },
      email: { type: 'string', max: 120 },
      phone: { type: 'string', max: 40 },
      city: { type: 'string', max: 80 },
      about: { type: 'string', max: 300 },
    },
  },
};
