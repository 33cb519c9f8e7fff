import { getMeta } from '@twinspace/shared';
import type { EventBoard, EventInfo } from '@twinspace/shared/events/types';
import type { RoomRegistry } from '../rooms/registry.ts';
import type { EventRecord } from '../store/events.ts';
import type { BoardRecord, Store } from '../store/types.ts';

/** Most boards one event holds (days, tracks, workshops): every event page reads them all. */
export const EVENT_MAX_BOARDS = 40;

/**
 * An event page polls (docs/events.md): a room of 200 phones asks every few seconds. The
 * answer is kept this long per process, so the boards' documents are read once per period.
 */
const CACHE_MS = 2_000;

/** The event's boards that still exist, in the event's order. */
export async function eventBoards(store: Store, event: string): Promise<BoardRecord[]> {
  const boards = await Promise.all(
    (await store.events.boardsOf(event)).map((code) => store.getBoard(code)),
  );
  return boards.filter((b): b is BoardRecord => b !== null);
}

export class EventInfoReader {
  private readonly cache = new Map<string, { at: number; info: EventInfo }>();

  constructor(
    private readonly store: Store,
    private readonly registry: RoomRegistry,
  ) {}

  /** The event as its page shows it: each board with its title and phase now. */
  async read(event: EventRecord): Promise<EventInfo> {
    const cached = this.cache.get(event.code);
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.info;
    const boards = await eventBoards(this.store, event.code);
    const info: EventInfo = {
      code: event.code,
      title: event.title,
      current: boards.some((b) => b.code === event.current) ? event.current : null,
      boards: await Promise.all(boards.map((b) => this.board(b))),
    };
    if (this.cache.size > 1_000) this.cache.clear();
    this.cache.set(event.code, { at: Date.now(), info });
    return info;
  }

  /** After a change on this process: its next read is fresh. */
  forget(event: string): void {
    this.cache.delete(event);
  }

  private board(b: BoardRecord): Promise<EventBoard> {
    return this.registry.with(b.code, (room) => {
      const meta = getMeta(room.doc);
      const title = meta.get('title');
      return {
        code: b.code,
        kind: b.kind,
        title: typeof title === 'string' ? title : b.title,
        phase: room.phase,
      };
    });
  }
}
