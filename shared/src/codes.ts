/**
 * Room codes are read aloud and typed on phones, so the alphabet leaves out the
 * look-alikes 0/O and 1/I/L. 6 characters of 31 symbols give ~887 million codes.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 6;

const CODE_RE = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

/** Normalises what a person typed: case-insensitive, spaces and dashes ignored. */
export function normalizeCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  return CODE_RE.test(code) ? code : null;
}
