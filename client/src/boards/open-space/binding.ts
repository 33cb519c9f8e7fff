import type * as Y from 'yjs';
import { OS_ROOT } from '@twinspace/shared/boards/open-space/layout';
import * as read from '@twinspace/shared/boards/open-space/read';
import { mirrorRoots, registerDocBinder } from '../../sync/docBinding.ts';
import { osActions, type OsParts } from '../../state/openSpaceStore.ts';

type Reader = (doc: Y.Doc) => OsParts[keyof OsParts];

/** Which reader fills which store part, by the root type it observes. */
const PARTS: { root: string; key: keyof OsParts; read: Reader }[] = [
  { root: OS_ROOT.topics, key: 'topics', read: read.readTopics },
  { root: OS_ROOT.slots, key: 'slots', read: read.readSlots },
  { root: OS_ROOT.spaces, key: 'spaces', read: read.readSpaces },
  { root: OS_ROOT.settings, key: 'settings', read: read.readSettings },
  { root: OS_ROOT.timer, key: 'timer', read: read.readTimer },
  { root: OS_ROOT.ballots, key: 'ballots', read: read.readBallots },
  { root: OS_ROOT.actions, key: 'actions', read: read.readActions },
  { root: OS_ROOT.stories, key: 'stories', read: read.readStories },
  { root: OS_ROOT.contacts, key: 'contacts', read: read.readContacts },
];

function bindOpenSpace(doc: Y.Doc): () => void {
  // Typing in notes lands in topics too, but the store's merge keeps every unchanged topic
  // (and the list) identical, so nothing redraws.
  const stop = mirrorRoots(doc, PARTS, (key, value) =>
    osActions().setPart(key, value as OsParts[typeof key]),
  );
  osActions().setDoc(doc);
  return () => {
    stop();
    if (osActions().doc === doc) osActions().setDoc(null);
  };
}

/** Called once by the board's views; every bound document (and every later one) is mirrored. */
export const startOpenSpaceBinding = (): void => registerDocBinder(bindOpenSpace);
