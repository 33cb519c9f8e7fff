import {
  ALLOW,
  OWNER_FIELD,
  refuse,
  type Action,
  type BoardRules,
  type NarrowRole,
  type PartRule,
  type Role,
  type TeamRole,
  type Verdict,
  type Who,
} from './model.ts';

export interface Actor {
  readonly role: Role;
  readonly participantId: string;
  /** The city the participant joined as (signed in the ticket), for `mustEqualActor`. */
  readonly city?: string | undefined;
  /** A facilitator's link role (signed in the ticket, issue 16); absent: the board's owner. */
  readonly team?: TeamRole | undefined;
}

/** One thing an update or command wants to do to a board. */
export interface Touch {
  readonly part: string;
  readonly action: Action;
  /** The entity's owner (collections), as the server's document has it. */
  readonly owner?: string | undefined;
  /** The field written (update), absent for create/delete of a whole entity. */
  readonly field?: string | undefined;
}

/** A facilitator whose link limits them to what the rules grant their role by name, else null. */
export function narrowRole(actor: Pick<Actor, 'role' | 'team'>): NarrowRole | null {
  if (actor.role !== 'facilitator') return null;
  return actor.team === 'note-taker' || actor.team === 'table-host' ? actor.team : null;
}

function granted(part: PartRule, touch: Touch, role: NarrowRole): boolean {
  if (touch.action === 'update' && touch.field !== undefined) {
    const grant = part.fields[touch.field]?.team ?? part.team?.update;
    return grant?.includes(role) ?? false;
  }
  return part.team?.[touch.action]?.includes(role) ?? false;
}

/**
 * Whether the actor has the facilitator's rights (any phase, anyone's entity) on this touch:
 * the owner and co-hosts always, a note-taker or table host where the part or field rule
 * grants their role (`team`); elsewhere they have a participant's rights.
 */
export function actsAsFacilitator(rules: BoardRules, actor: Actor, touch: Touch): boolean {
  const narrow = narrowRole(actor);
  if (narrow === null) return actor.role === 'facilitator';
  const part = rules.parts[touch.part];
  return part !== undefined && granted(part, touch, narrow);
}

function whoAllows(who: Who, actor: Actor, powers: boolean, owner: string | undefined): Verdict {
  if (powers) return who === 'nobody' ? refuse('not-allowed') : ALLOW;
  switch (who) {
    case 'participant':
      return ALLOW;
    case 'owner':
      return owner !== undefined && owner === actor.participantId ? ALLOW : refuse('not-owner');
    case 'facilitator':
      // A team member's link does not grant it: say so, rather than "only the facilitator".
      return narrowRole(actor) ? refuse('not-your-role', actor.team) : refuse('not-allowed');
    default:
      return refuse('not-allowed');
  }
}

/**
 * The single decision point of the rule model (SPEC R1-R6). Pure: the caller supplies
 * the current phase and the owner as the server's document has them.
 */
export function checkAccess(rules: BoardRules, actor: Actor, phase: string, touch: Touch): Verdict {
  if (actor.role === 'projector') return refuse('read-only-role'); // R1
  const part = rules.parts[touch.part];
  if (!part) return refuse('unknown-part', touch.part); // R2
  const powers = actsAsFacilitator(rules, actor, touch);
  const phases = part.phases?.[touch.action];
  if (!powers && phases && !phases.includes(phase)) {
    return refuse('wrong-phase', `${touch.part}.${touch.action} in ${phase}`); // R5
  }
  if (touch.action === 'update' && touch.field !== undefined) {
    const field = part.fields[touch.field];
    if (!field) return refuse('unknown-field', `${touch.part}.${touch.field}`); // R2
    if (part.kind === 'collection' && touch.field === OWNER_FIELD) {
      return refuse('owner-immutable'); // R4
    }
    if (!powers && field.phases && !field.phases.includes(phase)) {
      return refuse('wrong-phase', `${touch.part}.${touch.field} in ${phase}`); // R5
    }
    return whoAllows(field.write ?? part.update, actor, powers, touch.owner); // R3
  }
  const who =
    touch.action === 'create' ? part.create : touch.action === 'delete' ? part.delete : part.update;
  return whoAllows(who, actor, powers, touch.owner); // R3
}

/**
 * What the server's document holds about the entity a command names (CommandRule.entity):
 * `null` when there is no such entity, else its owner.
 */
export type CommandTarget = { readonly owner: string | undefined } | null;

/**
 * Whether the actor sends this command with the facilitator's rights: the owner and co-hosts
 * always, a note-taker or table host where the command's rule grants their role (`team`).
 * Handlers that treat the facilitator apart (a placement's swap, renaming any project) ask it.
 */
export function commandPowers(
  rules: BoardRules,
  actor: Pick<Actor, 'role' | 'team'>,
  type: string,
): boolean {
  const narrow = narrowRole(actor);
  if (narrow === null) return actor.role === 'facilitator';
  const rule = Object.hasOwn(rules.commands, type) ? rules.commands[type] : undefined;
  return rule?.team?.includes(narrow) ?? false;
}

/**
 * The one check of every command (SPEC R1, R9), run once before its handler decides
 * anything: the command must be declared for the board, the sender's role must be allowed
 * to send it, a non-facilitator only in the declared phases, and a command that names an
 * entity needs that entity to exist (and, for `owner`, to be the sender's). Pure: the
 * caller supplies the phase and the target as the server's (caught-up) document has them.
 */
export function checkCommand(
  rules: BoardRules,
  actor: Actor,
  phase: string,
  type: string,
  target?: CommandTarget,
): Verdict {
  if (actor.role === 'projector') return refuse('read-only-role'); // R1
  const rule = Object.hasOwn(rules.commands, type) ? rules.commands[type] : undefined;
  if (!rule) return refuse('not-allowed', `${type} is not a command of this board`);
  const narrow = narrowRole(actor);
  const powers = commandPowers(rules, actor, type);
  if (!powers && rule.who === 'facilitator')
    return narrow
      ? refuse('not-your-role', `a ${narrow} may not send ${type}`)
      : refuse('not-allowed', `only the facilitator may send ${type}`);
  if (!powers && rule.phases && !rule.phases.includes(phase)) {
    return refuse('wrong-phase', `${type} in ${phase}`); // R5
  }
  if (rule.entity && target === null) return refuse('not-found', `no such ${rule.entity.part}`);
  return whoAllows(rule.who, actor, powers, target?.owner); // R3
}
