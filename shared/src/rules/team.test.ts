import { describe, expect, it } from 'vitest';
import { BOARD_RULES } from '../boards/index.ts';
import {
  actsAsFacilitator,
  checkAccess,
  checkCommand,
  commandPowers,
  type Touch,
} from './check.ts';
import type { Actor } from './check.ts';
import type { TeamRole } from './model.ts';

const os = BOARD_RULES['open-space'];
const ms = BOARD_RULES['match-sprint'];
const as = (team: TeamRole | undefined): Actor => ({
  role: 'facilitator',
  participantId: `p-${team ?? 'none'}`,
  team,
});
const owner = as('owner');
const coHost = as('co-host');
const noteTaker = as('note-taker');
const tableHost = as('table-host');
const someone = 'someone-else';

const update = (part: string, field: string, owner?: string): Touch => ({
  part,
  action: 'update',
  field,
  owner,
});

describe('facilitation roles as data (docs/team.md)', () => {
  it('a co-host may do everything the owner may, and a ticket without a role is the owner', () => {
    for (const actor of [owner, coHost, as(undefined)]) {
      expect(checkCommand(os, actor, 'welcome', 'set-phase')).toEqual({ ok: true });
      expect(checkCommand(ms, actor, 'welcome', 'ms-close-sprint')).toEqual({ ok: true });
      expect(checkAccess(os, actor, 'welcome', update('meta', 'phase'))).toEqual({ ok: true });
      expect(checkAccess(os, actor, 'welcome', { part: 'slots', action: 'create' })).toEqual({
        ok: true,
      });
    }
  });

  it('nobody narrower changes the phase, the settings or the grid: `not-your-role`', () => {
    for (const actor of [noteTaker, tableHost]) {
      for (const type of ['set-phase', 'delete-board', 'os-reveal-votes', 'os-apply-schedule'])
        expect(checkCommand(os, actor, 'running', type)).toMatchObject({ reason: 'not-your-role' });
      for (const type of ['ms-confirm-link', 'ms-close-sprint'])
        expect(checkCommand(ms, actor, 'match', type), type).toMatchObject({
          reason: 'not-your-role',
        });
      for (const touch of [
        update('meta', 'phase'),
        update('settings', 'voteBudget'),
        { part: 'slots', action: 'create' } as const,
        { part: 'spaces', action: 'delete' } as const,
      ])
        expect(checkAccess(os, actor, 'running', touch)).toMatchObject({ reason: 'not-your-role' });
      expect(checkAccess(ms, actor, 'sprint', update('msSettings', 'currentSprint'))).toMatchObject(
        {
          reason: 'not-your-role',
        },
      );
    }
  });

  it('a note-taker writes any session’s notes in any phase, the action items and the story wall', () => {
    expect(checkAccess(os, noteTaker, 'agenda', update('topics', 'notes', someone))).toEqual({
      ok: true,
    });
    // ...but not the topic itself, which is its convener's.
    expect(checkAccess(os, noteTaker, 'agenda', update('topics', 'title', someone))).toMatchObject({
      reason: 'not-owner',
    });
    expect(
      checkAccess(os, noteTaker, 'harvest', { part: 'actions', action: 'delete', owner: someone }),
    ).toEqual({ ok: true });
    expect(
      checkAccess(os, noteTaker, 'closed', { part: 'stories', action: 'delete', owner: someone }),
    ).toEqual({ ok: true });
    expect(checkCommand(os, noteTaker, 'running', 'timer')).toMatchObject({
      reason: 'not-your-role',
    });
    expect(checkAccess(ms, noteTaker, 'sprint', update('reviews', 'done', someone))).toEqual({
      ok: true,
    });
    expect(
      checkAccess(ms, noteTaker, 'sprint', { part: 'tasks', action: 'delete', owner: someone }),
    ).toMatchObject({ reason: 'not-owner' });
  });

  it('a table host runs the timer and their table’s work, but not the story wall', () => {
    for (const type of ['timer', 'os-timer'])
      expect(checkCommand(os, tableHost, 'running', type)).toEqual({ ok: true });
    expect(checkCommand(ms, tableHost, 'sprint', 'ms-timer')).toEqual({ ok: true });
    expect(commandPowers(ms, tableHost, 'ms-rename-project')).toBe(true);
    expect(commandPowers(ms, noteTaker, 'ms-rename-project')).toBe(false);
    expect(
      checkAccess(ms, tableHost, 'review', { part: 'tasks', action: 'delete', owner: someone }),
    ).toEqual({ ok: true });
    expect(checkAccess(ms, tableHost, 'sprint', update('projects', 'title', someone))).toEqual({
      ok: true,
    });
    // A server-written field stays the server's, granted or not.
    expect(
      checkAccess(ms, tableHost, 'sprint', update('tasks', 'carriedFrom', someone)),
    ).toMatchObject({ reason: 'not-allowed' });
    expect(checkAccess(ms, tableHost, 'sprint', update('projects', 'team', someone))).toMatchObject(
      { reason: 'not-allowed' },
    );
    expect(
      checkAccess(os, tableHost, 'harvest', { part: 'stories', action: 'delete', owner: someone }),
    ).toMatchObject({ reason: 'not-owner' });
  });

  it('where nothing is granted, a narrow role has a participant’s rights, phases included', () => {
    const create = { part: 'topics', action: 'create', owner: noteTaker.participantId } as const;
    expect(checkAccess(os, noteTaker, 'marketplace', create)).toEqual({ ok: true });
    expect(checkAccess(os, noteTaker, 'voting', create)).toMatchObject({ reason: 'wrong-phase' });
    expect(checkCommand(os, tableHost, 'voting', 'os-vote')).toEqual({ ok: true });
    expect(checkCommand(os, tableHost, 'running', 'os-vote')).toMatchObject({
      reason: 'wrong-phase',
    });
    expect(actsAsFacilitator(os, tableHost, create)).toBe(false);
    expect(actsAsFacilitator(os, coHost, create)).toBe(true);
  });
});
