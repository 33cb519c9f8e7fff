import { EV, type CommandResult } from '@twinspace/shared';
import { Histogram } from '../lib/histogram.ts';
import { nowMs } from '../lib/markers.ts';
import type { VoteReport } from '../lib/plan.ts';
import { LightClient } from './light.ts';

/** What every voter of one generator process saw. */
export class VoteTally {
  readonly latency = new Histogram();
  ok = 0;
  overBudgetRefused = 0;
  wrong = 0;
  unanswered = 0;
  readonly perTopic: Record<string, number> = {};
  readonly errors: string[] = [];

  toReport(): VoteReport {
    const { ok, overBudgetRefused, wrong, unanswered, perTopic } = this;
    return { latency: this.latency.toData(), ok, overBudgetRefused, wrong, unanswered, perTopic };
  }
}

/**
 * A participant's phone in a vote storm: a light client (both sockets, as the app has)
 * that spends its whole dot budget on distinct topics, each vote an `os-vote` command over
 * Socket.IO, then taps once more: that dot must be refused (`over-budget`).
 */
export class Voter extends LightClient {
  /** The board's topics, as the coordinator seeded them. */
  topics(): string[] {
    return this.spec.room.topics ?? [];
  }

  async voteAll(
    topics: string[],
    budget: number,
    windowMs: number,
    tally: VoteTally,
  ): Promise<void> {
    const start = Math.floor(Math.random() * topics.length);
    const taps = Array.from({ length: budget + 1 }, (_, i) => ({
      topic: topics[(start + i * 7) % topics.length]!,
      at: Math.random() * windowMs,
    })).sort((a, b) => a.at - b.at);
    const t0 = nowMs();
    // One phone taps one dot after another: each waits for the previous answer.
    for (const [i, tap] of taps.entries()) {
      const wait = t0 + tap.at - nowMs();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      await this.vote(tap.topic, i < budget, tally);
    }
  }

  private async vote(topicId: string, withinBudget: boolean, tally: VoteTally): Promise<void> {
    const voteId = `v${Math.random().toString(36).slice(2, 12)}`;
    const tapped = nowMs();
    let result: CommandResult;
    try {
      result = (await this.control!.timeout(30_000).emitWithAck(EV.command, {
        type: 'os-vote',
        voteId,
        topicId,
        delta: 1,
      })) as CommandResult;
    } catch {
      tally.unanswered++;
      return;
    }
    if (withinBudget && result.type === 'ok') {
      tally.ok++;
      tally.latency.record(nowMs() - tapped);
      tally.perTopic[topicId] = (tally.perTopic[topicId] ?? 0) + 1;
    } else if (!withinBudget && result.type === 'refused' && result.reason === 'over-budget') {
      tally.overBudgetRefused++;
    } else {
      tally.wrong++;
      if (tally.errors.length < 3)
        tally.errors.push(`${this.receiver.self}: ${JSON.stringify(result).slice(0, 160)}`);
    }
  }
}
