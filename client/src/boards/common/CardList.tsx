import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCardIds } from '../../state/boardStore.ts';
import { useProgressiveCount } from '../../components/useProgressiveCount.ts';
import { CardItem } from './CardItem.tsx';

interface CardListProps {
  /** Phones read newest first (right under the form); a wall reads like sticky notes. */
  order: 'newest-first' | 'oldest-first';
  readOnly?: boolean;
  className?: string;
  /** The wall's languages: two side by side, or one (see useWallLanguageChoice). */
  languages?: readonly string[];
}

export function CardList({
  order,
  readOnly = false,
  className = '',
  languages = [],
}: CardListProps) {
  const { t } = useTranslation('board');
  const ids = useCardIds();
  // The cards the list first showed are the board as it was; only later ones are "new".
  const [initial, setInitial] = useState<ReadonlySet<string> | null>(null);
  if (initial === null && ids.length > 0) setInitial(new Set(ids));
  const ordered = useMemo(
    () => (order === 'newest-first' ? [...ids].reverse() : ids),
    [ids, order],
  );
  const shown = useProgressiveCount(ordered.length);

  if (ordered.length === 0) {
    return <p className="cards-empty">{t(readOnly ? 'cards.emptyProjector' : 'cards.empty')}</p>;
  }
  return (
    <ul className={`cards ${className}`} aria-label={t('cards.count', { count: ordered.length })}>
      {ordered.slice(0, shown).map((id) => (
        <CardItem
          key={id}
          id={id}
          readOnly={readOnly}
          languages={languages}
          isNew={initial !== null && !initial.has(id)}
        />
      ))}
    </ul>
  );
}
