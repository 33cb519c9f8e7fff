import * as Y from 'yjs';
import {
  commandPowers,
  newEntityId,
  QA_LIMITS,
  QA_ROOT,
  readQaSettings,
  type CommandResult,
} from '@twinspace/shared';
import { OK, refused } from '../results.ts';
import { defineServerFeature } from '../feature.ts';
import { sealerFor, type Sealer } from '../sealed.ts';
import type { BoardCommandContext } from '../types.ts';
import {
  allSealed,
  countVotes,
  dropQuestion,
  privateView,
  publish,
  qaRoot,
  readSealed,
  voteId,
  writeSealed,
  eraseAsker,
} from './questions.ts';

const withView = (doc: Y.Doc, s: Sealer, ctx: BoardCommandContext): CommandResult => ({
  type: 'ok',
  data: privateView(
    doc,
    s,
    ctx.session.participantId,
    commandPowers(ctx.room.rules, ctx.session, 'qa-moderate'),
  ),
});

/** A question asked (SPEC R27): limits per person and board, then pending or published. */
function ask(
  ctx: BoardCommandContext,
  s: Sealer,
  cmd: { text: string; anonymous: boolean },
  doc: Y.Doc,
): CommandResult {
  const text = cmd.text.trim();
  if (!text) return refused('bad-value', 'the question is empty');
  if (text.length > QA_LIMITS.text)
    return refused('too-long', `at most ${QA_LIMITS.text} characters`);
  const me = ctx.session.participantId;
  const sealed = allSealed(doc, s);
  if (sealed.length >= QA_LIMITS.total)
    return refused('limit-reached', `at most ${QA_LIMITS.total} questions`);
  if (sealed.filter((q) => q.owner === me).length >= QA_LIMITS.perPerson)
    return refused('limit-reached', `at most ${QA_LIMITS.perPerson} questions each`);
  const question = { owner: me, name: cmd.anonymous ? '' : ctx.session.name, text };
  const moderates = commandPowers(ctx.room.rules, ctx.session, 'qa-moderate');
  const pending = readQaSettings(doc).requireApproval && !moderates;
  const id = newEntityId();
  writeSealed(doc, s, id, question, pending, ctx.now);
  if (!pending) publish(doc, id, question, ctx.now);
  return withView(doc, s, ctx);
}

function moderate(
  s: Sealer,
  cmd: { questionId: string; action: 'approve' | 'answered' | 'unanswered' | 'delete' },
  doc: Y.Doc,
): CommandResult {
  const sealed = readSealed(doc, s, cmd.questionId);
  if (!sealed) return refused('not-found', 'no such question');
  const published = qaRoot(doc, QA_ROOT.questions).get(cmd.questionId);
  switch (cmd.action) {
    case 'approve':
      if (!sealed.pending) return refused('duplicate', 'already approved');
      publish(doc, cmd.questionId, sealed, sealed.createdAt);
      writeSealed(doc, s, cmd.questionId, sealed, false, sealed.createdAt);
      return OK;
    case 'answered':
    case 'unanswered':
      if (!(published instanceof Y.Map)) return refused('not-found', 'not approved yet');
      published.set('answered', cmd.action === 'answered');
      return OK;
    case 'delete':
      dropQuestion(doc, cmd.questionId);
      return OK;
  }
}

/** Upvotes (SPEC R27): one per person and question, taken back with `on: false`. */
function vote(
  ctx: BoardCommandContext,
  s: Sealer,
  cmd: { questionId: string; on: boolean },
  doc: Y.Doc,
): CommandResult {
  const question = qaRoot(doc, QA_ROOT.questions).get(cmd.questionId);
  if (!(question instanceof Y.Map)) return refused('not-found', 'no such question');
  const votes = qaRoot(doc, QA_ROOT.votes);
  const id = voteId(s, cmd.questionId, ctx.session.participantId);
  if (votes.has(id) === cmd.on) return withView(doc, s, ctx);
  if (cmd.on) {
    const entity = new Y.Map<unknown>();
    entity.set('q', cmd.questionId);
    votes.set(id, entity);
  } else votes.delete(id);
  question.set('votes', countVotes(doc, cmd.questionId));
  return withView(doc, s, ctx);
}

/** Questions for a plenary on every board kind (docs/polls-qa.md). */
export const qaServer = defineServerFeature({
  name: 'qa',
  erase: async (secret) => {
    const s = await sealerFor(secret);
    return (doc, participantId, choice) => eraseAsker(doc, s, participantId, choice);
  },
  commands: {
    'qa-ask': {
      decides: async (ctx, cmd) => {
        const s = await sealerFor(ctx.secret);
        return { decide: (doc) => ask(ctx, s, cmd, doc) };
      },
    },
    'qa-vote': {
      decides: async (ctx, cmd) => {
        const s = await sealerFor(ctx.secret);
        return { decide: (doc) => vote(ctx, s, cmd, doc) };
      },
    },
    'qa-moderate': {
      decides: async (ctx, cmd) => {
        const s = await sealerFor(ctx.secret);
        return { decide: (doc) => moderate(s, cmd, doc) };
      },
    },
    'qa-withdraw': {
      decides: async (ctx, cmd) => {
        const s = await sealerFor(ctx.secret);
        return {
          decide(doc) {
            const sealed = readSealed(doc, s, cmd.questionId);
            if (!sealed) return refused('not-found', 'no such question');
            // Another's question: who moderates Q&A (a note-taker does not, SPEC R36).
            const moderates = commandPowers(ctx.room.rules, ctx.session, 'qa-moderate');
            if (sealed.owner !== ctx.session.participantId && !moderates)
              return refused('not-owner', 'only its author can take a question back');
            dropQuestion(doc, cmd.questionId);
            return withView(doc, s, ctx);
          },
        };
      },
    },
    'qa-settings': {
      decides: (_ctx, cmd) => ({
        decide(doc) {
          const settings = doc.getMap<unknown>(QA_ROOT.settings);
          if (cmd.shown && !qaRoot(doc, QA_ROOT.questions).has(cmd.shown))
            return refused('not-found', 'no such approved question');
          if (cmd.requireApproval !== undefined)
            settings.set('requireApproval', cmd.requireApproval);
          if (cmd.wall !== undefined) settings.set('wall', cmd.wall);
          if (cmd.shown === null) settings.delete('shown');
          else if (cmd.shown) settings.set('shown', cmd.shown);
          return OK;
        },
      }),
    },
    'qa-private': {
      reads: async (ctx) => {
        const s = await sealerFor(ctx.secret);
        return withView(ctx.room.doc, s, ctx);
      },
    },
  },
});
