import { REFUSAL_REASONS, type RefusalReason } from '@twinspace/shared/rules/model';
import { toast } from '../state/toastStore.ts';

/**
 * The server names its reason in the auth message ("not-owner", perhaps followed by a
 * detail). Anything we do not recognise is reported with a generic, still polite, text.
 */
export function parseRefusalReason(raw: string): RefusalReason | null {
  const head = raw.trim().split(/[\s:]/, 1)[0] ?? '';
  return (REFUSAL_REASONS as readonly string[]).includes(head) ? (head as RefusalReason) : null;
}

export function refusalToast(raw: string, subject: string | null): void {
  const reason = parseRefusalReason(raw) ?? 'generic';
  toast({ kind: 'resynced', reason, tone: 'warning', ...(subject ? { subject } : {}) });
}
