import { expect, it } from 'vitest';
import { CodeTakenError, type BoardRecord, type Store } from '../src/store/types.ts';
import type { EventRecord } from '../src/store/events.ts';

const event = (code: string): EventRecord => ({
  code,
  title: `Event ${code}`,
  createdAt: 1_700_000_000_000,
  facilitatorTokenHash: 'ef'.repeat(32),
  current: null,
});

const board = (code: string): BoardRecord => ({
  code,
  kind: 'match-sprint',
  title: `Board ${code}`,
  createdAt: 1,
  facilitatorTokenHash: 'ab'.repeat(32),
});

/** The events part of the store contract (store-contract.ts runs it for every adapter). */
export function eventStoreContract(open: () => Promise<Store>): void {
  it('keeps events, their boards in order and the current one', async () => {
    const { events } = await open();
    await events.createEvent(event('EVENT1'));
    expect(await events.getEvent('EVENT1')).toEqual(event('EVENT1'));
    expect(await events.getEvent('EVENT2')).toBeNull();
    await expect(events.createEvent(event('EVENT1'))).rejects.toBeInstanceOf(CodeTakenError);
    for (const b of ['BOARDC', 'BOARDA', 'BOARDB']) await events.addBoard('EVENT1', b);
    await events.addBoard('EVENT1', 'BOARDA'); // once only
    expect(await events.boardsOf('EVENT1')).toEqual(['BOARDC', 'BOARDA', 'BOARDB']);
    expect(await events.eventOf('BOARDA')).toBe('EVENT1');
    expect(await events.eventOf('BOARDZ')).toBeNull();
    await events.setCurrent('EVENT1', 'BOARDA');
    expect((await events.getEvent('EVENT1'))?.current).toBe('BOARDA');
  });

  it('drops a deleted board from its event, and deletes an event with its list', async () => {
    const store = await open();
    const { events } = store;
    await events.createEvent(event('EVENT3'));
    await store.createBoard(board('BOARDD'), new Uint8Array([0, 0]));
    await events.addBoard('EVENT3', 'BOARDD');
    await events.addBoard('EVENT3', 'BOARDE');
    await events.setCurrent('EVENT3', 'BOARDD');
    await store.deleteBoard('BOARDD');
    expect(await events.boardsOf('EVENT3')).toEqual(['BOARDE']);
    expect(await events.eventOf('BOARDD')).toBeNull();
    expect((await events.getEvent('EVENT3'))?.current).toBeNull();
    await events.deleteEvent('EVENT3');
    expect(await events.getEvent('EVENT3')).toBeNull();
    expect(await events.boardsOf('EVENT3')).toEqual([]);
    expect(await events.eventOf('BOARDE')).toBeNull();
  });
}
