import { describe, expect, it } from 'vitest';
import { BOARD_RULES } from '../boards/index.ts';
import { checkAccess, mayEver } from './check.ts';
import type { BoardRules } from './model.ts';

const rules = BOARD_RULES['open-space'];
const alice = { role: 'participant' as const, participantId: 'alice' };
const facilitator = { role: 'facilitator' as const, participantId: 'fac' };
const projector = { role: 'projector' as const, participantId: 'wall' };

describe('checkAccess', () => {
  it('R1: a projector may do nothing', () => {
    expect(
      checkAccess(rules, projector, 'welcome', { part: 'cards', action: 'create', owner: 'wall' }),
    ).toEqual({
      ok: false,
      reason: 'read-only-role',
    });
  });

  it('R2: unknown parts and fields are refused', () => {
    expect(
      checkAccess(rules, facilitator, 'welcome', { part: 'nope', action: 'create' }),
    ).toMatchObject({ reason: 'unknown-part' });
    expect(
      checkAccess(rules, alice, 'welcome', {
        part: 'cards',
        action: 'update',
        field: 'x',
        owner: 'alice',
      }),
    ).toMatchObject({
      reason: 'unknown-field',
    });
  });

  it('R3: owners change their own entities, the facilitator any, others none', () => {
    expect(
      checkAccess(rules, alice, 'welcome', {
        part: 'cards',
        action: 'update',
        field: 'text',
        owner: 'alice',
      }).ok,
    ).toBe(true);
    expect(
      checkAccess(rules, alice, 'welcome', { part: 'cards', action: 'delete', owner: 'bob' }),
    ).toMatchObject({ reason: 'not-owner' });
    expect(
      checkAccess(rules, alice, 'welcome', { part: 'cards', action: 'delete', owner: undefined }),
    ).toMatchObject({ reason: 'not-owner' });
    expect(
      checkAccess(rules, facilitator, 'welcome', { part: 'cards', action: 'delete', owner: 'bob' })
        .ok,
    ).toBe(true);
  });

  it('R3: server-only parts refuse even the facilitator; facilitator-only parts refuse participants', () => {
    expect(
      checkAccess(rules, facilitator, 'welcome', { part: 'people', action: 'create' }),
    ).toMatchObject({ reason: 'not-allowed' });
    expect(
      checkAccess(rules, alice, 'welcome', { part: 'meta', action: 'update', field: 'phase' }),
    ).toMatchObject({ reason: 'not-allowed' });
    expect(
      checkAccess(rules, facilitator, 'welcome', { part: 'meta', action: 'update', field: 'phase' })
        .ok,
    ).toBe(true);
  });

  it('R4: the owner field never changes', () => {
    expect(
      checkAccess(rules, facilitator, 'welcome', {
        part: 'cards',
        action: 'update',
        field: 'owner',
        owner: 'bob',
      }),
    ).toMatchObject({
      reason: 'owner-immutable',
    });
  });

  it('R5: phases limit participants, never the facilitator', () => {
    const phased: BoardRules = {
      parts: {
        topics: {
          kind: 'collection',
          create: 'participant',
          update: 'owner',
          delete: 'owner',
          fields: {},
          phases: { create: ['marketplace'] },
        },
      },
      commands: {},
    };
    expect(
      checkAccess(phased, alice, 'voting', { part: 'topics', action: 'create', owner: 'alice' }),
    ).toMatchObject({ reason: 'wrong-phase' });
    expect(
      checkAccess(phased, alice, 'marketplace', {
        part: 'topics',
        action: 'create',
        owner: 'alice',
      }).ok,
    ).toBe(true);
    expect(
      checkAccess(phased, facilitator, 'voting', { part: 'topics', action: 'create', owner: 'fac' })
        .ok,
    ).toBe(true);
  });

  it('mayEver tells the client which controls to offer', () => {
    expect(mayEver(rules, 'participant', 'cards', 'create')).toBe(true);
    expect(mayEver(rules, 'participant', 'meta', 'update')).toBe(false);
    expect(mayEver(rules, 'projector', 'cards', 'create')).toBe(false);
    expect(mayEver(rules, 'facilitator', 'people', 'create')).toBe(false);
  });
});
