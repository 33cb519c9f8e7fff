import * as Y from 'yjs';
import { getPeople, type Person } from '@twinspace/shared';

/** One directory entry: only what changed, so a rejoin with the same name writes nothing. */
export function writePerson(doc: Y.Doc, person: Person): void {
  const people = getPeople(doc);
  const fields = Object.entries({
    name: person.name,
    role: person.role,
    city: person.city,
    language: person.language,
  }).filter(([, v]) => v !== undefined);
  const known = people.get(person.id);
  if (!known) {
    people.set(person.id, new Y.Map<unknown>(fields));
    return;
  }
  for (const [k, v] of fields) if (known.get(k) !== v) known.set(k, v);
}
