import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  BOARD_KINDS,
  BOARD_RULES,
  createEntity,
  getMeta,
  MS_ROOT,
  OS_ROOT,
  type BoardKind,
  type Command,
  type RefusalReason,
  type Role,
} from '@twinspace/shared';
import { command as commandSchema } from '@twinspace/shared/schemas';
import { BOARD_SERVER } from '../boards/index.ts';
import { createLogger } from '../log.ts';
import { openSqliteStore } from '../store/sqlite.ts';
import { runCommand, type CommandDeps } from './commands.ts';
import type { Session } from './join.ts';
import { RoomRegistry } from './registry.ts';
import { combineHooks } from './types.ts';

const COMMON = ['set-phase', 'rename', 'delete-board', 'erase-my-data'];
const ALL_TYPES: string[] = commandSchema.options.map((o) => o.shape.type.value);

describe('R9: every command has a declared rule', () => {
  it('each command of the protocol is declared by some board kind', () => {
    expect(ALL_TYPES.length).toBeGreaterThan(15);
    const declared = new Set(BOARD_KINDS.flatMap((k) => Object.keys(BOARD_RULES[k].commands)));
    for (const type of ALL_TYPES) expect(declared.has(type), type).toBe(true);
  });

  it.each(BOARD_KINDS)('%s: the commands it handles are exactly the declared ones', (kind) => {
    const handled = [...COMMON, ...Object.keys(BOARD_SERVER[kind].commands)].sort();
    expect(Object.keys(BOARD_RULES[kind].commands).sort()).toEqual(handled);
  });
});

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twinspace-commands-'));
const store = openSqliteStore(dir);
const registry = new RoomRegistry(
  store,
  combineHooks([], () => undefined),
  createLogger('silent'),
);
const deps: CommandDeps = {
  registry,
  boards: BOARD_SERVER,
  removeBoard: async () => undefined,
  erasePerson: async () => undefined,
  secret: () => Promise.resolve('a test secret of enough length'),
  announceRemoved: () => undefined,
  nameOf: () => Promise.resolve(undefined),
};
const session = (code: string, role: Role, participantId: string): Session => ({
  code,
  role,
  participantId,
  name: participantId,
  city: undefined,
});

async function board(code: string, kind: BoardKind, phase: string, seed: (doc: Y.Doc) => void) {
  await store.createBoard(
    { code, kind, title: code, createdAt: 1, facilitatorTokenHash: 'ab'.repeat(32) },
    Y.encodeStateAsUpdate(new Y.Doc()),
  );
  await registry.with(code, (room) =>
    room.writeAsServer((doc) => {
      getMeta(doc).set('phase', phase);
      seed(doc);
    }),
  );
}

const coll = (doc: Y.Doc, root: string) => doc.getMap<Y.Map<unknown>>(root);

beforeAll(async () => {
  await board('OSWELC', 'open-space', 'welcome', (doc) => {
    createEntity(coll(doc, OS_ROOT.topics), 'topicALICE', 'alice', { title: 'Ours' });
    createEntity(coll(doc, OS_ROOT.slots), 'slot000001', 'fac', { label: '10:00', order: 0 });
    createEntity(coll(doc, OS_ROOT.spaces), 'space00001', 'fac', { name: 'Hall', order: 0 });
  });
  await board('MSPREP', 'match-sprint', 'prepare', (doc) => {
    createEntity(coll(doc, MS_ROOT.projects), 'project001', 'fac', { title: 'P', team: {} });
    createEntity(coll(doc, MS_ROOT.links), 'link000001', 'alice', { from: 'a', to: 'b' });
  });
});

afterAll(async () => {
  await registry.closeAll();
  fs.rmSync(dir, { recursive: true, force: true });
});

