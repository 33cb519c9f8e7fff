import * as Y from 'yjs';
import {
  getPeople,
  MOD_ROOT,
  readQueue,
  readTombstones,
  type HiddenItem,
  type QueuedItem,
} from '@twinspace/shared';
import { defineServerFeature } from '../feature.ts';
import type { BoardCommandContext } from '../types.ts';
import { modKey, unsealFields } from './content.ts';
import { removePerson, restore, takeDown } from './hide.ts';
import { approve, decline, submit } from './queue.ts';
import { applySettings } from './settings.ts';

const key = (ctx: BoardCommandContext): Promise<Buffer> => modKey(ctx.secret);

/** Everyone in the directory, with their names from the store (the document may have none). */
async function names(ctx: BoardCommandContext): Promise<Record<string, string>> {
  const ids = [...getPeople(ctx.room.doc).keys()];
  const found = await Promise.all(
    ids.map(async (id) => [id, (await ctx.nameOf(id)) ?? ''] as const),
  );
  return Object.fromEntries(found);
}

function sealedOf(doc: Y.Doc, root: string, id: string): unknown {
  const entry = doc.getMap<unknown>(root).get(id);
  return entry instanceof Y.Map ? entry.get('sealed') : undefined;
}

/**
 * Moderation on the server (docs/moderation.md): every command is the facilitator's but
 * `mod-submit` (the rules are data, shared moderation/command-rules.ts), decided on the
 * caught-up document and written through the room's one path (stored before relayed).
 */
export const moderationServer = defineServerFeature({
  name: 'moderation',
  commands: {
    'mod-hide': {
      decides: async (ctx, cmd) => {
        const k = await key(ctx);
        return {
          decide: (doc) => takeDown(doc, ctx.room.rules, cmd, { key: k, now: ctx.now, keep: true }),
        };
      },
    },
    'mod-remove': {
      decides: async (ctx, cmd) => {
        const k = await key(ctx);
        return {
          decide: (doc) =>
            takeDown(doc, ctx.room.rules, cmd, { key: k, now: ctx.now, keep: false }),
        };
      },
    },
    'mod-restore': {
      decides: async (ctx, cmd) => {
        const k = await key(ctx);
        return { decide: (doc) => restore(doc, ctx.room.rules, cmd.key, k) };
      },
    },
    'mod-remove-person': {
      decides: (ctx, cmd) => ({ decide: (doc) => removePerson(doc, ctx.room.rules, cmd, ctx.now) }),
    },
    'mod-settings': {
      decides: async (ctx, cmd) => {
        // Names come back from the store when anonymous mode goes off.
        const known = cmd.anonymous === false ? await names(ctx) : {};
        return { decide: (doc) => applySettings(doc, ctx.room.rules, cmd, known) };
      },
    },
    'mod-submit': {
      decides: async (ctx, cmd) => {
        const k = await key(ctx);
        const who = {
          actor: {
            role: ctx.session.role,
            participantId: ctx.session.participantId,
            city: ctx.session.city,
            team: ctx.session.team,
          },
          phase: ctx.room.phase,
        };
        return { decide: (doc) => submit(doc, ctx.room.rules, who, cmd, { key: k, now: ctx.now }) };
      },
    },
    'mod-approve': {
      decides: async (ctx, cmd) => {
        const k = await key(ctx);
        return { decide: (doc) => approve(doc, ctx.room.rules, cmd.id, k) };
      },
    },
    'mod-decline': {
      decides: (_ctx, cmd) => ({ decide: (doc) => decline(doc, cmd.id) }),
    },
    /** The facilitator's view: what is hidden, what waits, and who everyone is. */
    'mod-list': {
      reads: async (ctx) => {
        const k = await key(ctx);
        const doc = ctx.room.doc;
        const hidden: HiddenItem[] = readTombstones(doc)
          .filter((t) => t.state === 'hidden')
          .map((t) => ({
            ...t,
            fields: unsealFields(k, sealedOf(doc, MOD_ROOT.hidden, t.key)) ?? {},
          }));
        const queue: QueuedItem[] = readQueue(doc)
          .filter((s) => s.state === 'pending')
          .map((s) => ({
            id: s.id,
            part: s.part,
            owner: s.owner,
            at: s.at,
            fields: unsealFields(k, sealedOf(doc, MOD_ROOT.queue, s.id)) ?? {},
          }));
        return { type: 'ok', data: { type: 'mod-list', hidden, queue, names: await names(ctx) } };
      },
    },
  },
});
