import { QA_ROOT } from '@twinspace/shared/boards/qa/layout';
import { countPending, readQaSettings, readQuestions } from '@twinspace/shared/boards/qa/read';
import { qaActions, type QaParts } from '../../state/qaStore.ts';
import { partsBinding, type PartReaders } from '../common/bindParts.ts';

const READERS: PartReaders<QaParts> = {
  questions: { root: QA_ROOT.questions, read: readQuestions },
  settings: { root: QA_ROOT.settings, read: readQaSettings },
  pendingCount: { root: QA_ROOT.sealed, read: countPending },
};

/** Called by the views; the document's questions are mirrored once. */
export const startQaBinding = partsBinding(READERS, (key, value) =>
  qaActions().setPart(key, value),
);
