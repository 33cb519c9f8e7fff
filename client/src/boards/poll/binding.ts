import { POLL_ROOT } from '@twinspace/shared/boards/poll/layout';
import {
  readPollStage,
  readPollTexts,
  readPolls,
  readPollWords,
} from '@twinspace/shared/boards/poll/read';
import { pollActions, type PollParts } from '../../state/pollStore.ts';
import { partsBinding, type PartReaders } from '../common/bindParts.ts';

const READERS: PartReaders<PollParts> = {
  polls: { root: POLL_ROOT.polls, read: readPolls },
  words: { root: POLL_ROOT.words, read: readPollWords },
  texts: { root: POLL_ROOT.texts, read: readPollTexts },
  shown: { root: POLL_ROOT.stage, read: readPollStage },
};

/** Called by the views; the document's polls are mirrored once. */
export const startPollBinding = partsBinding(READERS, (key, value) =>
  pollActions().setPart(key, value),
);
