import {
  ALLOW,
  OWNER_FIELD,
  refuse,
  type Action,
  type BoardRules,
  type Role,
  type Verdict,
  type Who,
} from './model.ts';

export interface Actor {
  readonly role: Role;
  readonly participantId: string;
  /** The city the participant joined as (signed in the ticket), for `mustEqualActor`. */
  readonly city?: string | undefined;
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

function whoAllows(who: Who, actor: Actor, owner: string | undefined): Verdict {
  if (actor.role === 'facilitator') return who === 'nobody' ? refuse('not-allowed') : ALLOW;
  switch (who) {
    case 'participant':
      return ALLOW;
    case 'owner':
      return owner !== undefined && owner === actor.participantId ? ALLOW : refuse('not-owner');
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
  const phases = part.phases?.[touch.action];
  if (actor.role !== 'facilitator' && phases && !phases.includes(phase)) {
    return refuse('wrong-phase', `${touch.part}.${touch.action} in ${phase}`); // R5
  }
  if (touch.action === 'update' && touch.field !== undefined) {
    const field = part.fields[touch.field];
    if (!field) return refuse('unknown-field', `${touch.part}.${touch.field}`); // R2
    if (part.kind === 'collection' && touch.field === OWNER_FIELD) {
      return refuse('owner-immutable'); // R4
    }
    if (actor.role !== 'facilitator' && field.phases && !field.phases.includes(phase)) {
      return refuse('wrong-phase', `${touch.part}.${touch.field} in ${phase}`); // R5
    }
    return whoAllows(field.write ?? part.update, actor, touch.owner); // R3
  }
  const who =
    touch.action === 'create' ? part.create : touch.action === 'delete' ? part.delete : part.update;
  return whoAllows(who, actor, touch.owner); // R3
}

/**
 * What the server's document holds about the entity a command names (CommandRule.entity):
 * `null` when there is no such entity, else its owner.
 */
export type CommandTarget = { readonly owner: string | undefined } | null;

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
  if (actor.role !== 'facilitator' && rule.who === 'facilitator')
    return refuse('not-allowed', `only the facilitator may send ${type}`);
  if (actor.role !== 'facilitator' && rule.phases && !rule.phases.includes(phase)) {
    return refuse('wrong-phase', `${type} in ${phase}`); // R5
  }
  if (rule.entity && target === null) return refuse('not-found', `no such ${rule.entity.part}`);
  return whoAllows(rule.who, actor, target?.owner); // R3
}
