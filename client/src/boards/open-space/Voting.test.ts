import { describe, expect, it } from 'vitest';
import type { Command } from '@twinspace/shared/protocol';
import { withWaitingDots } from './Voting.tsx';

const ballot = { dots: { t1: 1 }, used: 1, budget: 3, remaining: 2, multiDot: false };
const dot = (topicId: string, delta: 1 | -1): Command => ({
  type: 'os-vote',
  voteId: `v-${topicId}-${delta}`,
  topicId,
  delta,
});

describe('dots waiting to be sent', () => {
  it('count as spent, so no more can be queued than the budget; taking one back frees none yet', () => {
    expect(withWaitingDots(ballot, [])).toBe(ballot);
    expect(withWaitingDots(ballot, [dot('t2', 1)])).toMatchObject({ used: 2, remaining: 1 });
    const full = withWaitingDots(ballot, [dot('t2', 1), dot('t3', 1), dot('t4', 1)]);
    expect(full).toMatchObject({ used: 3, remaining: 0 });
    expect(withWaitingDots(ballot, [dot('t1', -1)])).toMatchObject({ used: 1, remaining: 2 });
    expect(withWaitingDots(ballot, [{ type: 'qa-private' }])).toBe(ballot);
  });
});
