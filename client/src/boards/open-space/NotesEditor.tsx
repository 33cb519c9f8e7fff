import { useEffect, useId, useRef, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { useTranslation } from 'react-i18next';
import { NOTES_MAX, OS_ROOT } from '@twinspace/shared/boards/open-space/layout';
import { topicNotes } from '@twinspace/shared/boards/open-space/read';
import { useOsDoc } from '../../state/openSpaceStore.ts';
import { useMay } from './hooks.ts';

/** Marks this screen's own edits, so its observer does not redraw what was just typed. */
const LOCAL = Symbol('local-notes-edit');

/** The notes Y.Text of a topic (the server creates it when the topic is placed), live. */
function useNotesText(topicId: string): Y.Text | null {
  const doc = useOsDoc();
  return useSyncExternalStore(
    (onChange) => {
      const topics = doc?.getMap(OS_ROOT.topics);
      topics?.observeDeep(onChange);
      return () => topics?.unobserveDeep(onChange);
    },
    () => (doc ? topicNotes(doc, topicId) : null),
  );
}

/** Moves a caret position through a remote change, so the writer's caret stays put. */
function mapPosition(pos: number, delta: Y.YTextEvent['delta']): number {
  let index = 0;
  let out = pos;
  for (const op of delta) {
    if (op.retain !== undefined) index += op.retain;
    else if (op.insert !== undefined) {
      const n = typeof op.insert === 'string' ? op.insert.length : 1;
      if (index < out) out += n;
      index += n;
    } else if (op.delete !== undefined) {
      if (index < out) out -= Math.min(op.delete, out - index);
    }
  }
  return out;
}

/** Applies a textarea's value to the Y.Text as one small edit: only the changed middle. */
function applyDiff(text: Y.Text, next: string): void {
  const prev = text.toJSON();
  if (prev === next) return;
  let start = 0;
  while (start < prev.length && start < next.length && prev[start] === next[start]) start++;
  let end = 0;
  const room = Math.min(prev.length, next.length) - start;
  while (end < room && prev[prev.length - 1 - end] === next[next.length - 1 - end]) end++;
  const run = (): void => {
    if (prev.length - start - end > 0) text.delete(start, prev.length - start - end);
    if (next.length - start - end > 0) text.insert(start, next.slice(start, next.length - end));
  };
  if (text.doc) text.doc.transact(run, LOCAL);
  else run();
}

/**
 * Collaborative session notes: a plain textarea bound to the topic's Y.Text. The textarea
 * is not controlled by React: remote edits are written into it directly with the caret
 * moved through them, so typing is never interrupted by someone else's words.
 */
export function NotesEditor({ topicId, title }: { topicId: string; title: string }) {
  const { t } = useTranslation('openSpace');
  const text = useNotesText(topicId);
  const may = useMay();
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const editable = may({ part: OS_ROOT.topics, action: 'update', field: 'notes', owner: '' });
  useEffect(() => {
    const el = area.current;
    if (!el || !text) return;
    el.value = text.toJSON();
    const onChange = (event: Y.YTextEvent, tr: Y.Transaction): void => {
      if (tr.origin === LOCAL) return;
      const focused = document.activeElement === el;
      const [start, end] = [el.selectionStart, el.selectionEnd];
      el.value = text.toJSON();
      if (focused)
        el.setSelectionRange(mapPosition(start, event.delta), mapPosition(end, event.delta));
    };
    text.observe(onChange);
    return () => text.unobserve(onChange);
  }, [text]);
  if (!text) return <p className="os-help">{t('notes.none')}</p>;
  return (
    <div className="field os-notes">
      <label htmlFor={id}>{t('notes.label', { title })}</label>
      <textarea
        id={id}
        ref={area}
        rows={5}
        maxLength={NOTES_MAX}
        readOnly={!editable}
        className="os-notes__text"
        data-testid="notes"
        placeholder={editable ? t('notes.placeholder') : ''}
        onInput={(e) => applyDiff(text, e.currentTarget.value)}
      />
    </div>
  );
}
