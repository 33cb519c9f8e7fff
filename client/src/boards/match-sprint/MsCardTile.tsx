import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MsCard } from '@twinspace/shared/boards/match-sprint/read';
import { languageName } from '../../i18n/languages.ts';
import { AddTranslation } from '../common/AddTranslation.tsx';
import { OriginalMark } from '../common/Translated.tsx';
import { MS_ROOT } from '@twinspace/shared/boards/match-sprint/layout';
import { LazyPhotos } from '../photos/LazyPhotos.tsx';
import { CarriedFrom } from './CarriedFrom.tsx';
import { useCityColor, useThemeLabels } from './hooks.ts';
import { cardOriginal, cardTarget, useCardText } from './translated.tsx';

/**
 * One card of a city's side: kind, title, themes, its language when not the reader's; in
 * the reader's language where someone translated it (the original marked), and with
 * "Translate" where `translate` is set (a city's side, not the compact match views).
 */
export const MsCardTile = memo(function MsCardTile({
  card,
  actions,
  compact = false,
  translate = false,
}: {
  card: MsCard;
  actions?: ReactNode;
  compact?: boolean;
  translate?: boolean;
}) {
  const { t, i18n } = useTranslation('matchSprint');
  const label = useThemeLabels();
  const color = useCityColor()(card.city);
  const lang = (i18n.resolvedLanguage ?? '').split('-')[0];
  const version = useCardText(card);
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
          <span className="ms-card__lang" title={t('card.language')} lang={card.language}>
            {languageName(card.language)}
          </span>
        ) : null}
      </p>
      <h4 className="ms-card__title" lang={version.language}>
        {version.title}
      </h4>
      {!compact && version.text ? (
        <p className="ms-card__text" lang={version.language}>
          {version.text}
        </p>
      ) : null}
      <OriginalMark version={version} />
      {!compact ? (
        <LazyPhotos
          part={MS_ROOT.cards}
          refId={card.id}
          label={version.title ?? card.title}
          canAdd={translate}
        />
      ) : null}
      <CarriedFrom origin={card.origin} />
      {card.themes.length > 0 ? (
        <ul className="ms-themes" aria-label={t('card.themes')}>
          {card.themes.map((id) => (
            <li key={id} className="ms-theme">
              {label(id)}
            </li>
          ))}
        </ul>
      ) : null}
      {actions || translate ? (
        <div className="ms-card__actions">
          {translate ? (
            <AddTranslation target={cardTarget(card)} original={cardOriginal(card)} />
          ) : null}
          {actions}
        </div>
      ) : null}
    </article>
  );
});
