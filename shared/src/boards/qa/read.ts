import * as Y from 'yjs';
import { CREATED_FIELD } from '../../rules/model.ts';
import { QA_ROOT } from './layout.ts';

export interface Question {
  id: string;
  text: string;
  /** '' when asked anonymously. */
  name: string;
  votes: number;
  answered: boolean;
  createdAt: number;
}

export interface QaSettings {
  requireApproval: boolean;
  wall: boolean;
  shown: string | null;
}

/** Open questions by votes (then the older first), answered ones after them. */
export const byVotes = (a: Question, b: Question): number =>
  Number(a.answered) - Number(b.answered) ||
  b.votes - a.votes ||
  a.createdAt - b.createdAt ||
  (a.id < b.id ? -1 : 1);

/** The approved questions, sorted for the wall. */
export function readQuestions(doc: Y.Doc): Question[] {
  const out: Question[] = [];
  doc.getMap<unknown>(QA_ROOT.questions).forEach((v, id) => {
    if (!(v instanceof Y.Map)) return;
    const m = v as Y.Map<unknown>;
    const text = m.get('text');
    if (typeof text !== 'string') return;
    const name = m.get('name');
    const votes = m.get('votes');
    const createdAt = m.get(CREATED_FIELD);
    out.push({
      id,
      text,
      name: typeof name === 'string' ? name : '',
      votes: typeof votes === 'number' ? votes : 0,
      answered: m.get('answered') === true,
      createdAt: typeof createdAt === 'number' ? createdAt : 0,
    });
  });
  return out.sort(byVotes);
}

export function readQaSettings(doc: Y.Doc): QaSettings {
  const m = doc.getMap<unknown>(QA_ROOT.settings);
  const shown = m.get('shown');
  return {
    requireApproval: m.get('requireApproval') === true,
    wall: m.get('wall') === true,
    shown: typeof shown === 'string' && shown ? shown : null,
  };
}

/** How many questions wait for approval (their texts are sealed). */
export function countPending(doc: Y.Doc): number {
  let n = 0;
  doc.getMap<unknown>(QA_ROOT.sealed).forEach((v) => {
    if (v instanceof Y.Map && v.get('pending') === true) n++;
  });
  return n;
}
