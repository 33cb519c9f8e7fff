import { useTranslation } from 'react-i18next';

/** A few words of an entity, whatever its part: its title, text or name. */
export function summaryOf(fields: Readonly<Record<string, unknown>>): string {
  for (const key of ['title', 'text', 'name', 'label', 'note', 'notes']) {
    const value = fields[key];
    if (typeof value === 'string' && value.trim()) return value.trim().slice(0, 120);
  }
  return '…';
}

/** A part's name in the reader's language ("topic", "Karte"). */
export function PartName({ part }: { part: string }) {
  const { t } = useTranslation('moderation');
  return <>{t(`parts.${part}` as 'parts.topics', { defaultValue: part })}</>;
}
