import type { Conflict } from './conflicts.ts';
import type { Dots } from './read.ts';
import type { Placement, Quality } from './schedule.ts';

/** One voter's own ballot: what they see whether votes are hidden or not. */
export interface MyBallot {
  dots: Dots;
  used: number;
  budget: number;
  remaining: number;
  multiDot: boolean;
}

/** Data some Open Space commands return in their ack (CommandResult.data). */
export type OpenSpaceReply =
  /** os-vote (accepted, and refused as over-budget or duplicate) and os-my-ballot. */
  | { type: 'os-ballot'; ballot: MyBallot }
  /** os-preview-schedule: computed from every ballot, hidden ones included (facilitator only). */
  | {
      type: 'os-schedule-preview';
      /** Conflicts of the grid as it is. */
      conflicts: Conflict[];
      current: Quality;
      /** Cells for the unplaced topics; hand placements stay as they are. */
      placements: Placement[];
      /** Topics the proposal could not place (no legal cell). */
      unplaced: string[];
      proposal: Quality;
      /** Conflicts of the grid with the proposal applied. */
      proposalConflicts: Conflict[];
      /** Interest (people) per topic id. */
      interest: Record<string, number>;
    };
