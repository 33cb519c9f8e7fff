/**
 * Events group boards (docs/events.md). The store keeps each event, the boards in it (in the
 * order they were added) and which board is on now; SQLite (events-sqlite.ts) and Redis
 * (events-redis.ts) behind one interface, checked by the store contract suite.
 */
export interface EventRecord {
  code: string;
  title: string;
  createdAt: number;
  /** sha256 of the event's facilitator token; the token itself is never stored. */
  facilitatorTokenHash: string;
  /** The board on now (the event projector follows it), or null. */
  current: string | null;
}

export interface EventStore {
  /** Throws CodeTakenError when the code exists already. */
  createEvent(event: EventRecord): Promise<void>;
  getEvent(code: string): Promise<EventRecord | null>;
  /** Adds a board to an event (a board belongs to one event at most). */
  addBoard(event: string, board: string): Promise<void>;
  /** The event's boards, in the order they were added. */
  boardsOf(event: string): Promise<string[]>;
  /** The event a board belongs to, or null. */
  eventOf(board: string): Promise<string | null>;
  setCurrent(event: string, board: string | null): Promise<void>;
  /** Drops a deleted board from its event (called by the store's deleteBoard). */
  forgetBoard(board: string): Promise<void>;
  /** Removes the event and its list of boards (the boards themselves: Store.deleteBoard). */
  deleteEvent(code: string): Promise<void>;
}