type Case = [string, string, Role, string, Command, RefusalReason | 'bad-request'];
const cases: Case[] = [
  ['R1', 'OSWELC', 'projector', 'p1', { type: 'rename', name: 'Wall' }, 'read-only-role'],
  ['R1', 'OSWELC', 'projector', 'p1', { type: 'os-my-ballot' }, 'read-only-role'],
  ['R3', 'OSWELC', 'participant', 'bob', { type: 'set-phase', phase: 'voting' }, 'not-allowed'],
  ['R3', 'OSWELC', 'participant', 'bob', { type: 'os-reveal-votes' }, 'not-allowed'],
  ['R3', 'OSWELC', 'participant', 'bob', { type: 'delete-board', confirm: true }, 'not-allowed'],
  ['R3', 'MSPREP', 'participant', 'bob', { type: 'ms-close-sprint' }, 'not-allowed'],
  [
    'R3',
    'MSPREP',
    'participant',
    'bob',
    { type: 'ms-confirm-link', linkId: 'link000001' },
    'not-allowed',
  ],
  [
    'R5',
    'OSWELC',
    'participant',
    'alice',
    { type: 'os-place', topicId: 'topicALICE', slotId: 'slot000001', spaceId: 'space00001' },
    'wrong-phase',
  ],
  [
    'R5',
    'OSWELC',
    'participant',
    'alice',
    { type: 'os-vote', voteId: 'vote000001', topicId: 'topicALICE', delta: 1 },
    'wrong-phase',
  ],
  [
    'R5',
    'MSPREP',
    'participant',
    'bob',
    { type: 'ms-join-team', projectId: 'project001' },
    'wrong-phase',
  ],
  [
    'R9',
    'OSWELC',
    'participant',
    'bob',
    { type: 'tf-vote', pointId: 'point00001', on: true },
    'not-found',
  ],
  [
    'R9',
    'MSPREP',
    'facilitator',
    'fac',
    { type: 'ms-reject-link', linkId: 'link000404' },
    'not-found',
  ],
  ['R9', 'MSPREP', 'facilitator', 'fac', { type: 'os-preview-schedule' }, 'bad-request'],
];

describe('R9: checkCommand refuses before anything runs, and the document stays unchanged', () => {
  it.each(cases)('%s: %s, %s %s sends %o: %s', async (_rule, code, role, id, cmd, reason) => {
    await registry.with(code, async (room) => {
      const before = Y.encodeStateVector(room.doc);
      const result = await runCommand(deps, session(code, role, id), cmd);
      expect(result).toMatchObject({ type: 'refused', reason });
      expect(Y.encodeStateVector(room.doc)).toEqual(before);
    });
  });

  it('R3: the owner check reads the entity: another participant may not place her topic', async () => {
    await registry.with('OSWELC', (room) =>
      room.writeAsServer((doc) => getMeta(doc).set('phase', 'marketplace')),
    );
    const cmd: Command = {
      type: 'os-place',
      topicId: 'topicALICE',
      slotId: 'slot000001',
      spaceId: 'space00001',
    };
    expect(await runCommand(deps, session('OSWELC', 'participant', 'bob'), cmd)).toMatchObject({
      type: 'refused',
      reason: 'not-owner',
    });
    expect(await runCommand(deps, session('OSWELC', 'participant', 'alice'), cmd)).toEqual({
      type: 'ok',
    });
  });

  it('R5: a vote out of phase is refused with the voter’s ballot', async () => {
    await registry.with('OSWELC', (room) =>
      room.writeAsServer((doc) => getMeta(doc).set('phase', 'agenda')),
    );
    const cmd: Command = { type: 'os-vote', voteId: 'vote000002', topicId: 'topicALICE', delta: 1 };
    expect(await runCommand(deps, session('OSWELC', 'participant', 'alice'), cmd)).toMatchObject({
      type: 'refused',
      reason: 'wrong-phase',
      data: { type: 'os-ballot' },
    });
  });
});

describe('R9: a project is renamed by its team or the facilitator, by command', () => {
  it('refuses a participant outside the team, and lets a member and the facilitator rename', async () => {
    await registry.with('MSPREP', (room) =>
      room.writeAsServer((doc) => {
        getMeta(doc).set('phase', 'sprint');
        coll(doc, MS_ROOT.projects).get('project001')!.set('team', { alice: 'Kyiv' });
      }),
    );
    const rename = (title: string): Command => ({
      type: 'ms-rename-project',
      projectId: 'project001',
      title,
    });
    const title = () =>
      registry.with('MSPREP', (room) =>
        coll(room.doc, MS_ROOT.projects).get('project001')?.get('title'),
      );
    expect(
      await runCommand(deps, session('MSPREP', 'participant', 'bob'), rename('Mine')),
    ).toMatchObject({
      type: 'refused',
      reason: 'not-allowed',
    });
    expect(await title()).toBe('P');
    expect(
      await runCommand(deps, session('MSPREP', 'participant', 'alice'), rename('Youth house')),
    ).toEqual({ type: 'ok' });
    expect(await title()).toBe('Youth house');
    expect(
      await runCommand(
        deps,
        session('MSPREP', 'facilitator', 'fac'),
        rename('Youth house exchange'),
      ),
    ).toEqual({ type: 'ok' });
    expect(await title()).toBe('Youth house exchange');
  });
});
