import type * as Y from 'yjs';
import {
  getCards,
  getMeta,
  getPeople,
  readCards,
  readPeople,
} from '@twinspace/shared/boards/common';
import { boardActions } from '../state/boardStore.ts';

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Mirrors a board kind's own parts (registered by the board's module, e.g. match-sprint). */
export type DocBinder = (doc: Y.Doc) => () => void;
const binders = new Set<DocBinder>();
const bound = new Map<Y.Doc, Map<DocBinder, () => void>>();

/** Registers a binder; documents already bound get it at once (board code loads lazily). */
export function registerDocBinder(binder: DocBinder): void {
  if (binders.has(binder)) return;
  binders.add(binder);
  for (const [doc, unbinds] of bound) unbinds.set(binder, binder(doc));
}

/**
 * Mirrors root maps of a document into a store: each root is observed deeply on its own
 * and re-read with its reader when anything under it changes (the stores keep unchanged
 * objects stable, so only what changed redraws). Returns the function that stops it.
 */
export function mirrorRoots<K extends string>(
  doc: Y.Doc,
  parts: readonly { root: string; key: K; read: (doc: Y.Doc) => unknown }[],
  setPart: (key: K, value: unknown) => void,
): () => void {
  const stops = parts.map(({ root, key, read }) => {
    const type = doc.getMap(root);
    const push = (): void => setPart(key, read(doc));
    type.observeDeep(push);
    push();
    return () => type.unobserveDeep(push);
  });
  return () => stops.forEach((stop) => stop());
}

/**
 * Mirrors one Y.Doc into the board store. Each root type is observed on its own, so an
 * edit to a card re-reads the cards only; the store keeps unchanged card objects stable.
 * Returns the function that stops mirroring.
 */
export function bindDoc(doc: Y.Doc): () => void {
  const cards = getCards(doc);
  const people = getPeople(doc);
  const meta = getMeta(doc);
  const pushCards = (): void => boardActions().setCards(readCards(doc));
  const pushPeople = (): void => boardActions().setPeople([...readPeople(doc).values()]);
  const pushMeta = (): void =>
    boardActions().setMeta({ phase: str(meta.get('phase')), title: str(meta.get('title')) });

  cards.observeDeep(pushCards);
  people.observeDeep(pushPeople);
  meta.observe(pushMeta);
  pushCards();
  pushPeople();
  pushMeta();
  const extra = new Map<DocBinder, () => void>([...binders].map((b) => [b, b(doc)]));
  bound.set(doc, extra);
  return () => {
    for (const unbind of extra.values()) unbind();
    bound.delete(doc);
    cards.unobserveDeep(pushCards);
    people.unobserveDeep(pushPeople);
    meta.unobserve(pushMeta);
  };
}
