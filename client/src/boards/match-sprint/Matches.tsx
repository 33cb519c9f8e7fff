import { Suspense } from 'react';
import { lazy } from '../../app/lazy.ts';
import { useTranslation } from 'react-i18next';
import { addLink } from '@twinspace/shared/boards/match-sprint/write';
import type { Suggestion } from '@twinspace/shared/boards/match-sprint/suggest';
import { usePhase } from '../../state/boardStore.ts';
import { useMs } from '../../state/matchSprintStore.ts';
import { useRole } from '../../state/sessionStore.ts';
import { MsCardTile } from './MsCardTile.tsx';
import { LinkList } from './LinkList.tsx';
import { reasonText } from './reason.ts';
import {
  useCardsById,
  useEdit,
  useIsFacilitator,
  useMyCity,
  useSuggestions,
  useThemeLabels,
} from './hooks.ts';

const SHOWN = 12;

// Linking by hand (drag or pick) downloads when the match opens (the phone's JS budget).
const LinkByHand = lazy(() => import('./LinkByHand.tsx').then((m) => ({ default: m.LinkByHand })));

/** Suggestions with their reasons, linking by hand (drag or pick), and the links so far. */
export function Matches() {
  const { t } = useTranslation('matchSprint');
  const suggestions = useSuggestions();
  const phase = usePhase();
  const facilitator = useIsFacilitator();
  const mayLink = useRole() !== 'projector' && (phase === 'match' || facilitator);
  const linkCount = useMs('links').length;
  return (
    <div className="ms-matches">
      <section className="ms-section" aria-labelledby="ms-suggestions">
        <h3 id="ms-suggestions">{t('matches.suggestions')}</h3>
        <p className="field__help">{t('matches.suggestionsHelp')}</p>
        {/* Linked pairs are not suggested again: with links made, none left is no news of missing cards. */}
        {suggestions.length === 0 ? (
          <p className="ms-empty" data-testid="ms-no-suggestions">
            {t(linkCount > 0 ? 'matches.allLinked' : 'matches.noSuggestions')}
          </p>
        ) : null}
        <ol className="ms-suggestions">
          {suggestions.slice(0, SHOWN).map((s) => (
            <SuggestionRow key={`${s.from}-${s.to}`} suggestion={s} mayLink={mayLink} />
          ))}
        </ol>
      </section>
      {mayLink ? (
        <Suspense fallback={null}>
          <LinkByHand />
        </Suspense>
      ) : null}
      <LinkList />
      {!mayLink && linkCount === 0 ? <p className="ms-empty">{t('matches.linkInMatch')}</p> : null}
    </div>
  );
}

function SuggestionRow({ suggestion: s, mayLink }: { suggestion: Suggestion; mayLink: boolean }) {
  const { t } = useTranslation('matchSprint');
  const cards = useCardsById();
  const myCity = useMyCity();
  const label = useThemeLabels();
  const edit = useEdit();
  const from = cards.get(s.from);
  const to = cards.get(s.to);
  if (!from || !to) return null;
  return (
    <li className="ms-suggestion" data-testid="ms-suggestion">
      <div className="ms-pair">
        <MsCardTile card={from} compact />
        <span className="ms-pair__join" aria-hidden="true">
          ⇄
        </span>
        <MsCardTile card={to} compact />
      </div>
      <p className="ms-reason" data-testid="ms-reason">
        {reasonText(t, s, cards, myCity, label)}
        <span className="ms-score">{t('matches.score', { score: s.score })}</span>
      </p>
      {mayLink ? (
        <button
          type="button"
          className="button button--small"
          onClick={() => edit((doc, owner) => addLink(doc, owner, s.from, s.to))}
        >
          {t('matches.link')}
        </button>
      ) : null}
    </li>
  );
}
