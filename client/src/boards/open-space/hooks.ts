import { useCallback, useEffect, useMemo } from 'react';
import type { CommandResult } from '@twinspace/shared/protocol';
import { findConflicts, type Conflict } from '@twinspace/shared/boards/open-space/conflicts';
import { demandFrom } from '@twinspace/shared/boards/open-space/demand';
import { votesVisible, type Slot, type Topic } from '@twinspace/shared/boards/open-space/read';
import { openSpaceParts } from '@twinspace/shared/boards/open-space/parts';
import { checkAccess, type Touch } from '@twinspace/shared/rules/check';
import type { BoardRules } from '@twinspace/shared/rules/model';
import { useSession } from '../../app/sessionContext.ts';
import { usePhase } from '../../state/boardStore.ts';
import { osActions, useOs } from '../../state/openSpaceStore.ts';
import { useParticipantId, useRole } from '../../state/sessionStore.ts';

export const useIsFacilitator = (): boolean => useRole() === 'facilitator';
export const usePhaseName = (): string => usePhase() ?? 'welcome';

export { useCommand } from '../common/useCommand.ts';
export { useEdit } from '../common/useEdit.ts';

/** Keeps the voter's own ballot an answer carries (votes and their refusals, os-my-ballot). */
export function keepMyBallot(result: CommandResult | 'timeout' | null): void {
  if (result && result !== 'timeout' && result.data?.type === 'os-ballot')
    osActions().setMyBallot(result.data.ballot);
}

/** Asks for this voter's own ballot once per joined session (hidden votes live sealed). */
export function useAskMyBallot(): void {
  const session = useSession();
  const role = useRole();
  useEffect(() => {
    if (role === 'projector') return;
    void session.command({ type: 'os-my-ballot' }).then(keepMyBallot);
  }, [session, role]);
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

/**
 * The rules of this kind's own parts: every control useMay decides on is one of them. Not
 * the whole kind (OPEN_SPACE.rules), whose features' rules a phone would then download with
 * its first load; the server decides on everything all the same.
 */
const OWN_RULES: BoardRules = { parts: openSpaceParts, commands: {} };

/** Which controls to offer: the same rule check the server makes (owner, phase, role). */
export function useMay(): (touch: Touch) => boolean {
  const role = useRole();
  const me = useParticipantId();
  const phase = usePhaseName();
  return useCallback(
    (touch: Touch) =>
      me !== null && checkAccess(OWN_RULES, { role, participantId: me }, phase, touch).ok,
    [role, me, phase],
  );
}
