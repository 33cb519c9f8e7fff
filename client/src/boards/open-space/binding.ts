import type * as Y from 'yjs';
import { OS_ROOT } from '@twinspace/shared/boards/open-space/layout';
import * as read from '@twinspace/shared/boards/open-space/read';
import { osActions, type OsParts } from '../../state/openSpaceStore.ts';
import { partsBinding, type PartReaders } from '../common/bindParts.ts';

/** Which reader fills which store part, by the root type it observes. */
const READERS: PartReaders<OsParts> = {
  topics: { root: OS_ROOT.topics, read: read.readTopics },
  slots: { root: OS_ROOT.slots, read: read.readSlots },
  spaces: { root: OS_ROOT.spaces, read: read.readSpaces },
  settings: { root: OS_ROOT.settings, read: read.readSettings },
  ballots: { root: OS_ROOT.ballots, read: read.readBallots },
  actions: { root: OS_ROOT.actions, read: read.readActions },
  stories: { root: OS_ROOT.stories, read: read.readStories },
  contacts: { root: OS_ROOT.contacts, read: read.readContacts },
};

/** Session notes are live Y.Text: the views edit them in the document itself. */
function keepDoc(doc: Y.Doc): () => void {
  osActions().setDoc(doc);
  return () => {
    if (osActions().doc === doc) osActions().setDoc(null);
  };
}

// Typing in notes lands in topics too, but the store keeps every unchanged topic (and the
// list) identical, so nothing redraws.
/** Called once by the board's views; every bound document (and every later one) is mirrored. */
export const startOpenSpaceBinding = partsBinding(
  READERS,
  (key, value) => osActions().setPart(key, value),
  keepDoc,
);
