import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Command, CommandResult } from '@twinspace/shared/protocol';
import { findConflicts, type Conflict } from '@twinspace/shared/boards/open-space/conflicts';
import { demandFrom } from '@twinspace/shared/boards/open-space/demand';
import { votesVisible, type Slot, type Topic } from '@twinspace/shared/boards/open-space/read';
import { OPEN_SPACE_RULES } from '@twinspace/shared/boards/open-space/rules';
import { checkAccess, type Touch } from '@twinspace/shared/rules/check';
import { useSession } from '../../app/sessionContext.ts';
import { usePhase } from '../../state/boardStore.ts';
import { serverNow } from '../../state/connectionStore.ts';
import { osActions, useOs } from '../../state/openSpaceStore.ts';
import { useParticipantId, useRole } from '../../state/sessionStore.ts';
import { toast } from '../../state/toastStore.ts';

export const useIsFacilitator = (): boolean => useRole() === 'facilitator';
export const usePhaseName = (): string => usePhase() ?? 'welcome';

/**
 * Sends a command; a refusal shows the usual toast. Resolves with the server's answer
 * (null on timeout), so callers can read the data an ack carries (ballot, preview).
 */
export function useCommand(): (cmd: Command) => Promise<CommandResult | null> {
  const session = useSession();
  return useCallback(
    async (cmd: Command) => {
      const result = await session.command(cmd);
      if (result === 'timeout' || result.type !== 'ok') {
        const reason = result === 'timeout' ? 'timeout' : result.reason;
        toast({ kind: 'command', reason, tone: 'warning' });
      }
      if (result !== 'timeout' && result.data?.type === 'os-ballot')
        osActions().setMyBallot(result.data.ballot);
      return result === 'timeout' ? null : result;
    },
    [session],
  );
}

export { useEdit } from '../common/useEdit.ts';

/** Asks for this voter's own ballot once per joined session (hidden votes live sealed). */
export function useAskMyBallot(): void {
  const session = useSession();
  const role = useRole();
  useEffect(() => {
    if (role === 'projector') return;
    void session.command({ type: 'os-my-ballot' }).then((result) => {
      if (result !== 'timeout' && result.data?.type === 'os-ballot')
        osActions().setMyBallot(result.data.ballot);
    });
  }, [session, role]);
}

/** Server time, ticking every `everyMs`: timers agree on every screen whatever its clock. */
export function useServerNow(everyMs = 500): number {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const tick = setInterval(() => setNow(serverNow()), everyMs);
    return () => clearInterval(tick);
  }, [everyMs]);
  return now;
}

/** Conflicts of the grid as this screen can see them (audience ones need visible votes). */
export function useConflicts(): Conflict[] {
  const topics = useOs('topics');
  const spaces = useOs('spaces');
  const ballots = useOs('ballots');
  const settings = useOs('settings');
  const visible = votesVisible(settings);
  return useMemo(
    () => findConflicts(topics, spaces, visible ? demandFrom(ballots) : null),
    [topics, spaces, ballots, visible],
  );
}

/** Interest (people) per topic while votes are visible, else null. */
export function useInterest(): Map<string, number> | null {
  const ballots = useOs('ballots');
  const visible = votesVisible(useOs('settings'));
  return useMemo(() => {
    if (!visible) return null;
    const demand = demandFrom(ballots);
    return new Map([...demand.voters].map(([id, voters]) => [id, voters.size]));
  }, [ballots, visible]);
}

/** Topics placed in a slot, in the order of the spaces. */
export function useSessionsIn(slotId: string | null): Topic[] {
  const topics = useOs('topics');
  const spaces = useOs('spaces');
  return useMemo(() => {
    if (slotId === null) return [];
    const order = new Map(spaces.map((s, i) => [s.id, i]));
    return topics
      .filter((t) => t.slot === slotId && t.space !== null)
      .sort((a, b) => (order.get(a.space ?? '') ?? 0) - (order.get(b.space ?? '') ?? 0));
  }, [topics, spaces, slotId]);
}

export const slotTime = (slot: Slot): string =>
  slot.start && slot.end ? `${slot.start}–${slot.end}` : slot.start || slot.label;
export const slotName = (slot: Slot): string =>
  slot.label ? `${slot.label} (${slotTime(slot)})` : slotTime(slot);

/** Which controls to offer: the same rule check the server makes (owner, phase, role). */
export function useMay(): (touch: Touch) => boolean {
  const role = useRole();
  const me = useParticipantId();
  const phase = usePhaseName();
  return useCallback(
    (touch: Touch) =>
      me !== null && checkAccess(OPEN_SPACE_RULES, { role, participantId: me }, phase, touch).ok,
    [role, me, phase],
  );
}
