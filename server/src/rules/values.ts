import * as Y from 'yjs';
import type { SharedType } from './effect.ts';
import type { FieldRule } from '@twinspace/shared';

type Content = Y.Item['content'];

/** The exact Yjs class a field may hold (a Y.XmlText is a Y.Text, but not one we read). */
const EXACT = { map: Y.Map, text: Y.Text, list: Y.Array } as const;

export function exactType(type: SharedType, kind: keyof typeof EXACT | null): boolean {
  return kind !== null && Object.getPrototypeOf(type) === EXACT[kind].prototype;
}

/**
 * Checks the value an item puts into a field against the field's declared type. Returns
 * null when fine, or a short reason.
 */
export function checkContent(rule: FieldRule, content: Content): string | null {
  if (content instanceof Y.ContentType) {
    const t = content.type as SharedType;
    if (rule.type === 'text' && exactType(t, 'text')) return null;
    if (rule.type === 'list' && exactType(t, 'list')) return null;
    return `a ${rule.type} field cannot hold a shared type`;
  }
  if (content instanceof Y.ContentAny) {
    if (content.arr.length !== 1) return 'a field holds one value';
    return checkValue(rule, content.arr[0]);
  }
  return 'unsupported content';
}

/** Content inside a field's own sequence: characters of a Y.Text, entries of a Y.Array. */
export function checkSequenceItem(rule: FieldRule, content: Content): string | null {
  if (rule.type === 'text') {
    // Plain characters: a format's attributes hold any JSON and count against no length.
    if (content instanceof Y.ContentString) return null;
    return 'text holds characters only';
  }
  if (rule.type === 'list') {
    if (content instanceof Y.ContentAny) {
      return content.arr.every((v) => isPlain(v, 0)) ? null : 'list entries must be plain values';
    }
    return 'list holds plain values only';
  }
  return 'field has no nested content';
}

function checkValue(rule: FieldRule, value: unknown): string | null {
  const max = rule.max ?? Infinity;
  switch (rule.type) {
    case 'string':
      return typeof value === 'string' && value.length <= max
        ? null
        : `expected a string of at most ${max}`;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'expected a number';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'expected a boolean';
    case 'string[]':
      return Array.isArray(value) &&
        value.length <= max &&
        value.every((v) => typeof v === 'string' && v.length <= 200)
        ? null
        : 'expected a list of strings';
    case 'json':
      return isPlain(value, 0) && JSON.stringify(value).length <= (rule.max ?? JSON_MAX)
        ? null
        : 'expected plain JSON';
    default:
      return `a ${rule.type} field needs a shared type`;
  }
}

/** Largest JSON value (characters) a `json` field takes when it declares no max. */
const JSON_MAX = 8000;

function isPlain(value: unknown, depth: number): boolean {
  if (depth > 6) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((v) => isPlain(v, depth + 1));
  if (typeof value === 'object' && !(value instanceof Uint8Array)) {
    return Object.values(value as Record<string, unknown>).every((v) => isPlain(v, depth + 1));
  }
  return false;
}
