import { closeBidi } from './text.ts';

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * The one HTML escaper (exports and the server-rendered board preview): safe in element
 * content and in quoted attribute values; every board string is someone's input.
 */
export const escapeHtml = (text: string): string =>
  closeBidi(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
