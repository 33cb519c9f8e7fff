import { expect, it } from 'vitest';
import type { ActivityEntry } from '@twinspace/shared';
import type { LinkRecord } from '../src/store/team.ts';
import type { Store } from '../src/store/types.ts';

const link = (board: string, id: string, createdAt: number): LinkRecord => ({
  board,
  id,
  name: `Name ${id}`,
  role: 'co-host',
  tokenHash: 'cd'.repeat(32),
  createdAt,
  createdBy: '',
});

const entry = (n: number): ActivityEntry => ({
  at: n,
  linkId: 'owner',
  name: 'Olha',
  role: 'owner',
  action: 'set-phase',
  detail: `phase ${n}`,
});

/** What every Store's team must do (docs/team.md); run by each adapter's test file. */
export function teamStoreContract(open: () => Promise<Store>): void {
  it('team: keeps links up to a limit, per board, and removes them', async () => {
    const { team } = await open();
    expect(await team.addLink(link('TEAMAA', 'link000001', 2), 2)).toBe(true);
    expect(await team.addLink(link('TEAMAA', 'link000002', 1), 2)).toBe(true);
    expect(await team.addLink(link('TEAMAA', 'link000003', 3), 2)).toBe(false);
    expect(await team.addLink(link('TEAMBB', 'link000004', 4), 2)).toBe(true);
    expect((await team.links('TEAMAA')).map((l) => l.id)).toEqual(['link000002', 'link000001']);
    expect((await team.links('TEAMAA'))[0]).toEqual(link('TEAMAA', 'link000002', 1));
    expect(await team.removeLink('TEAMAA', 'link000004')).toBe(false);
    expect(await team.removeLink('TEAMAA', 'link000002')).toBe(true);
    expect((await team.links('TEAMAA')).map((l) => l.id)).toEqual(['link000001']);
    expect(await team.ownerRetired('TEAMAA')).toBe(false);
    await team.retireOwner('TEAMAA');
    expect(await team.ownerRetired('TEAMAA')).toBe(true);
    expect(await team.ownerRetired('TEAMBB')).toBe(false);
  });

  it('team: keeps the newest activity only, and deleting a board deletes its team', async () => {
    const store = await open();
    for (let n = 1; n <= 7; n++) await store.team.logActivity('TEAMCC', entry(n), 5);
    expect((await store.team.activity('TEAMCC')).map((e) => e.at)).toEqual([7, 6, 5, 4, 3]);
    expect((await store.team.activity('TEAMCC'))[0]).toEqual(entry(7));
    await store.team.addLink(link('TEAMCC', 'link000005', 1), 5);
    await store.team.retireOwner('TEAMCC');
    await store.deleteBoard('TEAMCC');
    expect(await store.team.activity('TEAMCC')).toEqual([]);
    expect(await store.team.links('TEAMCC')).toEqual([]);
    expect(await store.team.ownerRetired('TEAMCC')).toBe(false);
  });
}
