import * as Y from 'yjs';
import {
  approvalParts,
  getPeople,
  MOD_ROOT,
  readModSettings,
  type BoardRules,
  type CommandResult,
} from '@twinspace/shared';
import { OK, refused } from '../results.ts';

interface SettingsCommand {
  anonymous?: boolean | undefined;
  approval?: { part: string; on: boolean } | undefined;
}

/** Empties every field that holds a person's name (`FieldRule.personName`), on every entity. */
function blankNameFields(doc: Y.Doc, rules: BoardRules): void {
  for (const [name, part] of Object.entries(rules.parts)) {
    const fields = Object.entries(part.fields).filter(([, f]) => f.personName === true);
    if (part.kind !== 'collection' || fields.length === 0) continue;
    doc.getMap<unknown>(name).forEach((entity) => {
      if (!(entity instanceof Y.Map)) return;
      for (const [field] of fields) if (entity.get(field)) entity.set(field, '');
    });
  }
}

/**
 * The facilitator's moderation settings (SPEC R24, R25). Switching anonymous mode on takes
 * the names already in the document out in the same change (the directory's, and fields
 * holding a name); switching it off writes the directory's names back from the store
 * (`known`), while emptied name fields stay empty.
 */
export function applySettings(
  doc: Y.Doc,
  rules: BoardRules,
  cmd: SettingsCommand,
  known: Record<string, string>,
): CommandResult {
  const settings = doc.getMap<unknown>(MOD_ROOT.settings);
  const { approval } = cmd;
  if (approval) {
    if (!approvalParts(rules).includes(approval.part))
      return refused('bad-value', `${approval.part} has no approval queue`);
    const others = readModSettings(doc).approval.filter((p) => p !== approval.part);
    settings.set('approval', approval.on ? [...others, approval.part] : others);
  }
  if (cmd.anonymous !== undefined) {
    settings.set('anonymous', cmd.anonymous);
    getPeople(doc).forEach((person, id) => {
      if (person instanceof Y.Map) person.set('name', cmd.anonymous ? '' : (known[id] ?? ''));
    });
    if (cmd.anonymous) blankNameFields(doc, rules);
  }
  return OK;
}
