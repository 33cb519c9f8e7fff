import { getMeta } from '@twinspace/shared';
import {
  alreadyCarried,
  applyCarry,
  carryable,
  CARRY_RULE_NAMES,
  CARRY_RULES,
  type CarryRuleName,
  type SourceBoard,
} from '@twinspace/shared/events/carry';
import type { CarryResult, CarrySource } from '@twinspace/shared/events/types';
import type { RoomRegistry } from '../rooms/registry.ts';
import type { Room } from '../rooms/room.ts';
import type { EventRecord } from '../store/events.ts';
import type { Store } from '../store/types.ts';

export type Answer<T> =
  { status: 200; body: T } | { status: number; body: { error: string; reason: string } };

const fail = (status: number, reason: string, error: string) =>
  ({ status, body: { error, reason } }) as const;

const sourceOf = (room: Room): SourceBoard => {
  const title = getMeta(room.doc).get('title');
  return { code: room.code, title: typeof title === 'string' ? title : '', doc: room.doc };
};

/** Is `board` one of this event's boards? (A board of another event is refused, 403.) */
const inEvent = async (store: Store, event: EventRecord, board: string): Promise<boolean> =>
  (await store.events.eventOf(board)) === event.code && (await store.getBoard(board)) !== null;

/**
 * What a board of the event offers to carry forward, rule by rule; with a target board
 * (`to`, also this event's), each item says whether that board holds its copy already.
 */
export async function carrySources(
  deps: { store: Store; registry: RoomRegistry },
  event: EventRecord,
  from: string,
  to?: string,
): Promise<Answer<CarrySource[]>> {
  if (!(await inEvent(deps.store, event, from)) || (to && !(await inEvent(deps.store, event, to))))
    return fail(403, 'not-in-event', 'the board is not in this event');
  const offers = (room: Room, target: Room | null): CarrySource[] =>
    CARRY_RULE_NAMES.filter((rule) => CARRY_RULES[rule].from === room.kind).map((rule) => {
      const items = carryable(rule, sourceOf(room));
      const into = CARRY_RULES[rule].to;
      return {
        rule,
        into,
        items: target?.kind === into ? alreadyCarried(rule, target.doc, room.code, items) : items,
      };
    });
  return deps.registry.with(from, (room) =>
    to && to !== from
      ? deps.registry.with(to, (target) => ({ status: 200 as const, body: offers(room, target) }))
      : { status: 200 as const, body: offers(room, null) },
  );
}

export interface CarryCall {
  from: string;
  to: string;
  rule: CarryRuleName;
  items: string[];
  project?: string | undefined;
}

/**
 * Copies the chosen items (docs/events.md, carry forward). The event's token is the
 * facilitator's credential for both boards (checked by the route); both must be this event's.
 * The copy is written by the server into the target room through its normal write path
 * (stored before it is relayed), decided on the document caught up with every process.
 */
export async function carryForward(
  deps: { store: Store; registry: RoomRegistry },
  event: EventRecord,
  call: CarryCall,
): Promise<Answer<CarryResult>> {
  if (call.from === call.to) return fail(400, 'bad-value', 'source and target are one board');
  if (
    !(await inEvent(deps.store, event, call.from)) ||
    !(await inEvent(deps.store, event, call.to))
  )
    return fail(403, 'not-in-event', 'both boards must be in this event');
  const rule = CARRY_RULES[call.rule];
  return deps.registry.with<Answer<CarryResult>>(call.from, (source) => {
    if (source.kind !== rule.from)
      return fail(400, 'bad-value', `${call.rule} carries from a ${rule.from} board`);
    return deps.registry.with<Answer<CarryResult>>(call.to, async (target) => {
      if (target.kind !== rule.to)
        return fail(400, 'bad-value', `${call.rule} carries into a ${rule.to} board`);
      let answer: Answer<CarryResult> = fail(503, 'busy', 'the board is closing, try again');
      await target.writeArbitrated((doc) => {
        const req = { rule: call.rule, items: call.items, project: call.project, now: Date.now() };
        const out = applyCarry(doc, sourceOf(source), req);
        answer = 'refused' in out ? fail(404, out.refused, out.detail) : { status: 200, body: out };
      });
      return answer;
    });
  });
}
