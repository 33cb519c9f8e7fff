import * as Y from 'yjs';
import { CREATED_FIELD, ENTITY_FIELDS, OWNER_FIELD, type PartRule } from '../rules/model.ts';

/**
 * Root types every board document has. Collections are root Y.Maps of entity id ->
 * Y.Map of fields; records are root Y.Maps of fields. See docs/SPEC.md, "Document layout".
 */
export const ROOT = {
  /** Board settings and the phase: facilitator-only (record). */
  meta: 'meta',
  /** The participant directory (name, city, language): written by the server only. */
  people: 'people',
  /** Which participant owns which Yjs clientID: written by the server only. */
  clients: '_clients',
  /** The shared card list every board has (foundation). */
  cards: 'cards',
} as const;

export const BOARD_KINDS = ['open-space', 'match-sprint'] as const;
export type BoardKind = (typeof BOARD_KINDS)[number];

export const metaPart: PartRule = {
  kind: 'record',
  create: 'facilitator',
  update: 'facilitator',
  delete: 'facilitator',
  fields: {
    title: { type: 'string', max: 200 },
    phase: { type: 'string', max: 40 },
    languages: { type: 'string[]', max: 10 },
    askCity: { type: 'boolean' },
    cities: { type: 'string[]', max: 8 },
  },
};

export const peoplePart: PartRule = {
  kind: 'collection',
  create: 'nobody',
  update: 'nobody',
  delete: 'nobody',
  fields: {},
};

export const cardsPart: PartRule = {
  kind: 'collection',
  create: 'participant',
  update: 'owner',
  delete: 'owner',
  maxPerOwner: 200,
  approval: true,
  fields: {
    ...ENTITY_FIELDS,
    text: { type: 'string', max: 500 },
    language: { type: 'string', max: 12 },
  },
};

export interface Person {
  readonly id: string;
  readonly name: string;
  readonly role: 'facilitator' | 'participant';
  readonly city?: string | undefined;
  readonly language?: string | undefined;
}

export interface Card {
  readonly id: string;
  readonly owner: string;
  readonly text: string;
  readonly createdAt: number;
  readonly language?: string | undefined;
}

export const getMeta = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(ROOT.meta);
export const getCards = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap(ROOT.cards);
export const getPeople = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap(ROOT.people);

let entityClock: () => number = () => Date.now();

/**
 * The clock new entities are dated by. A device sets its idea of the server's time (its
 * measured offset): the server refuses a `createdAt` ahead of its own clock (FieldRule
 * `notAhead`), so a phone whose clock runs fast still dates its cards right.
 */
export function setEntityClock(clock: () => number): void {
  entityClock = clock;
}

/** Now, by the clock new entities are dated by (setEntityClock). */
export const entityTime = (): number => entityClock();

/** Creates an entity the way the rules expect it: a Y.Map with owner and createdAt. */
export function createEntity(
  collection: Y.Map<Y.Map<unknown>>,
  id: string,
  owner: string,
  fields: Record<string, unknown>,
): Y.Map<unknown> {
  const entity = new Y.Map<unknown>();
  entity.set(OWNER_FIELD, owner);
  entity.set(CREATED_FIELD, entityClock());
  for (const [key, value] of Object.entries(fields)) entity.set(key, value);
  collection.set(id, entity);
  return entity;
}

export function readCards(doc: Y.Doc): Card[] {
  const cards: Card[] = [];
  getCards(doc).forEach((entity, id) => {
    if (!(entity instanceof Y.Map)) return;
    const text = entity.get('text');
    const owner = entity.get(OWNER_FIELD);
    if (typeof text !== 'string' || typeof owner !== 'string') return;
    const createdAt = entity.get(CREATED_FIELD);
    const language = entity.get('language');
    cards.push({
      id,
      owner,
      text,
      createdAt: typeof createdAt === 'number' ? createdAt : 0,
      language: typeof language === 'string' ? language : undefined,
    });
  });
  return cards.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

export function readPeople(doc: Y.Doc): Map<string, Person> {
  const people = new Map<string, Person>();
  getPeople(doc).forEach((entity, id) => {
    if (!(entity instanceof Y.Map)) return;
    const name = entity.get('name');
    const role = entity.get('role');
    if (typeof name !== 'string') return;
    const city = entity.get('city');
    const language = entity.get('language');
    people.set(id, {
      id,
      name,
      role: role === 'facilitator' ? 'facilitator' : 'participant',
      city: typeof city === 'string' ? city : undefined,
      language: typeof language === 'string' ? language : undefined,
    });
  });
  return people;
}
