import { describe, expect, it } from 'vitest';
import { EV, WS_CLOSE, type Command, type CommandResult } from '@twinspace/shared';
import {
  connectClient,
  controlSocket,
  createBoard,
  eventually,
  fetchExport,
  joinOver,
  type ControlSocket,
} from './harness.ts';
import { startCluster } from './redis-cluster.ts';
import { createLink, revokeLink, yjsClosed } from './team-helpers.ts';

const send = (socket: ControlSocket, cmd: Command): Promise<CommandResult> =>
  socket.timeout(10_000).emitWithAck(EV.command, cmd);

/** Cuts the connection's transport, as a phone in a tunnel: the server keeps its session. */
async function dropTransport(socket: ControlSocket): Promise<void> {
  // Recovery resumes from the last packet the adapter delivered: wait for one (presence).
  socket.emit(EV.presence, { type: 'presence', focus: null, typing: false });
  const withOffset = socket as unknown as { _lastOffset?: string };
  await eventually(() => expect(withOffset._lastOffset).toBeTruthy());
  const gone = new Promise((resolve) => socket.once('disconnect', resolve));
  socket.io.engine.close();
  await gone;
}

/** Connects again, offering the old session back (Socket.IO's connection-state recovery). */
async function reconnect(socket: ControlSocket): Promise<boolean> {
  const back = new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  socket.connect();
  await back;
  return socket.recovered;
}

describe('revoking a facilitator link, scaled out (docs/team.md)', () => {
  it('closes its sockets on the other process at once, and it stops working on both', async () => {
    const { procs } = await startCluster(2);
    const [a, b] = [procs[0]!, procs[1]!];
    const board = await createBoard(a.url);
    const link = await createLink(a.url, board.code, board.facilitatorToken, 'Ola', 'co-host');
    // Ola is on process B; the owner revokes her link through process A.
    const ola = await connectClient(b.url, board.code, {
      role: 'facilitator',
      facilitatorToken: link.token,
    });
    const closed = yjsClosed(ola);
    const disconnected = new Promise<string>((resolve) => ola.socket.on('disconnect', resolve));
    expect((await revokeLink(a.url, board.code, board.facilitatorToken, link.id)).status).toBe(204);
    expect(await closed).toBe(WS_CLOSE.linkRevoked);
    expect(await disconnected).toBe('io server disconnect');
    expect(ola.notices).toContainEqual({ type: 'link-revoked' });
    for (const proc of [a, b]) {
      await expect(
        connectClient(proc.url, board.code, { role: 'facilitator', facilitatorToken: link.token }),
      ).rejects.toThrow('bad-facilitator-token');
      const asLink = { ...board, facilitatorToken: link.token };
      expect((await fetchExport(proc.url, asLink, 'export.md')).status).toBe(401);
    }
  });

  it('a connection that was away when its link was revoked does not get its session back', async () => {
    const { procs } = await startCluster(2);
    const [a, b] = [procs[0]!, procs[1]!];
    const board = await createBoard(a.url);
    const link = await createLink(a.url, board.code, board.facilitatorToken, 'Ola', 'co-host');
    const ola = controlSocket(b.url);
    const as = { code: board.code, role: 'facilitator' as const, name: 'Ola' };
    expect((await joinOver(ola, { ...as, facilitatorToken: link.token })).type).toBe('joined');
    await dropTransport(ola);
    expect((await revokeLink(a.url, board.code, board.facilitatorToken, link.id)).status).toBe(204);
    // Before: recovered as a co-host, and 'delete-board' deleted the board.
    expect(await reconnect(ola)).toBe(false);
    const del = await send(ola, { type: 'delete-board', confirm: true });
    expect(del).toMatchObject({ type: 'refused', reason: 'not-joined' });
    expect((await fetch(`${a.url}/api/boards/${board.code}`)).status).toBe(200);
  });

  it('nor does one of a participant who deleted their data meanwhile (SPEC R29)', async () => {
    const { procs } = await startCluster(2);
    const [a, b] = [procs[0]!, procs[1]!];
    const board = await createBoard(a.url);
    const phone = controlSocket(b.url);
    const joined = await joinOver(phone, { code: board.code, role: 'participant', name: 'Eva' });
    if (joined.type !== 'joined') throw new Error(joined.reason);
    const { participantId, participantSecret } = joined;
    const laptop = controlSocket(a.url);
    const as = { code: board.code, role: 'participant' as const, participantId, participantSecret };
    expect((await joinOver(laptop, as)).type).toBe('joined');
    await dropTransport(phone);
    expect(await send(laptop, { type: 'erase-my-data', content: 'remove', confirm: true })).toEqual(
      { type: 'ok' },
    );
    // Before: the phone came back joined as Eva, and a rename wrote her name in again.
    expect(await reconnect(phone)).toBe(false);
    const rename = await send(phone, { type: 'rename', name: 'Eva again' });
    expect(rename).toMatchObject({ type: 'refused', reason: 'not-joined' });
  });
});
