import { describe, expect, it } from 'vitest';
import { BOARD_RULES } from '../boards/index.ts';
import { checkAccess, checkCommand } from './check.ts';
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
});

describe('checkCommand (SPEC R9)', () => {
  const reason = (v: ReturnType<typeof checkCommand>) => (v.ok ? 'ok' : v.reason);
  const mine = { owner: 'alice' };

  it('R1: a projector sends no command', () => {
    expect(reason(checkCommand(rules, projector, 'voting', 'os-my-ballot'))).toBe('read-only-role');
  });

  it('R3: facilitator commands refuse participants; an undeclared command refuses everyone', () => {
    expect(reason(checkCommand(rules, alice, 'welcome', 'set-phase'))).toBe('not-allowed');
    expect(reason(checkCommand(rules, facilitator, 'welcome', 'set-phase'))).toBe('ok');
    expect(reason(checkCommand(rules, facilitator, 'welcome', 'ms-close-sprint'))).toBe(
      'not-allowed',
    );
  });

  it('R3: owner commands need the named entity to exist and be the sender’s', () => {
    expect(reason(checkCommand(rules, alice, 'marketplace', 'os-place', mine))).toBe('ok');
    expect(reason(checkCommand(rules, alice, 'marketplace', 'os-place', { owner: 'bob' }))).toBe(
      'not-owner',
    );
    expect(reason(checkCommand(rules, alice, 'marketplace', 'os-place', null))).toBe('not-found');
    expect(reason(checkCommand(rules, facilitator, 'agenda', 'os-place', mine))).toBe('ok');
  });

  it('R5: declared phases limit participants, never the facilitator', () => {
    expect(reason(checkCommand(rules, alice, 'agenda', 'os-place', mine))).toBe('wrong-phase');
    expect(reason(checkCommand(rules, alice, 'marketplace', 'os-vote'))).toBe('wrong-phase');
    expect(reason(checkCommand(rules, alice, 'voting', 'os-vote'))).toBe('ok');
    expect(reason(checkCommand(rules, facilitator, 'welcome', 'os-vote'))).toBe('ok');
    const ms = BOARD_RULES['match-sprint'];
    expect(reason(checkCommand(ms, alice, 'prepare', 'ms-join-team', mine))).toBe('wrong-phase');
    expect(reason(checkCommand(ms, alice, 'sprint', 'ms-join-team', mine))).toBe('ok');
  });
});
