import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createEntity, getCards, TF_ROOT, type BoardInfo } from '@twinspace/shared';
import { toMarkdown } from './exports.ts';
import { toHtml } from './html.ts';
import { fileName, readProceedings } from './proceedings.ts';

const INFO = { code: 'ABC234', title: 'Kyiv open space' } as BoardInfo;

describe('what the Open Space exports carry (issue 14)', () => {
  const doc = new Y.Doc();
  createEntity(getCards(doc), 'c1', 'p1', { text: 'I came for the youth exchange' });
  const points = doc.getMap<Y.Map<unknown>>(TF_ROOT.points);
  createEntity(points, 't1', 'p1', { text: 'Trust first', group: '', voters: ['a', 'b'] });
  createEntity(points, 't2', 'p2', { text: 'Shared budget', group: '', voters: ['a'] });
  const p = readProceedings(doc);

  it('keeps the welcome check-in wall and the Top five in the proceedings', () => {
    const md = toMarkdown(p, INFO);
    expect(md).toContain('## Check-in wall\n\n- I came for the youth exchange');
    expect(md).toContain('## Top five\n\n1. Trust first (2 votes)\n2. Shared budget (1 vote)');
    const html = toHtml(p, INFO);
    expect(html).toContain('<li>I came for the youth exchange</li>');
    expect(html).toContain('<li>Trust first (2 votes)</li>');
  });

  it('names each file for what it is', () => {
    expect(fileName('ABC234', 'md', 'uk')).toBe('twinspace-abc234-proceedings-uk.md');
    expect(fileName('ABC234', 'csv')).toBe('twinspace-abc234-agenda.csv');
    expect(fileName('ABC234', 'ics')).toBe('twinspace-abc234-calendar.ics');
  });
});
