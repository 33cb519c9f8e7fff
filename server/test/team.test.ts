import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  createEntity,
  getMeta,
  MAX_FACILITATOR_LINKS,
  readQuestions,
  OS_ROOT,
  WS_CLOSE,
  type ActivityEntry,
  type FacilitatorLinkList,
} from '@twinspace/shared';
import {
  connectClient,
  controlSocket,
  createBoard,
  eventually,
  fetchExport,
  joinOver,
  startBoard,
} from './harness.ts';
import { send } from './open-space-helpers.ts';
import { createLink, joinedLink, revokeLink, teamCall, yjsClosed } from './team-helpers.ts';

describe('facilitator links (docs/team.md)', () => {
  it('need the owner or a co-host: 401 without a credential, 403 for a narrower role, no tokens listed', async () => {
    const { server, board } = await startBoard();
    const body = { name: 'Ola', role: 'co-host' };
    const post = (token: string | null) =>
      teamCall(server.url, board.code, 'facilitators', token, { method: 'POST', body });
    expect((await post(null)).status).toBe(401);
    expect((await post('x'.repeat(43))).status).toBe(401);
    // An unknown board answers like a wrong key: codes are not probed through this route.
    expect(
      (await teamCall(server.url, 'ZZZZZZ', 'facilitators', board.facilitatorToken)).status,
    ).toBe(401);

    const coHost = await createLink(
      server.url,
      board.code,
      board.facilitatorToken,
      'Ola',
      'co-host',
    );
    expect(coHost.url).toContain(`/b/${board.code}/facilitate#key=${coHost.token}`);
    const noteTaker = await createLink(server.url, board.code, coHost.token, 'Nina', 'note-taker');
    const tableHost = await createLink(server.url, board.code, coHost.token, 'Tom', 'table-host');
    for (const narrow of [noteTaker, tableHost]) {
      expect((await post(narrow.token)).status).toBe(403);
      expect((await teamCall(server.url, board.code, 'facilitators', narrow.token)).status).toBe(
        403,
      );
      expect((await revokeLink(server.url, board.code, narrow.token, coHost.id)).status).toBe(403);
    }
    const listed = await teamCall(server.url, board.code, 'facilitators', board.facilitatorToken);
    const list = (await listed.json()) as FacilitatorLinkList;
    expect(list.links.map((l) => [l.name, l.role])).toEqual([
      ['Ola', 'co-host'],
      ['Nina', 'note-taker'],
      ['Tom', 'table-host'],
    ]);
    expect(list.you).toEqual({ linkId: 'owner', role: 'owner' });
    expect(JSON.stringify(list)).not.toContain(coHost.token);
    expect(JSON.stringify(list)).not.toContain('tokenHash');
    // Bad input: the wrong role, an empty name.
    for (const bad of [
      { name: 'X', role: 'owner' },
      { name: ' ', role: 'co-host' },
    ])
      expect(
        (
          await teamCall(server.url, board.code, 'facilitators', board.facilitatorToken, {
            method: 'POST',
            body: bad,
          })
        ).status,
      ).toBe(400);
  });

  it('are limited per board, and an id of another board or a guessed one is 404', async () => {
    const { server, board } = await startBoard();
    const other = await createBoard(server.url);
    const theirs = await createLink(server.url, other.code, other.facilitatorToken, 'O', 'co-host');
    for (let i = 1; i < MAX_FACILITATOR_LINKS; i++)
      await createLink(server.url, board.code, board.facilitatorToken, `P${i}`, 'note-taker');
    const last = await createLink(
      server.url,
      board.code,
      board.facilitatorToken,
      'Last',
      'co-host',
    );
    const over = await teamCall(server.url, board.code, 'facilitators', board.facilitatorToken, {
      method: 'POST',
      body: { name: 'One too many', role: 'co-host' },
    });
    expect(over.status).toBe(409);
    expect(
      (await revokeLink(server.url, board.code, board.facilitatorToken, theirs.id)).status,
    ).toBe(404);
    expect(
      (await revokeLink(server.url, board.code, board.facilitatorToken, 'guessed12345')).status,
    ).toBe(404);
    // The other board's link still works there.
    const joined = await joinOver(controlSocket(server.url), {
      code: other.code,
      role: 'facilitator',
      name: 'O',
      facilitatorToken: theirs.token,
    });
    expect(joined.type).toBe('joined');
    expect((await revokeLink(server.url, board.code, board.facilitatorToken, last.id)).status).toBe(
      204,
    );
    expect((await revokeLink(server.url, board.code, board.facilitatorToken, last.id)).status).toBe(
      404,
    );
  });

  it('once revoked, no longer joins, reads no export, and its open sockets close at once', async () => {
    const { server, board } = await startBoard();
    const { link, client: ola } = await joinedLink(server.url, board, 'Ola', 'co-host');
    const ticket = await joinOver(controlSocket(server.url), {
      code: board.code,
      role: 'facilitator',
      facilitatorToken: link.token,
    });
    expect(ticket.type === 'joined' && ticket.team).toEqual({ linkId: link.id, role: 'co-host' });
    expect(
      (await fetchExport(server.url, { ...board, facilitatorToken: link.token }, 'export.md'))
        .status,
    ).toBe(200);
    const closed = yjsClosed(ola);
    const disconnected = new Promise<string>((resolve) => ola.socket.on('disconnect', resolve));

    expect((await revokeLink(server.url, board.code, board.facilitatorToken, link.id)).status).toBe(
      204,
    );
    expect(await closed).toBe(WS_CLOSE.linkRevoked);
    expect(await disconnected).toBe('io server disconnect');
    expect(ola.notices).toContainEqual({ type: 'link-revoked' });

    const again = await joinOver(controlSocket(server.url), {
      code: board.code,
      role: 'facilitator',
      name: 'Ola',
      facilitatorToken: link.token,
    });
    expect(again).toMatchObject({ type: 'join-refused', reason: 'bad-facilitator-token' });
    const asLink = { ...board, facilitatorToken: link.token };
    expect((await fetchExport(server.url, asLink, 'export.md')).status).toBe(401);
    // A ticket the link got before it was revoked opens nothing either.
    const issued = ticket.type === 'joined' ? ticket.ticket : '';
    expect((await fetchExport(server.url, board, 'export.md', issued)).status).toBe(401);
    const ws = new WebSocket(
      `${server.url.replace(/^http/, 'ws')}/yjs/${board.code}?ticket=${encodeURIComponent(issued)}`,
    );
    const code = await new Promise<number>((resolve) => ws.once('close', resolve));
    expect(code).toBe(WS_CLOSE.linkRevoked);
    // The owner's own link is untouched.
    const owner = await connectClient(server.url, board.code, {
      role: 'facilitator',
      facilitatorToken: board.facilitatorToken,
    });
    expect(owner.provider.wsconnected).toBe(true);
  });
});

