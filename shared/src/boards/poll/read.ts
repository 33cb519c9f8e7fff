import * as Y from 'yjs';
import { CREATED_FIELD } from '../../rules/model.ts';
import { POLL_KINDS, POLL_ROOT, POLL_STATES, type PollKind, type PollState } from './layout.ts';
import { WORD_SCRIPTS, type WordScript } from './logic.ts';

export interface Poll {
  id: string;
  createdAt: number;
  kind: PollKind;
  question: string;
  options: string[];
  maxChoices: number;
  state: PollState;
  respondents: number;
  /** Answers per option, in option order. */
  counts: number[];
  /** City -> answers per option (only answers of people who joined with a city). */
  byCity: Record<string, number[]>;
}

export interface PollWord {
  id: string;
  poll: string;
  key: string;
  text: string;
  n: number;
  script: WordScript;
}

export interface PollText {
  id: string;
  poll: string;
  text: string;
  createdAt: number;
}

const str = (m: Y.Map<unknown>, k: string): string => {
  const v = m.get(k);
  return typeof v === 'string' ? v : '';
};
const num = (m: Y.Map<unknown>, k: string): number => {
  const v = m.get(k);
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
};
const numbers = (v: unknown): number[] =>
  Array.isArray(v) ? v.map((n) => (typeof n === 'number' && Number.isFinite(n) ? n : 0)) : [];

const oneOf = <T extends string>(all: readonly T[], v: string, fallback: T): T =>
  (all as readonly string[]).includes(v) ? (v as T) : fallback;

function entities(doc: Y.Doc, root: string): [string, Y.Map<unknown>][] {
  const out: [string, Y.Map<unknown>][] = [];
  doc.getMap<unknown>(root).forEach((v, id) => {
    if (v instanceof Y.Map) out.push([id, v as Y.Map<unknown>]);
  });
  return out;
}

function readByCity(v: unknown): Record<string, number[]> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
  return Object.fromEntries(Object.entries(v).map(([city, c]) => [city, numbers(c)]));
}

/** The board's polls, oldest first. */
export function readPolls(doc: Y.Doc): Poll[] {
  return entities(doc, POLL_ROOT.polls)
    .map(([id, m]): Poll => {
      const options = m.get('options');
      return {
        id,
        createdAt: num(m, CREATED_FIELD),
        kind: oneOf(POLL_KINDS, str(m, 'kind'), 'choice'),
        question: str(m, 'question'),
        options: Array.isArray(options)
          ? options.filter((o): o is string => typeof o === 'string')
          : [],
        maxChoices: Math.max(1, num(m, 'maxChoices')),
        state: oneOf(POLL_STATES, str(m, 'state'), 'draft'),
        respondents: num(m, 'respondents'),
        counts: numbers(m.get('counts')),
        byCity: readByCity(m.get('byCity')),
      };
    })
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

/** Every word of every word cloud, most frequent first. */
export function readPollWords(doc: Y.Doc): PollWord[] {
  return entities(doc, POLL_ROOT.words)
    .map(([id, m]) => ({
      id,
      poll: str(m, 'poll'),
      key: str(m, 'key'),
      text: str(m, 'text'),
      n: num(m, 'n'),
      script: oneOf(WORD_SCRIPTS, str(m, 'script'), 'other'),
    }))
    .filter((w) => w.n > 0)
    .sort((a, b) => b.n - a.n || a.key.localeCompare(b.key));
}

/** Every open answer, oldest first. */
export function readPollTexts(doc: Y.Doc): PollText[] {
  return entities(doc, POLL_ROOT.texts)
    .map(([id, m]) => ({
      id,
      poll: str(m, 'poll'),
      text: str(m, 'text'),
      createdAt: num(m, CREATED_FIELD),
    }))
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

/** The poll the projector shows, or null. */
export function readPollStage(doc: Y.Doc): string | null {
  const shown = doc.getMap<unknown>(POLL_ROOT.stage).get('shown');
  return typeof shown === 'string' && shown ? shown : null;
}
