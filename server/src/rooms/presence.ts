import { TIMING, type PresenceAggregate, type PresenceUpdate, type Role } from '@twinspace/shared';

export interface PresenceSession {
  connId: string;
  role: Role;
  participantId: string;
  name: string;
  city: string | undefined;
}

interface Entry extends PresenceSession {
  typing: boolean;
  focus: string | null;
  lastSeen: number;
}

/** Names listed in "who is here"; counts cover everyone. */
const MAX_LISTED = 50;

/**
 * Presence of one board. It is not document state: each client reports at most every
 * presenceClientThrottleMs, and the board's aggregate (counts per role and city, a
 * bounded list of names) goes out at most once per presenceBroadcastMs, and only when
 * something changed, so 300 phones cost one small message a second.
 */
export class PresenceHub {
  private readonly entries = new Map<string, Entry>();
  private dirty = false;
  private timer: NodeJS.Timeout | null = null;

  private heartbeat: NodeJS.Timeout | null = null;

  /**
   * `heartbeatMs`, when scaled out: publish this process's part at least that often even
   * when nothing changed here, so the merged view picks up the other processes' changes.
   */
  constructor(
    private readonly publish: (aggregate: PresenceAggregate) => void,
    private readonly now: () => number = Date.now,
    heartbeatMs?: number,
  ) {
    if (heartbeatMs) {
      this.heartbeat = setInterval(() => this.markDirty(), heartbeatMs);
      this.heartbeat.unref();
    }
  }

  get size(): number {
    return this.entries.size;
  }

  add(session: PresenceSession): void {
    this.entries.set(session.connId, {
      ...session,
      typing: false,
      focus: null,
      lastSeen: this.now(),
    });
    this.markDirty();
  }

  update(connId: string, update: PresenceUpdate): void {
    const entry = this.entries.get(connId);
    if (!entry) return;
    entry.lastSeen = this.now();
    if (entry.typing === update.typing && entry.focus === update.focus) return;
    entry.typing = update.typing;
    entry.focus = update.focus;
    this.markDirty();
  }

  remove(connId: string): void {
    if (this.entries.delete(connId)) this.markDirty();
  }

  aggregate(): PresenceAggregate {
    const online = { facilitator: 0, participant: 0, projector: 0 };
    const byCity: Record<string, number> = {};
    const people = new Map<string, PresenceAggregate['people'][number]>();
    const now = this.now();
    for (const e of this.entries.values()) {
      online[e.role]++;
      if (e.role === 'projector') continue;
      if (e.city) byCity[e.city] = (byCity[e.city] ?? 0) + 1;
      const typing = e.typing && now - e.lastSeen < TIMING.presenceExpiryMs;
      const known = people.get(e.participantId);
      if (known) known.typing ||= typing;
      else if (people.size < MAX_LISTED)
        people.set(e.participantId, { id: e.participantId, name: e.name, city: e.city, typing });
    }
    return { type: 'presence', online, byCity, people: [...people.values()], serverTime: now };
  }

  /** Sends the aggregate again (anonymous mode switched: names go or come back). */
  touch(): void {
    this.markDirty();
  }

  private markDirty(): void {
    this.dirty = true;
    this.timer ??= setTimeout(() => this.flush(), TIMING.presenceBroadcastMs);
  }

  private flush(): void {
    this.timer = null;
    if (!this.dirty) return;
    this.dirty = false;
    this.publish(this.aggregate());
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.heartbeat) clearInterval(this.heartbeat);
  }
}

/** Sums several processes' parts of one board's presence into one view. */
export function mergePresence(parts: readonly PresenceAggregate[], now: number): PresenceAggregate {
  const online = { facilitator: 0, participant: 0, projector: 0 };
  const byCity: Record<string, number> = {};
  const people = new Map<string, PresenceAggregate['people'][number]>();
  for (const part of parts) {
    online.facilitator += part.online.facilitator;
    online.participant += part.online.participant;
    online.projector += part.online.projector;
    for (const [city, n] of Object.entries(part.byCity)) byCity[city] = (byCity[city] ?? 0) + n;
    for (const person of part.people) {
      const known = people.get(person.id);
      if (known) known.typing ||= person.typing;
      else if (people.size < MAX_LISTED) people.set(person.id, { ...person });
    }
  }
  return { type: 'presence', online, byCity, people: [...people.values()], serverTime: now };
}
