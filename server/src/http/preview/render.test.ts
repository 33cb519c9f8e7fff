import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import { createEntity, getCards, getMeta, getPeople } from '@twinspace/shared';
import { OS_ROOT } from '@twinspace/shared/boards/open-space/layout';
import { MS_ROOT } from '@twinspace/shared/boards/match-sprint/layout';
import { TRANSLATIONS_ROOT } from '@twinspace/shared/boards/translations';
import { previewDist } from '../../../test/preview-dist.ts';
import { renderPreview } from './render.ts';
import { previewStrings } from './strings.ts';

// SPEC R15: what the server puts into a participant's page, per kind and phase.
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'twinspace-dist-'));
afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));
const strings = previewStrings(previewDist(dist));
const en = strings({ 'accept-language': 'en' })!;

function board(kind: string, phase: string, title = 'Twin towns'): Y.Doc {
  const doc = new Y.Doc();
  const meta = getMeta(doc);
  meta.set('title', title);
  meta.set('kind', kind);
  meta.set('phase', phase);
  return doc;
}

const cardTexts = (html: string): string[] =>
  [...html.matchAll(/data-testid="preview-card"><p class="preview__text"[^>]*>([^<]*)</g)].map(
    (m) => m[1]!,
  );

describe('the board preview (R15, was R17)', () => {
  it('shows the check-in cards newest first with their authors, escaped', () => {
    const doc = board('open-space', 'welcome', 'Tom & <Jerry>');
    const person = new Y.Map<unknown>();
    person.set('name', 'Olena "O" <b>');
    getPeople(doc).set('p1', person);
    createEntity(getCards(doc), 'c1', 'p1', { text: 'first' });
    createEntity(getCards(doc), 'c2', 'p1', { text: '<img src=x onerror=alert(1)>' });
    getCards(doc)
      .get('c2')!
      .set('createdAt', Date.now() + 1000);

    const html = renderPreview('open-space', doc, 'fallback', en);
    expect(cardTexts(html)).toEqual(['&lt;img src=x onerror=alert(1)&gt;', 'first']);
    expect(html).toContain('<h1>Tom &amp; &lt;Jerry&gt;</h1>');
    expect(html).toContain('by Olena &quot;O&quot; &lt;b&gt;');
    expect(html).not.toMatch(/<img|<b>|<Jerry>/);
  });

  it('shows the schedule by slot, rooms in their order, then the topics not placed', () => {
    const doc = board('open-space', 'agenda');
    createEntity(doc.getMap(OS_ROOT.slots), 's2', 'f', { start: '11:00', end: '12:00', order: 2 });
    createEntity(doc.getMap(OS_ROOT.slots), 's1', 'f', { start: '09:30', end: '10:30', order: 1 });
    createEntity(doc.getMap(OS_ROOT.spaces), 'r1', 'f', { name: 'Hall', order: 1 });
    createEntity(doc.getMap(OS_ROOT.spaces), 'r2', 'f', { name: 'Garden', order: 2 });
    const topic = (id: string, title: string, slot?: string, space?: string): void =>
      void createEntity(doc.getMap(OS_ROOT.topics), id, 'p', {
        title,
        convener: 'Ana',
        ...(slot && space ? { slot, space } : {}),
      });
    topic('t1', 'Bikes', 's2', 'r2');
    topic('t2', 'Schools', 's2', 'r1');
    topic('t3', 'Water', 's1', 'r1');
    topic('t4', 'Parks');

    const html = renderPreview('open-space', doc, '', en);
    expect(cardTexts(html)).toEqual(['Water', 'Schools', 'Bikes', 'Parks']);
    expect(html.indexOf('<h4>09:30–10:30</h4>')).toBeLessThan(html.indexOf('<h4>11:00–12:00</h4>'));
    expect(html.indexOf('<h3>Schedule</h3>')).toBeLessThan(html.indexOf('<h4>09:30–10:30</h4>'));
    expect(html).toContain('<p class="preview__meta">Garden</p>');
    expect(html).toContain('<h3>Not scheduled yet</h3>');
  });

  it('says when an Open Space has closed, and when nothing is there yet', () => {
    expect(renderPreview('open-space', board('open-space', 'closed'), '', en)).toContain(
      'This Open Space has closed',
    );
    expect(renderPreview('open-space', board('open-space', 'marketplace'), '', en)).toContain(
      'Nothing on the board yet.',
    );
  });

  it('shows each city’s Match & Sprint cards, and none while the sides are hidden', () => {
    const doc = board('match-sprint', 'prepare');
    createEntity(doc.getMap(MS_ROOT.cities), 'k1', 'f', { name: 'Kyiv', order: 1 });
    createEntity(doc.getMap(MS_ROOT.cities), 'k2', 'f', { name: 'Leipzig', order: 2 });
    createEntity(doc.getMap(MS_ROOT.cards), 'm1', 'p', {
      city: 'Leipzig',
      kind: 'need',
      title: 'Tram drivers',
    });
    createEntity(doc.getMap(MS_ROOT.cards), 'm2', 'p', {
      city: 'Kyiv',
      kind: 'idea',
      title: 'Night buses',
    });
    const open = renderPreview('match-sprint', doc, '', en);
    expect(cardTexts(open)).toEqual(['Night buses', 'Tram drivers']);
    expect(open.indexOf('<h3>Kyiv</h3>')).toBeLessThan(open.indexOf('<h3>Leipzig</h3>'));

    doc.getMap(MS_ROOT.settings).set('hideSidesUntilMatch', true);
    const hidden = renderPreview('match-sprint', doc, '', en);
    expect(cardTexts(hidden)).toEqual([]);
    expect(hidden).not.toContain('Night buses');
    expect(hidden).toContain('appear once the matching starts');
  });

  it('shows each project with this sprint’s tasks and their status once the sprints run', () => {
    const doc = board('match-sprint', 'sprint');
    createEntity(doc.getMap(MS_ROOT.cards), 'm1', 'p', {
      city: 'Kyiv',
      kind: 'idea',
      title: 'Night buses',
    });
    createEntity(doc.getMap(MS_ROOT.projects), 'pr1', 'f', { title: 'Night mobility' });
    createEntity(doc.getMap(MS_ROOT.projects), 'pr2', 'f', { title: 'Choirs' });
    doc.getMap(MS_ROOT.settings).set('currentSprint', 2);
    const task = (id: string, title: string, sprint: number, status: string): void =>
      void createEntity(doc.getMap(MS_ROOT.tasks), id, 'p', {
        projectId: 'pr1',
        title,
        sprint,
        status,
      });
    task('t1', 'Map the routes', 1, 'done');
    task('t2', 'Ask the operators', 2, 'doing');
    const html = renderPreview('match-sprint', doc, '', strings({ 'accept-language': 'de' })!);
    expect(cardTexts(html)).toEqual(['Ask the operators']);
    expect(html).toContain('<p class="preview__meta">In Arbeit</p>');
    expect(html.indexOf('<h3>Night mobility</h3>')).toBeLessThan(html.indexOf('<h3>Choirs</h3>'));
    expect(html).toContain('Noch keine Aufgaben in diesem Sprint.');
    expect(html).not.toContain('Night buses'); // the sides are behind them now
  });

  it('shows a card or topic in the reader’s language when someone translated it', () => {
    const doc = board('open-space', 'welcome');
    createEntity(getCards(doc), 'card01', 'p1', { text: 'Спільні гранти', language: 'uk' });
    const translate = (id: string, target: string, fields: Record<string, string>): void =>
      void createEntity(doc.getMap(TRANSLATIONS_ROOT), id, 'p2', { target, ...fields });
    translate('tr01', 'cards/card01', { language: 'de', text: 'Gemeinsame Förderanträge' });
    const reader = (lang: string): string =>
      renderPreview('open-space', doc, '', strings({ 'accept-language': lang })!);
    expect(reader('de')).toContain('<p class="preview__text" lang="de">Gemeinsame Förderanträge<');
    expect(reader('en')).toContain('<p class="preview__text" lang="uk">Спільні гранти<');

    getMeta(doc).set('phase', 'marketplace');
    createEntity(doc.getMap(OS_ROOT.topics), 'topic1', 'p1', { title: 'Bikes', language: 'en' });
    translate('tr02', 'topics/topic1', { language: 'lv', title: 'Velosipēdi' });
    expect(cardTexts(reader('lv'))).toEqual(['Velosipēdi']);
    expect(cardTexts(reader('pl'))).toEqual(['Bikes']);
  });

  it('speaks the chosen language (cookie), else the browser’s, else English', () => {
    const doc = board('open-space', 'closed');
    const lang = (headers: Record<string, string>): string => strings(headers)!.lang;
    expect(lang({ 'accept-language': 'de-AT,de;q=0.9,en;q=0.5' })).toBe('de');
    expect(lang({ 'accept-language': 'fr;q=1, uk;q=0.8' })).toBe('uk');
    expect(lang({ 'accept-language': 'de', cookie: 'a=1; twinspace_lang=lv' })).toBe('lv');
    expect(lang({ cookie: 'twinspace_lang="><script>' })).toBe('en');
    expect(lang({})).toBe('en');
    const html = renderPreview('open-space', doc, '', strings({ 'accept-language': 'pl' })!);
    expect(html).toContain('lang="pl"');
    expect(html).toContain('Ten Open Space się zakończył');
  });
});
