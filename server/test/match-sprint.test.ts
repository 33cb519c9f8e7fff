import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MS_ROOT } from '@twinspace/shared';
import { readLinks, readMsCards, readProjects } from '@twinspace/shared/boards/match-sprint/read';
import { suggestMatches } from '@twinspace/shared/boards/match-sprint/suggest';
import { addLink, addMsCard, addTheme } from '@twinspace/shared/boards/match-sprint/write';
import { connectClient, eventually } from './harness.ts';
import { command, pairInMatch, setPhase, twoCityBoard } from './ms-helpers.ts';

const cards = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(MS_ROOT.cards);
const suggestionsOf = (doc: Y.Doc) =>
  suggestMatches({ cards: readMsCards(doc), links: readLinks(doc) });

describe('Match & Sprint: cities and their sides', () => {
  it('a member of one city cannot edit or delete the other city’s cards, nor write for it', async () => {
    const { server, board, a, b } = await twoCityBoard();
    const cardId = addMsCard(a.doc, a.participantId, {
      city: 'Minsk',
      kind: 'need',
      title: 'Rooms for youth clubs',
      themes: [],
    });
    await eventually(() =>
      expect(cards(b.doc).get(cardId)?.get('title')).toBe('Rooms for youth clubs'),
    );

    // Each attempt comes from a fresh Dresden member: a refused client resyncs anyway.
    const attempts: [(doc: Y.Doc, owner: string) => void, string][] = [
      [(doc) => cards(doc).get(cardId)!.set('title', 'defaced by Dresden'), 'not-owner'],
      [(doc) => cards(doc).delete(cardId), 'not-owner'],
      // Writing a card on Minsk's side while being a Dresden member is refused too.
      [
        (doc, owner) =>
          addMsCard(doc, owner, { city: 'Minsk', kind: 'potential', title: 'Forged', themes: [] }),
        'not-allowed',
      ],
    ];
    for (const [attack, reason] of attempts) {
      const member = await connectClient(server.url, board.code, { name: 'Dora', city: 'Dresden' });
      attack(member.doc, member.participantId);
      await eventually(() =>
        expect(member.notices).toContainEqual(
          expect.objectContaining({ type: 'update-refused', reason }),
        ),
      );
      member.close();
    }
    expect(b.notices).toEqual([]);

    // What anyone loads from the server is Anna's card, untouched, and nothing forged.
    const fresh = await connectClient(server.url, board.code, { name: 'Late', city: 'Dresden' });
    expect(readMsCards(fresh.doc).map((c) => [c.city, c.title])).toEqual([
      ['Minsk', 'Rooms for youth clubs'],
    ]);
    expect(readMsCards(a.doc).map((c) => c.title)).toEqual(['Rooms for youth clubs']);
  });

  it('refuses a participant who picks no city, once the board names its cities', async () => {
    const { server, board } = await twoCityBoard();
    await expect(connectClient(server.url, board.code, { name: 'Nowhere' })).rejects.toThrow(
      'city-required',
    );
  });

  it('suggestions are the same on every screen and stable for the same input', async () => {
    const { server, board, facilitator, a, b } = await twoCityBoard();
    const youth = addTheme(facilitator.doc, facilitator.participantId, 'Youth', 'en');
    const green = addTheme(facilitator.doc, facilitator.participantId, 'Green spaces', 'en');
    await eventually(() => expect(b.doc.getMap(MS_ROOT.themes).size).toBe(2));
    addMsCard(a.doc, a.participantId, {
      city: 'Minsk',
      kind: 'need',
      title: 'Rooms for youth clubs',
      themes: [youth],
    });
    addMsCard(a.doc, a.participantId, {
      city: 'Minsk',
      kind: 'interest',
      title: 'Urban gardening',
      themes: [green],
    });
    addMsCard(b.doc, b.participantId, {
      city: 'Dresden',
      kind: 'potential',
      title: 'Jugendhaus Neustadt',
      themes: [youth],
    });
    addMsCard(b.doc, b.participantId, {
      city: 'Dresden',
      kind: 'interest',
      title: 'Gemeinschaftsgärten',
      themes: [green],
    });
    for (const client of [a, b, facilitator])
      await eventually(() => expect(readMsCards(client.doc)).toHaveLength(4));

    const reference = suggestionsOf(a.doc);
    expect(reference.map((s) => s.reason.kind)).toEqual(['need-potential', 'shared']);
    expect(reference[0]!.reason).toMatchObject({
      fromCity: 'Minsk',
      toCity: 'Dresden',
      sharedThemes: [youth],
    });
    expect(suggestionsOf(b.doc)).toEqual(reference);
    expect(suggestionsOf(facilitator.doc)).toEqual(reference);
    const projector = await connectClient(server.url, board.code, { role: 'projector' });
    expect(suggestionsOf(projector.doc)).toEqual(reference);
    expect(suggestionsOf(projector.doc)).toEqual(suggestionsOf(projector.doc));
  });
});

