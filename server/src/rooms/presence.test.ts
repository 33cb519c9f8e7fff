import { describe, expect, it, vi } from 'vitest';
import { TIMING, type PresenceAggregate } from '@twinspace/shared';
import { mergePresence, PresenceHub } from './presence.ts';

describe('PresenceHub', () => {
  it('aggregates per role and city, and publishes at most once per interval', () => {
    vi.useFakeTimers();
    try {
      const sent: PresenceAggregate[] = [];
      const hub = new PresenceHub((a) => sent.push(a));
      for (let i = 0; i < 300; i++) {
        hub.add({
          connId: `c${i}`,
          role: 'participant',
          participantId: `p${i}`,
          name: `P${i}`,
          city: i % 3 ? 'Kyiv' : 'Minsk',
        });
      }
      hub.add({ connId: 'wall', role: 'projector', participantId: 'w', name: '', city: undefined });
      for (let i = 0; i < 300; i++)
        hub.update(`c${i}`, { type: 'presence', focus: null, typing: i % 2 === 0 });
      expect(sent).toHaveLength(0);
      vi.advanceTimersByTime(TIMING.presenceBroadcastMs);
      expect(sent).toHaveLength(1);
      const last = sent[0]!;
      expect(last.online).toEqual({ facilitator: 0, participant: 300, projector: 1 });
      expect(last.byCity).toEqual({ Kyiv: 200, Minsk: 100 });
      expect(last.people.length).toBeLessThanOrEqual(50);
      vi.advanceTimersByTime(TIMING.presenceBroadcastMs * 5);
      expect(sent).toHaveLength(1); // nothing changed, nothing sent
      hub.remove('c1');
      vi.advanceTimersByTime(TIMING.presenceBroadcastMs);
      expect(sent.at(-1)!.online.participant).toBe(299);
      hub.destroy();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('mergePresence', () => {
  it('sums the parts of several processes and lists each person once', () => {
    const part = (participant: number, city: string, names: string[]) => ({
      type: 'presence' as const,
      online: { facilitator: 0, participant, projector: 1 },
      byCity: { [city]: participant },
      people: names.map((name) => ({ id: name, name, city, typing: false })),
      serverTime: 0,
    });
    const merged = mergePresence([part(2, 'Kyiv', ['a', 'b']), part(1, 'Berlin', ['c', 'a'])], 5);
    expect(merged.online).toEqual({ facilitator: 0, participant: 3, projector: 2 });
    expect(merged.byCity).toEqual({ Kyiv: 2, Berlin: 1 });
    expect(merged.people.map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(merged.serverTime).toBe(5);
  });
});
