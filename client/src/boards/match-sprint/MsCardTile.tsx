import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MsCard } from '@twinspace/shared/boards/match-sprint/read';
import { useCityColor, useThemeLabels } from './hooks.ts';

/** One card of a city's side: kind, title, themes, its language when not the reader's. */
export const MsCardTile = memo(function MsCardTile({
  card,
  actions,
  compact = false,
}: {
  card: MsCard;
  actions?: ReactNode;
  compact?: boolean;
}) {
  const { t, i18n } = useTranslation('matchSprint');
  const label = useThemeLabels();
  const color = useCityColor()(card.city);
  const lang = (i18n.resolvedLanguage ?? '').split('-')[0];
  return (
    <article
      className={`ms-card ms-card--${card.kind}${compact ? ' ms-card--compact' : ''}`}
      style={{ borderInlineStartColor: color }}
      data-testid="ms-card"
      data-card-id={card.id}
    >
      <p className="ms-card__kind">
        {t(`kinds.${card.kind}`)}
        {card.language && card.language !== lang ? (
          <span className="ms-card__lang" title={t('card.language')}>
            {card.language.toUpperCase()}
          </span>
        ) : null}
      </p>
      <h4 className="ms-card__title" lang={card.language || undefined}>
        {card.title}
      </h4>
      {!compact && card.description ? (
        <p className="ms-card__text" lang={card.language || undefined}>
          {card.description}
        </p>
      ) : null}
      {card.themes.length > 0 ? (
        <ul className="ms-themes" aria-label={t('card.themes')}>
          {card.themes.map((id) => (
            <li key={id} className="ms-theme">
              {label(id)}
            </li>
          ))}
        </ul>
      ) : null}
      {actions ? <div className="ms-card__actions">{actions}</div> : null}
    </article>
  );
});
