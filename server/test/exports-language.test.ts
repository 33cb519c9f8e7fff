import { describe, expect, it } from 'vitest';
import {
  createEntity,
  MS_ROOT,
  OS_ROOT,
  TRANSLATIONS_ROOT,
  translationTarget,
  type CreateBoardResponse,
} from '@twinspace/shared';
import { readProjects } from '@twinspace/shared/boards/match-sprint/read';
import { addLink, addMsCard } from '@twinspace/shared/boards/match-sprint/write';
import { eventually, fetchExport, type TestClient } from './harness.ts';
import { command, setPhase, twoCityBoard } from './ms-helpers.ts';
import { openSpace, part, send } from './open-space-helpers.ts';

const exported = async (url: string, board: CreateBoardResponse, file: string) => {
  const res = await fetchExport(url, board, file);
  expect(res.status).toBe(200);
  return { body: await res.text(), disposition: res.headers.get('content-disposition') ?? '' };
};

/** A bilingual participant's translation (a plain document edit, as the UI makes it). */
function translate(
  client: TestClient,
  id: string,
  target: string,
  fields: { language: string; title?: string; text?: string },
): void {
  createEntity(part(client, TRANSLATIONS_ROOT), id, client.participantId, { target, ...fields });
}

describe('exports per language (?lang=)', () => {
  it('Open Space: a German topic with an English translation, in English and as written', async () => {
    const os = await openSpace({ phase: 'marketplace' });
    const ana = await os.join('Ana');
    const bo = await os.join('Bo');
    createEntity(part(ana, OS_ROOT.topics), 'topic00001', ana.participantId, {
      title: 'Jugendaustausch',
      convener: 'Ana',
      description: 'Wie wir Jugendliche aus beiden Städten zusammenbringen',
      language: 'de',
    });
    createEntity(part(ana, OS_ROOT.topics), 'topic00002', ana.participantId, {
      title: 'Radwege',
      convener: 'Ana',
      description: 'Nicht übersetzt',
      language: 'de',
    });
    await eventually(() => expect(part(bo, OS_ROOT.topics).size).toBe(2));
    expect(
      await send(os.facilitator, {
        type: 'os-place',
        topicId: 'topic00001',
        slotId: os.slots[0]!,
        spaceId: os.spaces[0]!,
      }),
    ).toMatchObject({ type: 'ok' });
    translate(bo, 'transl0001', translationTarget(OS_ROOT.topics, 'topic00001'), {
      language: 'en',
      title: 'Youth exchange',
      text: 'How we bring young people from both cities together',
    });
    await eventually(() => expect(part(os.facilitator, TRANSLATIONS_ROOT).size).toBe(1));
    const { url } = os.server;

    await eventually(async () =>
      expect((await exported(url, os.board, 'export.md?lang=en')).body).toContain('Youth exchange'),
    );
    const md = await exported(url, os.board, 'export.md?lang=en');
    expect(md.disposition).toContain('proceedings-en.md');
    expect(md.body).toContain('### Youth exchange (original, de: Jugendaustausch)');
    expect(md.body).toContain('| Youth exchange (original, de: Jugendaustausch) | Ana |');
    expect(md.body).toContain('How we bring young people from both cities together');
    expect(md.body).toContain(
      '_Original (de): Wie wir Jugendliche aus beiden Städten zusammenbringen_',
    );
    // Nobody translated the second topic: it stays as written, unmarked.
    expect(md.body).toContain('- Radwege (Ana)');

    const plain = (await exported(url, os.board, 'export.md')).body;
    expect(plain).toContain('### Jugendaustausch');
    expect(plain).not.toContain('Youth exchange');
    expect(plain).not.toContain('original');
    // A language nobody translated into: the originals.
    expect((await exported(url, os.board, 'export.md?lang=uk')).body).toContain(
      '### Jugendaustausch',
    );

    const html = (await exported(url, os.board, 'export.html?lang=en-GB')).body;
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h2>Youth exchange</h2>');
    expect(html).toContain('Original (de): <span lang="de">Jugendaustausch</span>');

    const csv = (await exported(url, os.board, 'export.csv?lang=en')).body.split('\r\n');
    expect(csv[0]).toBe(
      'topic_id,title,convener,language,tags,slot,start,end,space,votes,description,text_language,original_title,original_description',
    );
    expect(csv[1]).toBe(
      'topic00001,Youth exchange,Ana,de,,Round 1,10:00,10:45,Room A,0,How we bring young people from both cities together,en,Jugendaustausch,Wie wir Jugendliche aus beiden Städten zusammenbringen',
    );
    expect(csv[2]).toBe('topic00002,Radwege,Ana,de,,,,,,0,Nicht übersetzt,de,,');
    const csvPlain = (await exported(url, os.board, 'export.csv')).body.split('\r\n');
    expect(csvPlain[1]).toMatch(/^topic00001,Jugendaustausch,Ana,de,.*,de,,$/);

    const ics = (await exported(url, os.board, 'export.ics?lang=en')).body;
    expect(ics).toContain('SUMMARY:Youth exchange');
  });

  it('Match & Sprint: matched cards in the requested language, the original marked', async () => {
    const { server, board, facilitator, a, b } = await twoCityBoard();
    const need = addMsCard(a.doc, a.participantId, {
      city: 'Minsk',
      kind: 'need',
      title: 'Rooms for youth clubs',
      themes: [],
      language: 'en',
    });
    const pot = addMsCard(b.doc, b.participantId, {
      city: 'Dresden',
      kind: 'potential',
      title: 'Jugendhaus',
      themes: [],
      language: 'de',
    });
    await eventually(() => expect(facilitator.doc.getMap(MS_ROOT.cards).size).toBe(2));
    translate(a, 'transl0002', translationTarget(MS_ROOT.cards, pot), {
      language: 'en',
      title: 'Youth house',
    });
    await setPhase(facilitator, 'match');
    const linkId = addLink(facilitator.doc, facilitator.participantId, need, pot);
    await eventually(() => expect(b.doc.getMap(MS_ROOT.links).size).toBe(1));
    expect(
      await command(facilitator, { type: 'ms-confirm-link', linkId, title: 'Youth exchange' }),
    ).toEqual({ type: 'ok' });
    await eventually(() => expect(readProjects(b.doc)).toHaveLength(1));
    await eventually(() => expect(b.doc.getMap(TRANSLATIONS_ROOT).size).toBe(1));

    const md = await exported(server.url, board, 'export.md?lang=en');
    // One name pattern for every exported file (before: '<CODE>-action-plan-en.md', beside
    // 'twinspace-<code>-proceedings.md' in the same downloads folder).
    expect(md.disposition).toContain(`twinspace-${board.code.toLowerCase()}-action-plan-en.md`);
    const polls = await exported(server.url, board, 'export.polls');
    expect(polls.disposition).toContain(`twinspace-${board.code.toLowerCase()}-polls.csv`);
    expect(md.body).toContain(
      'Matched from: Rooms for youth clubs (need, Minsk) ↔ Youth house (potential, Dresden; original, de: Jugendhaus)',
    );
    const plain = (await exported(server.url, board, 'export.md')).body;
    expect(plain).toContain(
      'Matched from: Rooms for youth clubs (need, Minsk) ↔ Jugendhaus (potential, Dresden)',
    );
  });
});
