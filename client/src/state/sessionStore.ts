import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { BoardInfo, JoinError } from '@twinspace/shared/protocol';
import type { Role, TeamRole } from '@twinspace/shared/rules/model';
import type { BoardSession } from '../sync/boardSession.ts';

/**
 * Where a board route stands. 'needs-join' shows the join form; the terminal screens
 * (not-found, deleted, erased, outdated, missing-key, load-error) replace the board.
 */
export type SessionStatus =
  | 'loading'
  | 'not-found'
  | 'load-error'
  | 'missing-key'
  | 'needs-join'
  | 'joining'
  | 'joined'
  | 'deleted'
  | 'erased'
  | 'outdated'
  /** A facilitator removed this participant (moderation). */
  | 'removed'
  /** This facilitator link was revoked by the team (docs/team.md). */
  | 'revoked';

/** A join refusal the person can act on, or a client-side failure (timeout). */
export type JoinProblem = JoinError | 'timeout';

interface SessionState {
  /** The live session object of the current board route (its methods act: join, commands). */
  controller: BoardSession | null;
  status: SessionStatus;
  code: string | null;
  role: Role;
  board: BoardInfo | null;
  participantId: string | null;
  /** The name (and city) this device joined with, prefilled in the join form. */
  name: string | null;
  city: string | null;
  problem: JoinProblem | null;
  /** A facilitator's link: its id and role (owner, co-host, note-taker, table host). */
  team: { linkId: string; role: TeamRole } | null;
  patch(change: Partial<Omit<SessionState, 'patch' | 'reset'>>): void;
  reset(controller: BoardSession): void;
}

export const useSessionStore = create<SessionState>()((set) => ({
  controller: null,
  status: 'loading',
  code: null,
  role: 'participant',
  board: null,
  participantId: null,
  name: null,
  city: null,
  problem: null,
  team: null,
  patch: (change) => set(change),
  reset: (controller) =>
    set({
      controller,
      status: 'loading',
      code: controller.code,
      role: controller.role,
      board: null,
      participantId: null,
      name: null,
      city: null,
      problem: null,
      team: null,
    }),
}));

export const sessionActions = (): SessionState => useSessionStore.getState();

export const useController = (): BoardSession | null => useSessionStore((s) => s.controller);
export const useSessionStatus = (): SessionStatus => useSessionStore((s) => s.status);
export const useBoardInfo = (): BoardInfo | null => useSessionStore((s) => s.board);
export const useRole = (): Role => useSessionStore((s) => s.role);
export const useParticipantId = (): string | null => useSessionStore((s) => s.participantId);
export const useTeamRole = (): SessionState['team'] => useSessionStore((s) => s.team);
export const useJoinProblem = (): JoinProblem | null => useSessionStore((s) => s.problem);
export const useJoinedAs = (): { name: string | null; city: string | null } =>
  useSessionStore(useShallow((s) => ({ name: s.name, city: s.city })));

/**
 * Runs `then` once a board is open on this page (joined, or opened from the device's copy)
 * and the browser has a quiet moment, or after `atLatest` ms whatever happens (a join form
 * nobody fills in). The entry script registers the service worker with it: its precache
 * (about a megabyte) would otherwise share a phone's 3G link with the join and the board's
 * first sync.
 */
export function whenBoardOpen(then: () => void, atLatest: number): void {
  let done = false;
  const run = (): void => {
    if (done) return;
    done = true;
    unsubscribe();
    window.clearTimeout(timer);
    then();
  };
  const timer = window.setTimeout(run, atLatest);
  const unsubscribe = useSessionStore.subscribe((s) => {
    if (s.status === 'joined') window.setTimeout(run, 1_000);
  });
  if (useSessionStore.getState().status === 'joined') window.setTimeout(run, 1_000);
}
