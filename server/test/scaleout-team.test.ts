import { describe, expect, it } from 'vitest';
import { WS_CLOSE } from '@twinspace/shared';
import { connectClient, createBoard, fetchExport } from './harness.ts';
import { startCluster } from './redis-cluster.ts';
import { createLink, revokeLink, yjsClosed } from './team-helpers.ts';

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
});
