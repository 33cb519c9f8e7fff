import type * as Y from 'yjs';
import {
  ROOT,
  cardsPart,
  createEntity,
  getCards,
  type Card,
} from '@twinspace/shared/boards/common';
import type { BoardKind } from '@twinspace/shared/boards/common';
import { FOUNDATION_RULES } from '@twinspace/shared/boards/foundation';
import { checkAccess } from '@twinspace/shared/rules/check';
import type { Role, TeamRole } from '@twinspace/shared/rules/model';
import { newEntityId } from '@twinspace/shared/ids';

/** Longest card text, from the rule model, so client and server can never disagree. */
export const CARD_TEXT_MAX = cardsPart.fields['text']?.max ?? 500;

/** Trims and checks a card text; null when there is nothing (or too much) to save. */
export function cleanCardText(text: string): string | null {
  const trimmed = text.trim();
  return trimmed.length === 0 || trimmed.length > CARD_TEXT_MAX ? null : trimmed;
}

export function addCard(
  doc: Y.Doc,
  owner: string,
  text: string,
  language: string | undefined,
): string | null {
  const clean = cleanCardText(text);
  if (clean === null) return null;
  const id = newEntityId();
  const fields: Record<string, unknown> = { text: clean };
  if (language) fields['language'] = language;
  doc.transact(() => createEntity(getCards(doc), id, owner, fields));
  return id;
}

/** Writes only what changed, in one transaction (one update, one confirmation). */
export function editCard(doc: Y.Doc, id: string, text: string, language?: string): boolean {
  const clean = cleanCardText(text);
  const entity = getCards(doc).get(id);
  if (clean === null || !entity) return false;
  doc.transact(() => {
    if (entity.get('text') !== clean) entity.set('text', clean);
    if (language && entity.get('language') !== language) entity.set('language', language);
  });
  return true;
}

export function deleteCard(doc: Y.Doc, id: string): void {
  getCards(doc).delete(id);
}

export interface Actor {
  role: Role;
  participantId: string | null;
  kind: BoardKind;
  phase: string;
  /** A facilitator's team role (docs/team.md): a note-taker's rights are narrower. */
  team?: TeamRole | undefined;
}

/** Which controls to offer: the same rule check the server makes (owner or facilitator). */
export function cardPermissions(
  actor: Actor,
  card: Pick<Card, 'owner'>,
): { edit: boolean; remove: boolean } {
  if (actor.participantId === null) return { edit: false, remove: false };
  // Cards are a foundation part: the same rules on every board kind.
  const rules = FOUNDATION_RULES;
  const who = { role: actor.role, participantId: actor.participantId, team: actor.team };
  const touch = { part: ROOT.cards, owner: card.owner };
  return {
    edit: checkAccess(rules, who, actor.phase, { ...touch, action: 'update', field: 'text' }).ok,
    remove: checkAccess(rules, who, actor.phase, { ...touch, action: 'delete' }).ok,
  };
}

export function mayAddCard(actor: Actor): boolean {
  if (actor.participantId === null) return false;
  const who = { role: actor.role, participantId: actor.participantId, team: actor.team };
  return checkAccess(FOUNDATION_RULES, who, actor.phase, {
    part: ROOT.cards,
    action: 'create',
  }).ok;
}