describe('roles as data: a note-taker and a table host (docs/team.md)', () => {
  it('refuses a note-taker’s phase change, as a Yjs update and as a command; the board is unchanged', async () => {
    const { server, board } = await startBoard();
    const { link, client: nina } = await joinedLink(server.url, board, 'Nina', 'note-taker');
    const owner = await connectClient(server.url, board.code, {
      role: 'facilitator',
      name: 'Olga',
      facilitatorToken: board.facilitatorToken,
    });
    getMeta(nina.doc).set('phase', 'closed');
    await eventually(() =>
      expect(nina.notices).toContainEqual(
        expect.objectContaining({ type: 'update-refused', reason: 'not-your-role' }),
      ),
    );
    // A fresh device of hers (a refused client starts over anyway) tries the settings.
    const again = await connectClient(server.url, board.code, {
      role: 'facilitator',
      facilitatorToken: link.token,
    });
    again.doc.getMap(OS_ROOT.settings).set('voteBudget', 99);
    await eventually(() =>
      expect(again.notices).toContainEqual(
        expect.objectContaining({ type: 'update-refused', reason: 'not-your-role' }),
      ),
    );
    const refused = await send(nina, { type: 'set-phase', phase: 'closed' });
    expect(refused).toMatchObject({ type: 'refused', reason: 'not-your-role' });
    expect(await send(nina, { type: 'os-reveal-votes' })).toMatchObject({
      reason: 'not-your-role',
    });
    expect(await send(nina, { type: 'timer', action: 'start', durationMs: 60_000 })).toMatchObject({
      reason: 'not-your-role',
    });
    // Round trip through the owner's socket: everything before it has been processed.
    expect(await send(owner, { type: 'os-my-ballot' })).toMatchObject({ type: 'ok' });
    expect(getMeta(owner.doc).get('phase')).toBe('welcome');
    expect(owner.doc.getMap(OS_ROOT.settings).get('voteBudget')).toBeUndefined();
    // A fresh reader sees the stored board: the same.
    const reader = await connectClient(server.url, board.code, { role: 'projector' });
    expect(getMeta(reader.doc).get('phase')).toBe('welcome');
    expect(reader.doc.getMap(OS_ROOT.settings).get('voteBudget')).toBeUndefined();
  });

  it('lets a table host run the timer, and logs who did what for every facilitator to read', async () => {
    const { server, board } = await startBoard();
    const { link: host, client: tom } = await joinedLink(server.url, board, 'Tom', 'table-host');
    const { client: ola } = await joinedLink(server.url, board, 'Ola', 'co-host');
    expect(await send(tom, { type: 'timer', action: 'start', durationMs: 60_000 })).toEqual({
      type: 'ok',
    });
    expect(await send(ola, { type: 'set-phase', phase: 'marketplace' })).toEqual({ type: 'ok' });
    expect(await send(tom, { type: 'set-phase', phase: 'voting' })).toMatchObject({
      reason: 'not-your-role',
    });
    const read = async (token: string | null) =>
      teamCall(server.url, board.code, 'activity', token);
    expect((await read(null)).status).toBe(401);
    await eventually(async () => {
      const { entries } = (await (await read(host.token)).json()) as { entries: ActivityEntry[] };
      expect(entries.map((e) => [e.name, e.role, e.action, e.detail])).toEqual([
        ['Ola', 'co-host', 'set-phase', 'marketplace'],
        ['Tom', 'table-host', 'timer', 'start'],
        ['', 'owner', 'link-created', 'Ola (co-host)'],
        ['', 'owner', 'link-created', 'Tom (table-host)'],
      ]);
    });
  });
});

