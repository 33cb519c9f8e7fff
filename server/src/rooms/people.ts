import * as Y from 'yjs';
import { getPeople, readModSettings, TIMING, type Person } from '@twinspace/shared';

/**
 * One directory entry: only what changed, so a rejoin with the same name writes nothing. On
 * an anonymous board the name is never written (SPEC R25): facilitators read it by command.
 */
export function writePerson(doc: Y.Doc, person: Person): void {
  const people = getPeople(doc);
  const fields = Object.entries({
    name: readModSettings(doc).anonymous ? '' : person.name,
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

/**
 * Joins arriving together (a room scanning the QR code at once) are written as one change
 * of the directory, so a storm of n joins costs the peers a few frames instead of n.
 */
export class DirectoryBatch {
  private readonly pending = new Map<string, Person>();
  private flush: Promise<void> | null = null;

  constructor(private readonly write: (batch: Person[]) => Promise<void>) {}

  add(person: Person): Promise<void> {
    this.pending.set(person.id, person);
    this.flush ??= new Promise<void>((resolve, reject) => {
      setTimeout(() => {
        const batch = [...this.pending.values()];
        this.pending.clear();
        this.flush = null;
        this.write(batch).then(resolve, reject);
      }, TIMING.directoryBatchMs);
    });
    return this.flush;
  }
}
