import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  POLL_ROOT,
  readPolls,
  readPollTexts,
  readPollWords,
  type Command,
} from '@twinspace/shared';
import { connectClient, eventually, fetchExport, type TestClient } from './harness.ts';
import { twoCityBoard } from './ms-helpers.ts';
import { send } from './open-space-helpers.ts';
import { plenary, refusedUnchanged, writesRefused } from './plenary-helpers.ts';

/** Creates and opens a poll; returns its id. */
async function openPoll(
  facilitator: TestClient,
  poll: Omit<Extract<Command, { type: 'poll-create' }>, 'type'>,
): Promise<string> {
  const before = new Set(readPolls(facilitator.doc).map((p) => p.id));
  expect(await send(facilitator, { type: 'poll-create', ...poll })).toEqual({ type: 'ok' });
  let id = '';
  await eventually(() => {
    id = readPolls(facilitator.doc).find((p) => !before.has(p.id))?.id ?? '';
    expect(id).not.toBe('');
  });
  expect(await send(facilitator, { type: 'poll-state', pollId: id, state: 'open' })).toEqual({
    type: 'ok',
  });
  return id;
}

describe('polls (SPEC R26)', () => {
  it('multiple choice: one answer per person, changeable while open, refused when closed', async () => {
    const { facilitator, ana, bo, projector, serverDoc } = await plenary();
    const id = await openPoll(facilitator, {
      kind: 'choice',
      question: 'Which formats?',
      options: ['Open Space', 'World Café', 'Fishbowl'],
      maxChoices: 2,
    });
    expect(await send(ana, { type: 'poll-answer', pollId: id, choices: [0, 1] })).toMatchObject({
      type: 'ok',
      data: { type: 'poll-mine', answers: { [id]: { choices: [0, 1] } } },
    });
    expect(await send(bo, { type: 'poll-answer', pollId: id, choices: [1] })).toMatchObject({
      type: 'ok',
    });
    // Ana answers again: her answer replaces the first, she still counts once.
    expect(await send(ana, { type: 'poll-answer', pollId: id, choices: [2] })).toMatchObject({
      type: 'ok',
    });
    await eventually(() =>
      expect(readPolls(projector.doc)[0]).toMatchObject({ respondents: 2, counts: [0, 1, 1] }),
    );
    // Hostile: too many choices, an option that does not exist, the same option twice, a text.
    await refusedUnchanged(
      serverDoc,
      bo,
      { type: 'poll-answer', pollId: id, choices: [0, 1, 2] },
      'too-many-choices',
    );
    await refusedUnchanged(
      serverDoc,
      bo,
      { type: 'poll-answer', pollId: id, choices: [3] },
      'bad-option',
    );
    await refusedUnchanged(
      serverDoc,
      bo,
      { type: 'poll-answer', pollId: id, choices: [1, 1] },
      'bad-option',
    );
    await refusedUnchanged(
      serverDoc,
      bo,
      { type: 'poll-answer', pollId: id, text: 'x' },
      'bad-option',
    );
    // A projector answers; a participant opens, closes, shows, creates or deletes a poll.
    await refusedUnchanged(
      serverDoc,
      projector,
      { type: 'poll-answer', pollId: id, choices: [0] },
      'read-only-role',
    );
    await refusedUnchanged(
      serverDoc,
      bo,
      { type: 'poll-state', pollId: id, state: 'closed' },
      'not-allowed',
    );
    await refusedUnchanged(serverDoc, bo, { type: 'poll-show', pollId: id }, 'not-allowed');
    await refusedUnchanged(serverDoc, bo, { type: 'poll-delete', pollId: id }, 'not-allowed');
    await refusedUnchanged(
      serverDoc,
      bo,
      { type: 'poll-create', kind: 'open', question: 'Mine?', options: [] },
      'not-allowed',
    );
    await refusedUnchanged(
      serverDoc,
      bo,
      { type: 'poll-answer', pollId: 'nopoll0001', choices: [0] },
      'not-found',
    );
    // Closed: nobody answers any more, and a person's own answer stays theirs to read.
    expect(await send(facilitator, { type: 'poll-state', pollId: id, state: 'closed' })).toEqual({
      type: 'ok',
    });
    await refusedUnchanged(
      serverDoc,
      bo,
      { type: 'poll-answer', pollId: id, choices: [0] },
      'closed',
    );
    expect(await send(ana, { type: 'poll-mine' })).toEqual({
      type: 'ok',
      data: { type: 'poll-mine', answers: { [id]: { choices: [2], text: '' } } },
    });
    expect(readPolls(serverDoc())[0]).toMatchObject({ respondents: 2, counts: [0, 1, 1] });
  });

  it('every export carries the results, without a name: Markdown, HTML, the polls CSV', async () => {
    const { server, board, facilitator, ana, bo } = await plenary();
    const id = await openPoll(facilitator, {
      kind: 'choice',
      question: 'Which formats?',
      options: ['Open Space', 'World Café'],
      maxChoices: 1,
    });
    for (const who of [ana, bo])
      expect(await send(who, { type: 'poll-answer', pollId: id, choices: [1] })).toMatchObject({
        type: 'ok',
      });
    const md = await (await fetchExport(server.url, board, 'export.md?lang=en')).text();
    expect(md).toContain('Which formats?');
    expect(md).toMatch(/World Café\D*2/);
    const html = await (await fetchExport(server.url, board, 'export.html?lang=en')).text();
    expect(html).toContain('Which formats?');
    const csv = await fetchExport(server.url, board, 'export.polls?lang=en');
    expect(csv.status).toBe(200);
    const body = await csv.text();
    expect(body).toContain('Which formats?');
    expect(body).toContain('World Café');
    for (const text of [md, html, body]) {
      expect(text).not.toContain('Ana');
      expect(text).not.toContain(ana.participantId);
    }
  });

  it('answers are never in the document in the clear: no participant id, no choice', async () => {
    const { facilitator, ana, projector } = await plenary();
    const id = await openPoll(facilitator, {
      kind: 'scale',
      question: 'How much do you trust your partner city?',
      options: ['Joint planning', 'Joint funding', 'Joint fund', 'Joint budget'],
    });
    expect(await send(ana, { type: 'poll-answer', pollId: id, choices: [3] })).toMatchObject({
      type: 'ok',
    });
    await eventually(() => expect(readPolls(projector.doc)[0]?.respondents).toBe(1));
    // A plain Yjs client holds the whole document: Ana's id appears only in the directory.
    const json = JSON.stringify({ ...projector.doc.toJSON(), people: null, _clients: null });
    expect(json).not.toContain(ana.participantId);
    const answers = projector.doc.getMap<Y.Map<unknown>>(POLL_ROOT.answers);
    expect(answers.size).toBe(1);
    const sealed = [...answers.values()][0]!.get('sealed') as string;
    expect(sealed).not.toMatch(/choices|"c"|Joint/);
  });

  it('a Yjs update that writes aggregates or answers directly is refused, the board unchanged', async () => {
    const room = await plenary();
    const { facilitator, ana, bo } = room;
    const id = await openPoll(facilitator, { kind: 'choice', question: 'Q', options: ['a', 'b'] });
    await eventually(() => expect(readPolls(bo.doc)).toHaveLength(1));
    const attacks: ((doc: Y.Doc) => void)[] = [
      (doc) => doc.getMap<Y.Map<unknown>>(POLL_ROOT.polls).get(id)!.set('counts', [99, 0]),
      (doc) => doc.getMap<Y.Map<unknown>>(POLL_ROOT.polls).get(id)!.set('state', 'closed'),
      (doc) => {
        const forged = new Y.Map<unknown>();
        forged.set('poll', id);
        forged.set('key', 'spam');
        forged.set('text', 'spam');
        forged.set('n', 500);
        doc.getMap(POLL_ROOT.words).set('forged0001', forged);
      },
      (doc) => doc.getMap(POLL_ROOT.stage).set('shown', id),
    ];
    await writesRefused(room, attacks);
    expect(ana.notices).toEqual([]);
  });

  it('word cloud: grouped by normalised word, Cyrillic and Latin apart; open answers without authors', async () => {
    const { facilitator, ana, bo, projector, serverDoc } = await plenary();
    const cloud = await openPoll(facilitator, { kind: 'words', question: 'One word', options: [] });
    expect(await send(ana, { type: 'poll-answer', pollId: cloud, text: 'Trust!' })).toMatchObject({
      type: 'ok',
    });
    expect(
      await send(bo, { type: 'poll-answer', pollId: cloud, text: 'ＴＲＵＳＴ' }),
    ).toMatchObject({ type: 'ok' });
    expect(
      await send(facilitator, { type: 'poll-answer', pollId: cloud, text: 'довіра' }),
    ).toMatchObject({ type: 'ok' });
    await refusedUnchanged(
      serverDoc,
      bo,
      { type: 'poll-answer', pollId: cloud, text: 'x'.repeat(41) },
      'too-long',
    );
    await eventually(() =>
      expect(readPollWords(projector.doc).map((w) => [w.key, w.n, w.script])).toEqual([
        ['trust', 2, 'latin'],
        ['довіра', 1, 'cyrillic'],
      ]),
    );
    // Bo changes his word: "trust" goes down to one, "budget" appears.
    expect(await send(bo, { type: 'poll-answer', pollId: cloud, text: 'Budget' })).toMatchObject({
      type: 'ok',
    });
    await eventually(() =>
      expect(readPollWords(projector.doc).map((w) => [w.key, w.n])).toEqual([
        ['budget', 1],
        ['trust', 1],
        ['довіра', 1],
      ]),
    );
    const open = await openPoll(facilitator, { kind: 'open', question: 'What next?', options: [] });
    expect(
      await send(ana, { type: 'poll-answer', pollId: open, text: 'A joint fund' }),
    ).toMatchObject({ type: 'ok' });
    expect(
      await send(ana, { type: 'poll-answer', pollId: open, text: 'A joint budget' }),
    ).toMatchObject({ type: 'ok' });
    await refusedUnchanged(
      serverDoc,
      ana,
      { type: 'poll-answer', pollId: open, text: 'x'.repeat(501) },
      'too-long',
    );
    await eventually(() =>
      expect(readPollTexts(projector.doc).map((x) => x.text)).toEqual(['A joint budget']),
    );
    expect(JSON.stringify(projector.doc.getMap(POLL_ROOT.texts).toJSON())).not.toContain(
      ana.participantId,
    );
    // Deleting a poll takes its words and answers with it.
    expect(await send(facilitator, { type: 'poll-delete', pollId: cloud })).toEqual({ type: 'ok' });
    await eventually(() => expect(readPollWords(projector.doc)).toEqual([]));
  });

  it('Match & Sprint: results per city', async () => {
    const { facilitator, a, b } = await twoCityBoard();
    const id = await openPoll(facilitator, { kind: 'choice', question: 'Q', options: ['x', 'y'] });
    expect(await send(a, { type: 'poll-answer', pollId: id, choices: [0] })).toMatchObject({
      type: 'ok',
    });
    expect(await send(b, { type: 'poll-answer', pollId: id, choices: [1] })).toMatchObject({
      type: 'ok',
    });
    expect(await send(b, { type: 'poll-answer', pollId: id, choices: [0] })).toMatchObject({
      type: 'ok',
    });
    await eventually(() =>
      expect(readPolls(facilitator.doc)[0]).toMatchObject({
        counts: [2, 0],
        byCity: { Minsk: [1, 0], Dresden: [1, 0] },
      }),
    );
  });

  it('a city the board does not list is not kept: a `constructor` city broke the room', async () => {
    const { server, board, facilitator } = await plenary();
    const mal = await connectClient(server.url, board.code, { name: 'Mal', city: 'constructor' });
    const closed: number[] = [];
    facilitator.provider.ws?.addEventListener('close', (e) => closed.push(e.code));
    const id = await openPoll(facilitator, { kind: 'choice', question: 'Q', options: ['x', 'y'] });
    expect(await send(mal, { type: 'poll-answer', pollId: id, choices: [0] })).toMatchObject({
      type: 'ok',
    });
    await eventually(() => expect(readPolls(facilitator.doc)[0]).toMatchObject({ counts: [1, 0] }));
    expect(readPolls(facilitator.doc)[0]!.byCity).toEqual({});
    expect(closed).toEqual([]);
  });
});