describe('a note-taker moderates nothing the rules do not grant (R36)', () => {
  it('is held by the approval queue and withdraws only their own question', async () => {
    const { server, board } = await startBoard();
    const owner = await connectClient(server.url, board.code, {
      role: 'facilitator',
      name: 'Olga',
      facilitatorToken: board.facilitatorToken,
    });
    expect(await send(owner, { type: 'set-phase', phase: 'marketplace' })).toEqual({ type: 'ok' });
    const queue = { type: 'mod-settings', approval: { part: OS_ROOT.topics, on: true } } as const;
    expect(await send(owner, queue)).toEqual({ type: 'ok' });
    const ana = await connectClient(server.url, board.code, { name: 'Ana' });
    expect(await send(ana, { type: 'qa-ask', text: 'Why?', anonymous: false })).toMatchObject({
      type: 'ok',
    });
    const { client: nina } = await joinedLink(server.url, board, 'Nina', 'note-taker');
    createEntity(nina.doc.getMap(OS_ROOT.topics), 'topicNINA01', nina.participantId, {
      title: 'Not queued?',
    });
    await eventually(() =>
      expect(nina.notices).toContainEqual(
        expect.objectContaining({ type: 'update-refused', reason: 'not-allowed' }),
      ),
    );
    const [question] = readQuestions(owner.doc);
    expect(await send(nina, { type: 'qa-withdraw', questionId: question!.id })).toMatchObject({
      reason: 'not-owner',
    });
    expect(owner.doc.getMap(OS_ROOT.topics).has('topicNINA01')).toBe(false);
    expect(readQuestions(owner.doc)).toHaveLength(1);
  });
});

describe('handing a board over (docs/team.md)', () => {
  it('lets the owner give up their own link once a co-host holds the board', async () => {
    const { server, board } = await startBoard();
    const tooEarly = await revokeLink(server.url, board.code, board.facilitatorToken, 'owner');
    expect(tooEarly.status).toBe(409);
    const next = await createLink(server.url, board.code, board.facilitatorToken, 'Ola', 'co-host');
    expect((await revokeLink(server.url, board.code, next.token, 'owner')).status).toBe(403);
    const owner = await connectClient(server.url, board.code, {
      role: 'facilitator',
      facilitatorToken: board.facilitatorToken,
    });
    const closed = yjsClosed(owner);
    expect((await revokeLink(server.url, board.code, board.facilitatorToken, 'owner')).status).toBe(
      204,
    );
    expect(await closed).toBe(WS_CLOSE.linkRevoked);
    const again = await joinOver(controlSocket(server.url), {
      code: board.code,
      role: 'facilitator',
      name: 'O',
      facilitatorToken: board.facilitatorToken,
    });
    expect(again).toMatchObject({ reason: 'bad-facilitator-token' });
    expect((await teamCall(server.url, board.code, 'facilitators', next.token)).status).toBe(200);
  });
});
