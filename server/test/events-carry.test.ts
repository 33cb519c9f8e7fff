import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MS_ROOT } from '@twinspace/shared';
import { readMsCards } from '@twinspace/shared/boards/match-sprint/read';
import { addMsCard } from '@twinspace/shared/boards/match-sprint/write';
import { carriedId } from '@twinspace/shared/events/carry';
import type { CarrySource } from '@twinspace/shared/events/types';
import { connectClient, controlSocket, eventually, joinOver, startServer } from './harness.ts';
import { api, createEvent, eventBoard } from './event-helpers.ts';
import { command, nameCities } from './ms-helpers.ts';

/** An event with a city workshop (one card by Anna) and the joint board, both Match & Sprint. */
async function booster() {
  const server = await startServer();
  const event = await createEvent(server.url, 'Twin City Booster');
  const minsk = await eventBoard(server.url, event, 'match-sprint', 'Initiative workshop Minsk');
  const joint = await eventBoard(server.url, event, 'match-sprint', 'Match & Sprint');
  const host = await connectClient(server.url, minsk.code, {
    role: 'facilitator',
    facilitatorToken: event.facilitatorToken,
  });
  await nameCities(server.url, minsk.code, host, ['Minsk']);
  const anna = await connectClient(server.url, minsk.code, { name: 'Anna', city: 'Minsk' });
  const card = addMsCard(anna.doc, anna.participantId, {
    city: 'Minsk',
    kind: 'need',
    title: 'A youth house',
    themes: [],
  });
  const wall = await connectClient(server.url, joint.code, { role: 'projector' });
  await eventually(async () => {
    const res = await api(server.url, `/api/events/${event.code}/carry?from=${minsk.code}`, {
      token: event.facilitatorToken,
    });
    const sources = (await res.json()) as CarrySource[];
    expect(sources.find((s) => s.rule === 'ms-cards')?.items.map((i) => i.id)).toEqual([card]);
  });
  const carry = (body: object, token: string | null = event.facilitatorToken) =>
    api(server.url, `/api/events/${event.code}/carry`, { method: 'POST', token, body });
  return { server, event, minsk, joint, anna, card, wall, carry };
}

const stateOf = (doc: Y.Doc): Uint8Array => Y.encodeStateAsUpdate(doc);

describe('events: carry forward', () => {
  it("copies a city's card into the joint board with its history, once however often it is sent", async () => {
    const { minsk, joint, card, wall, carry } = await booster();
    const body = { from: minsk.code, to: joint.code, rule: 'ms-cards', items: [card] };
    const first = await carry(body);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ copied: [card], skipped: [] });
    await eventually(() =>
      expect(readMsCards(wall.doc)).toMatchObject([
        {
          id: carriedId(minsk.code, card),
          title: 'A youth house',
          city: 'Minsk',
          origin: { author: 'Anna', board: minsk.code, boardTitle: 'Initiative workshop Minsk' },
        },
      ]),
    );
    const [again, twice] = await Promise.all([carry(body), carry(body)]);
    expect([await again.json(), await twice.json()]).toEqual([
      { copied: [], skipped: [card] },
      { copied: [], skipped: [card] },
    ]);
    expect(wall.doc.getMap(MS_ROOT.cards).size).toBe(1);
  });

  it('writes no author’s name into an anonymous board (SPEC R25)', async () => {
    const { server, event, joint, card, wall, carry, minsk } = await booster();
    const host = await connectClient(server.url, joint.code, {
      role: 'facilitator',
      facilitatorToken: event.facilitatorToken,
    });
    expect(await command(host, { type: 'mod-settings', anonymous: true })).toEqual({ type: 'ok' });
    const res = await carry({ from: minsk.code, to: joint.code, rule: 'ms-cards', items: [card] });
    expect(await res.json()).toEqual({ copied: [card], skipped: [] });
    await eventually(() =>
      expect(readMsCards(wall.doc)).toMatchObject([
        { title: 'A youth house', origin: { author: '', board: minsk.code } },
      ]),
    );
    expect(JSON.stringify(wall.doc.toJSON())).not.toContain('Anna');
  });

  it('says, asked with a target board, which items that board holds already', async () => {
    const { server, event, minsk, joint, card, carry } = await booster();
    const offered = async (to: string) => {
      const res = await api(
        server.url,
        `/api/events/${event.code}/carry?from=${minsk.code}&to=${to}`,
        { token: event.facilitatorToken },
      );
      expect(res.status).toBe(200);
      const sources = (await res.json()) as CarrySource[];
      return sources.find((s) => s.rule === 'ms-cards')?.items;
    };
    expect(await offered(joint.code)).toMatchObject([{ id: card, carried: false }]);
    await carry({ from: minsk.code, to: joint.code, rule: 'ms-cards', items: [card] });
    expect(await offered(joint.code)).toMatchObject([{ id: card, carried: true }]);
    // A target outside the event is refused like a source outside it.
    const other = await createEvent(server.url, 'Another');
    const foreign = await eventBoard(server.url, other, 'match-sprint', 'Elsewhere');
    const res = await api(
      server.url,
      `/api/events/${event.code}/carry?from=${minsk.code}&to=${foreign.code}`,
      { token: event.facilitatorToken },
    );
    expect(res.status).toBe(403);
  });

  it('refuses a participant, a board of another event and forged ids, and the board stays as it was', async () => {
    const { server, event, minsk, joint, anna, card, wall, carry } = await booster();
    const other = await createEvent(server.url, 'Another');
    const foreign = await eventBoard(server.url, other, 'match-sprint', 'Elsewhere');
    const before = stateOf(wall.doc);
    const ticket = await joinOver(controlSocket(server.url), {
      code: minsk.code,
      role: 'participant',
      name: 'Eve',
      city: 'Minsk',
    });
    expect(ticket.type).toBe('joined');
    const ticketOf = ticket.type === 'joined' ? ticket.ticket : '';
    const body = { from: minsk.code, to: joint.code, rule: 'ms-cards', items: [card] };
    expect((await carry(body, null)).status).toBe(401);
    expect((await carry(body, ticketOf)).status).toBe(403);
    expect((await carry(body, other.facilitatorToken)).status).toBe(403);
    expect((await carry({ ...body, to: foreign.code })).status).toBe(403);
    expect((await carry({ ...body, from: foreign.code })).status).toBe(403);
    expect((await carry({ ...body, items: [card, 'forged-id-0'] })).status).toBe(404);
    expect((await carry({ ...body, items: ['<script>'] })).status).toBe(400);
    expect(
      (await carry({ ...body, items: Array.from({ length: 51 }, (_, i) => `item-${i}-xx`) }))
        .status,
    ).toBe(400);
    expect((await carry({ ...body, rule: 'os-actions' })).status).toBe(400);
    expect((await carry({ ...body, to: minsk.code })).status).toBe(400);
    // A participant's own command channel has no carry command at all.
    expect(await command(anna, { type: 'carry', ...body } as never)).toMatchObject({
      type: 'refused',
    });
    const foreignFacilitator = await connectClient(server.url, foreign.code, {
      role: 'facilitator',
      facilitatorToken: other.facilitatorToken,
    });
    expect(foreignFacilitator.doc.getMap(MS_ROOT.cards).size).toBe(0);
    expect(stateOf(wall.doc)).toEqual(before);
    const sources = await api(server.url, `/api/events/${event.code}/carry?from=${foreign.code}`, {
      token: event.facilitatorToken,
    });
    expect(sources.status).toBe(403);
  });
});
