import type * as Y from 'yjs';
import { mirrorRoots, registerDocBinder } from '../../sync/docBinding.ts';

/** Which reader fills which store part, by the root type it observes. */
export type PartReaders<P> = {
  readonly [K in keyof P & string]: { readonly root: string; readonly read: (doc: Y.Doc) => P[K] };
};

/**
 * The one way a board kind or feature binds its document parts to its store: one reader per
 * part, each re-run when its root changes, its result handed to the store's `setPart`
 * (which keeps unchanged objects, state/stable.ts). Returns the `start` the views call when
 * they load (any number of times): every bound document, and every later one, is mirrored.
 * `onBind` adds what a part table cannot say (Open Space keeps the live document).
 */
export function partsBinding<P>(
  readers: PartReaders<P>,
  setPart: <K extends keyof P & string>(key: K, value: P[K]) => void,
  onBind?: (doc: Y.Doc) => () => void,
): () => void {
  const keys = Object.keys(readers) as (keyof P & string)[];
  const parts = keys.map((key) => ({ key, ...readers[key] }));
  const binder = (doc: Y.Doc): (() => void) => {
    // The reader of `key` made `value`, so it is that part's type.
    const stop = mirrorRoots(doc, parts, (key, value) => setPart(key, value as P[typeof key]));
    const unbind = onBind?.(doc);
    return () => {
      stop();
      unbind?.();
    };
  };
  return () => registerDocBinder(binder);
}
