import * as Y from 'yjs';
import { CREATED_FIELD, OWNER_FIELD } from '@twinspace/shared/rules/model';

/** A plain value a submission carries (the server checks it against the part's rules). */
export type FieldValue = string | number | boolean | string[];

/** A new entity a participant made, as the approval queue takes it (`mod-submit`). */
export interface Diverted {
  part: string;
  id: string;
  fields: Record<string, FieldValue>;
}

const plain = (v: unknown): v is FieldValue =>
  typeof v === 'string' ||
  typeof v === 'number' ||
  typeof v === 'boolean' ||
  (Array.isArray(v) && v.every((x) => typeof x === 'string'));

/**
 * Runs an edit on an empty scratch document first, to see which entities it would create in
 * parts that wait for approval. If it creates any, they are returned (to go to the queue by
 * command) and the board's document is left alone, since the server would refuse them there
 * (SPEC R24); otherwise `null`, and the caller applies the edit to the board. One place for
 * every form that creates content (topics, cards, stories, later questions).
 */
export function divertCreates(
  change: (doc: Y.Doc) => void,
  approvalParts: readonly string[],
): Diverted[] | null {
  if (approvalParts.length === 0) return null;
  const scratch = new Y.Doc();
  try {
    change(scratch);
    const out: Diverted[] = [];
    for (const part of approvalParts) {
      scratch.getMap<unknown>(part).forEach((entity, id) => {
        if (!(entity instanceof Y.Map)) return;
        const fields: Record<string, FieldValue> = {};
        entity.forEach((value: unknown, key: string) => {
          // Texts are sent as their characters; the server makes them texts again.
          const v = value instanceof Y.Text ? value.toJSON() : value;
          if (key !== OWNER_FIELD && key !== CREATED_FIELD && plain(v)) fields[key] = v;
        });
        out.push({ part, id, fields });
      });
    }
    return out.length > 0 ? out : null;
  } catch {
    // An edit that needs the board's content (an update) creates nothing new: not queued.
    return null;
  } finally {
    scratch.destroy();
  }
}