describe('Match & Sprint: matches become projects', () => {
  it('the facilitator confirms a hand-made link: it becomes a project both cities join', async () => {
    const { facilitator, a, b, need, pot } = await pairInMatch();
    const linkId = addLink(a.doc, a.participantId, need, pot);
    await eventually(() => expect(readLinks(facilitator.doc)).toHaveLength(1));

    // Only the facilitator decides.
    expect(await command(a, { type: 'ms-confirm-link', linkId })).toMatchObject({
      type: 'refused',
      reason: 'not-allowed',
    });
    expect(
      await command(facilitator, {
        type: 'ms-confirm-link',
        linkId,
        title: 'Youth house exchange',
      }),
    ).toEqual({ type: 'ok' });
    // R9: a second confirmation (a double click) is refused; there is still one project.
    expect(await command(facilitator, { type: 'ms-confirm-link', linkId })).toMatchObject({
      type: 'refused',
      reason: 'duplicate',
    });
    await eventually(() => expect(readProjects(a.doc)).toHaveLength(1));
    const [project] = readProjects(b.doc);
    expect(project).toMatchObject({
      title: 'Youth house exchange',
      linkId,
      cards: [need, pot],
      team: {},
    });
    expect(readLinks(b.doc)[0]).toMatchObject({ status: 'confirmed', projectId: project!.id });

    // A participant may not write the link's status or a team by hand.
    a.doc.getMap<Y.Map<unknown>>(MS_ROOT.links).get(linkId)!.set('status', 'rejected');
    await eventually(() =>
      expect(a.notices).toContainEqual(expect.objectContaining({ reason: 'not-allowed' })),
    );

    expect(await command(a, { type: 'ms-join-team', projectId: project!.id })).toEqual({
      type: 'ok',
    });
    expect(await command(b, { type: 'ms-join-team', projectId: project!.id })).toEqual({
      type: 'ok',
    });
    await eventually(() =>
      expect(readProjects(facilitator.doc)[0]!.team).toEqual({
        [a.participantId]: 'Minsk',
        [b.participantId]: 'Dresden',
      }),
    );
    expect(await command(b, { type: 'ms-leave-team', projectId: project!.id })).toEqual({
      type: 'ok',
    });
    await eventually(() =>
      expect(readProjects(a.doc)[0]!.team).toEqual({ [a.participantId]: 'Minsk' }),
    );
  });

  it('refuses to confirm a link inside one city, and rejects on request', async () => {
    const { facilitator, a } = await twoCityBoard();
    const one = addMsCard(a.doc, a.participantId, {
      city: 'Minsk',
      kind: 'need',
      title: 'One',
      themes: [],
    });
    const two = addMsCard(a.doc, a.participantId, {
      city: 'Minsk',
      kind: 'potential',
      title: 'Two',
      themes: [],
    });
    await setPhase(facilitator, 'match');
    await eventually(() => expect(a.doc.getMap('meta').get('phase')).toBe('match'));
    const linkId = addLink(a.doc, a.participantId, one, two);
    await eventually(() => expect(readLinks(facilitator.doc)).toHaveLength(1));
    expect(await command(facilitator, { type: 'ms-confirm-link', linkId })).toMatchObject({
      type: 'refused',
      reason: 'bad-value',
    });
    expect(await command(facilitator, { type: 'ms-reject-link', linkId })).toEqual({ type: 'ok' });
    await eventually(() => expect(readLinks(a.doc)[0]!.status).toBe('rejected'));
    expect(readProjects(a.doc)).toEqual([]);
  });

  it('tells a console acting on a match that changed meanwhile what happened', async () => {
    const { facilitator, a, b } = await twoCityBoard();
    const card = (client: typeof a, city: string, title: string) =>
      addMsCard(client.doc, client.participantId, { city, kind: 'need', title, themes: [] });
    const [a1, a2] = [card(a, 'Minsk', 'A1'), card(a, 'Minsk', 'A2')];
    const [b1, b2] = [card(b, 'Dresden', 'B1'), card(b, 'Dresden', 'B2')];
    await eventually(() => expect(readMsCards(facilitator.doc)).toHaveLength(4));
    await setPhase(facilitator, 'match');
    await eventually(() => expect(a.doc.getMap('meta').get('phase')).toBe('match'));
    const gone = addLink(a.doc, a.participantId, a1, b1);
    const done = addLink(a.doc, a.participantId, a2, b2);
    await eventually(() => expect(readLinks(facilitator.doc)).toHaveLength(2));
    // Bernd deleted his card while the facilitator's confirmation waited: 'no longer exists'.
    b.doc.getMap(MS_ROOT.cards).delete(b1);
    await eventually(() => expect(readMsCards(facilitator.doc)).toHaveLength(3));
    expect(await command(facilitator, { type: 'ms-confirm-link', linkId: gone })).toMatchObject({
      type: 'refused',
      reason: 'not-found',
    });
    // A co-host confirmed it while this console's rejection waited: 'someone changed it'.
    expect(await command(facilitator, { type: 'ms-confirm-link', linkId: done })).toEqual({
      type: 'ok',
    });
    expect(await command(facilitator, { type: 'ms-reject-link', linkId: done })).toMatchObject({
      type: 'refused',
      reason: 'changed',
    });
  });

  it('makes one project of a pair both cities linked at once', async () => {
    const { facilitator, a, b, need, pot } = await pairInMatch();
    // Each delegation takes the board's suggestion before seeing the other's link.
    const fromMinsk = addLink(a.doc, a.participantId, need, pot);
    const fromDresden = addLink(b.doc, b.participantId, pot, need);
    await eventually(() => expect(readLinks(facilitator.doc)).toHaveLength(2));
    for (const linkId of [fromMinsk, fromDresden])
      expect(await command(facilitator, { type: 'ms-confirm-link', linkId })).toEqual({
        type: 'ok',
      });
    await eventually(() =>
      expect(readLinks(a.doc).map((l) => l.status)).toEqual(['confirmed', 'confirmed']),
    );
    // One project, which both links name: the two teams do not split over two copies.
    expect(readProjects(a.doc)).toHaveLength(1);
    const project = readProjects(a.doc)[0]!.id;
    expect(readLinks(a.doc).map((l) => l.projectId)).toEqual([project, project]);
  });
});
