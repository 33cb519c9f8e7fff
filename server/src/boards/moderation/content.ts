import * as Y from 'yjs';
import {
  CREATED_FIELD,
  OWNER_FIELD,
  type FieldRule,
  type PartRule,
  type Verdict,
  refuse,
  ALLOW,
} from '@twinspace/shared';
import { ballotKey, seal, unseal } from '../open-space/seal.ts';

/**
 * Hidden content and waiting submissions are sealed (AES-256-GCM, the ballots' scheme) with a
 * key only the server processes hold, so they can live in the board's own log (durable,
 * shared by every process, deleted with the board) while no participant can read them.
 */
export const MOD_SECRET = 'moderation-seal';

export const modKey = async (secret: (name: string) => Promise<string>): Promise<Buffer> =>
  ballotKey(await secret(MOD_SECRET));

export type Fields = Record<string, unknown>;

export const sealFields = (key: Buffer, fields: Fields): string =>
  seal(key, JSON.stringify(fields));

export function unsealFields(key: Buffer, sealed: unknown): Fields | null {
  if (typeof sealed !== 'string') return null;
  const plain = unseal(key, sealed);
  if (plain === null) return null;
  const value: unknown = JSON.parse(plain);
  return value !== null && typeof value === 'object' ? (value as Fields) : null;
}

/** An entity as plain values (texts as strings, lists as arrays), to seal. */
export const entityFields = (entity: Y.Map<unknown>): Fields => entity.toJSON();

/** A field's plain value as the document holds it (a text field becomes a Y.Text again). */
export function toDocValue(rule: FieldRule | undefined, value: unknown): unknown {
  if (rule?.type === 'text') return new Y.Text(typeof value === 'string' ? value : '');
  if (rule?.type === 'list') {
    const list = new Y.Array<unknown>();
    if (Array.isArray(value)) list.push(value);
    return list;
  }
  return value;
}

/** Builds the entity back from its plain values, by its part's field rules. */
export function entityFromFields(part: PartRule, fields: Fields): Y.Map<unknown> {
  const entity = new Y.Map<unknown>();
  for (const [name, value] of Object.entries(fields)) {
    if (!Object.hasOwn(part.fields, name) || value === null || value === undefined) continue;
    entity.set(name, toDocValue(part.fields[name], value));
  }
  return entity;
}

/**
 * A submission's fields against its part's rules, as the update gate would judge them in a
 * Yjs create (SPEC R6, R20): known fields a participant may write, of the declared type and
 * size. The owner and creation time are the server's to set.
 */
export function checkSubmission(
  part: PartRule,
  fields: Fields,
  writer: { city: string | undefined; anonymous: boolean },
): Verdict {
  for (const [name, value] of Object.entries(fields)) {
    if (name === OWNER_FIELD || name === CREATED_FIELD)
      return refuse('bad-value', `${name} is set by the server`);
    const rule = Object.hasOwn(part.fields, name) ? part.fields[name] : undefined;
    if (!rule) return refuse('unknown-field', name);
    if ((rule.write ?? part.update) === 'nobody') return refuse('not-allowed', name);
    const problem = valueProblem(rule, value);
    if (problem) return refuse('bad-value', `${name}: ${problem}`);
    if (rule.mustEqualActor === 'city' && value !== writer.city)
      return refuse('not-allowed', `${name} must be your city`);
    if (rule.personName && writer.anonymous && value !== '')
      return refuse('not-allowed', `${name}: names are hidden on this board`);
  }
  return ALLOW;
}

function valueProblem(rule: FieldRule, value: unknown): string | null {
  const max = rule.max ?? 20_000;
  switch (rule.type) {
    case 'string':
    case 'text':
      return typeof value === 'string' && value.length <= max ? null : `a text of at most ${max}`;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'a number';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'true or false';
    case 'string[]':
      return Array.isArray(value) &&
        value.length <= max &&
        value.every((v) => typeof v === 'string')
        ? null
        : `at most ${max} texts`;
    default:
      return 'not submitted this way';
  }
}
