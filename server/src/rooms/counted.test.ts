import { describe, expect, it } from 'vitest';
import { switchableArbiter } from './arbiter-fakes.ts';
import type { ClientArrival } from './arrivals.ts';
import { CountedUpdates } from './counted.ts';
import type { Peer } from './types.ts';

function peer(): Peer & { closed: number[] } {
  const closed: number[] = [];
  return {
    id: 'peer1',
    actor: { role: 'participant', participantId: 'alice1' },
    send: () => undefined,
    close: (code) => void closed.push(code),
    closed,
  };
}

/** A room that records what reaches it; `busy` makes the board's mutex unobtainable. */
function setup(busy = false) {
  const added: ClientArrival[] = [];
  const queued: (() => Promise<void>)[] = [];
  const peers = new Set<Peer>();
  const counted = new CountedUpdates(
    switchableArbiter(() => busy),
    {
      addUpdate: (a) => void added.push(a),
      enqueue: (task) => void queued.push(task),
      hasPeer: (p) => peers.has(p),
      removePeer: (p) => void peers.delete(p),
    },
  );
  const arrival = (p: Peer, n: number): ClientArrival => ({
    peer: p,
    update: Uint8Array.of(n),
    started: 0,
  });
  return { added, queued, peers, counted, arrival };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('CountedUpdates (SPEC R41)', () => {
  it('sends deferred updates to the hold in order; a sync answer waits until they are judged', async () => {
    const { added, queued, counted, arrival } = setup();
    const p = peer();
    const answers: string[] = [];
    counted.whenJudged(p, () => answers.push('before')); // nothing held: at once
    counted.defer(arrival(p, 1));
    counted.defer(arrival(p, 2));
    expect(counted.holds(p)).toBe(true);
    counted.whenJudged(p, () => answers.push('after two'));
    await settle();
    // The first takes the mutex alone; the next waits for that hold's batch to be stored.
    expect(added.map((a) => a.update[0])).toEqual([1]);
    counted.judged(p);
    added[0]!.done?.(true);
    await settle();
    expect(added.map((a) => a.update[0])).toEqual([1, 2]);
    expect(counted.holds(p)).toBe(true);
    expect(queued).toHaveLength(0);
    counted.judged(p);
    expect(counted.holds(p)).toBe(false);
    // Queued behind the batch that judged them, not run inside it.
    expect(answers).toEqual(['before']);
    for (const task of queued) await task();
    expect(answers).toEqual(['before', 'after two']);
    added[1]!.done?.(true);
  });

  it('closes the connection when the mutex cannot be had (the client sends again)', async () => {
    const { added, peers, counted, arrival } = setup(true);
    const p = peer();
    peers.add(p);
    counted.defer(arrival(p, 1));
    await settle();
    expect(added).toHaveLength(0);
    expect(peers.has(p)).toBe(false);
    expect(p.closed).toEqual([1013]);
  });
});
