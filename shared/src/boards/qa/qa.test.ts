import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { QA_ROOT } from './layout.ts';
import { byVotes, countPending, readQaSettings, readQuestions, type Question } from './read.ts';

const q = (id: string, votes: number, createdAt: number, answered = false): Question => ({
  id,
  text: id,
  name: '',
  votes,
  answered,
  createdAt,
});

describe('Q&A', () => {
  it('sorts open questions by votes, older first on a tie, answered ones last', () => {
    const sorted = [q('a', 1, 1), q('b', 5, 2), q('c', 5, 1), q('d', 9, 0, true)].sort(byVotes);
    expect(sorted.map((x) => x.id)).toEqual(['c', 'b', 'a', 'd']);
  });

  it('reads questions, settings and how many wait, without their texts', () => {
    const doc = new Y.Doc();
    const question = new Y.Map<unknown>();
    question.set('text', 'Why?');
    question.set('votes', 2);
    doc.getMap(QA_ROOT.questions).set('question01', question);
    const sealed = new Y.Map<unknown>();
    sealed.set('pending', true);
    sealed.set('sealed', 'opaque');
    doc.getMap(QA_ROOT.sealed).set('question02', sealed);
    doc.getMap(QA_ROOT.settings).set('requireApproval', true);
    expect(readQuestions(doc)).toEqual([
      { id: 'question01', text: 'Why?', name: '', votes: 2, answered: false, createdAt: 0 },
    ]);
    expect(countPending(doc)).toBe(1);
    expect(readQaSettings(doc)).toEqual({ requireApproval: true, wall: false, shown: null });
  });
});
