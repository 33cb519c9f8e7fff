import * as Y from 'yjs';
import {
  checkAnswer,
  CREATED_FIELD,
  newEntityId,
  OWNER_FIELD,
  POLL_LIMITS,
  POLL_ROOT,
  readPolls,
  shapeOptions,
  type CommandResult,
  type MyPollAnswer,
  type Poll,
} from '@twinspace/shared';
import { OK, refused } from '../results.ts';
import { defineServerFeature } from '../feature.ts';
import { sealerFor, type Sealer } from '../sealed.ts';
import type { BoardCommandContext } from '../types.ts';
import {
  addsEntry,
  addText,
  countChoices,
  countWord,
  dropPollData,
  entriesOf,
  readAnswer,
  writeAnswer,
} from './answers.ts';

type Entities = Y.Map<Y.Map<unknown>>;
const polls = (doc: Y.Doc): Entities => doc.getMap(POLL_ROOT.polls);
const pollOf = (doc: Y.Doc, id: string): Poll | undefined =>
  readPolls(doc).find((p) => p.id === id);

const mine = (pollId: string, answer: MyPollAnswer): CommandResult => ({
  type: 'ok',
  data: {
    type: 'poll-mine',
    answers: { [pollId]: { choices: answer.choices, text: answer.text } },
  },
});

/**
 * One participant's answer (SPEC R26): the poll must be open and the answer fit its kind;
 * an answer replaces the sender's earlier one while the poll is open (one answer per
 * person, changeable), and the aggregates move by exactly the difference.
 */
function answer(
  ctx: BoardCommandContext,
  s: Sealer,
  cmd: { pollId: string; choices?: number[] | undefined; text?: string | undefined },
  doc: Y.Doc,
): CommandResult {
  const poll = pollOf(doc, cmd.pollId);
  const entity = polls(doc).get(cmd.pollId);
  if (!poll || !(entity instanceof Y.Map)) return refused('not-found', 'no such poll');
  if (poll.state !== 'open') return refused('closed', 'this poll is not open');
  const verdict = checkAnswer(poll, cmd);
  if (!verdict.ok) return refused(verdict.reason, verdict.message);
  const me = ctx.session.participantId;
  const before = readAnswer(doc, s, poll.id, me);
  const next = verdict.answer;
  const text = next.text;
  if (before && before.text === text && before.choices.join() === next.choices.join())
    return mine(poll.id, next);
  if (text && addsEntry(doc, s, poll, text) && entriesOf(doc, poll) >= POLL_LIMITS.entries)
    return refused('limit-reached', 'this poll holds no more answers');
  let textId = '';
  if (poll.kind === 'choice' || poll.kind === 'scale') {
    countChoices(entity, poll, before, { choices: next.choices, city: ctx.session.city ?? '' });
  } else if (poll.kind === 'words') {
    if (before?.text) countWord(doc, s, poll.id, before.text, -1);
    countWord(doc, s, poll.id, text, 1);
  } else {
    if (before?.textId) doc.getMap(POLL_ROOT.texts).delete(before.textId);
    textId = addText(doc, poll.id, text, ctx.now);
  }
  if (!before) entity.set('respondents', poll.respondents + 1);
  writeAnswer(doc, s, poll.id, me, { ...next, city: ctx.session.city ?? '', textId }, ctx.now);
  return mine(poll.id, next);
}

/**
 * Polls on every board kind. The facilitator's commands write the poll; a participant's
 * answer is kept sealed and only its aggregate is public (docs/polls-qa.md). Who may send
 * each, and that the poll exists, are the commands' declared rules.
 */
export const pollServer = defineServerFeature({
  name: 'poll',
  commands: {
    'poll-create': {
      decides: (ctx, cmd) => ({
        decide(doc) {
          if (polls(doc).size >= POLL_LIMITS.polls)
            return refused('limit-reached', `at most ${POLL_LIMITS.polls} polls`);
          const options = shapeOptions(cmd.kind, cmd.options);
          if (options === null) return refused('bad-option', 'these options do not fit the poll');
          const entity = new Y.Map<unknown>();
          entity.set(OWNER_FIELD, ctx.session.participantId);
          entity.set(CREATED_FIELD, ctx.now);
          entity.set('kind', cmd.kind);
          entity.set('question', cmd.question);
          entity.set('options', options);
          const most = cmd.kind === 'choice' ? Math.min(cmd.maxChoices ?? 1, options.length) : 1;
          entity.set('maxChoices', most);
          entity.set('state', 'draft');
          entity.set('respondents', 0);
          entity.set(
            'counts',
            options.map(() => 0),
          );
          polls(doc).set(newEntityId(), entity);
          return OK;
        },
      }),
    },
    'poll-state': {
      decides: (_ctx, cmd) => ({
        decide(doc) {
          polls(doc).get(cmd.pollId)?.set('state', cmd.state);
          return OK;
        },
      }),
    },
    'poll-delete': {
      decides: (_ctx, cmd) => ({
        decide(doc) {
          polls(doc).delete(cmd.pollId);
          dropPollData(doc, cmd.pollId);
          const stage = doc.getMap<unknown>(POLL_ROOT.stage);
          if (stage.get('shown') === cmd.pollId) stage.delete('shown');
          return OK;
        },
      }),
    },
    'poll-show': {
      decides: (_ctx, cmd) => ({
        decide(doc) {
          const stage = doc.getMap<unknown>(POLL_ROOT.stage);
          if (cmd.pollId === null) stage.delete('shown');
          else if (!polls(doc).has(cmd.pollId)) return refused('not-found', 'no such poll');
          else stage.set('shown', cmd.pollId);
          return OK;
        },
      }),
    },
    'poll-answer': {
      decides: async (ctx, cmd) => {
        const s = await sealerFor(ctx.secret);
        return { decide: (doc) => answer(ctx, s, cmd, doc) };
      },
    },
    'poll-mine': {
      reads: async (ctx) => {
        const s = await sealerFor(ctx.secret);
        const doc = ctx.room.doc;
        const answers: Record<string, MyPollAnswer> = {};
        for (const poll of readPolls(doc)) {
          const stored = readAnswer(doc, s, poll.id, ctx.session.participantId);
          if (stored) answers[poll.id] = { choices: stored.choices, text: stored.text };
        }
        return { type: 'ok', data: { type: 'poll-mine', answers } };
      },
    },
  },
});
