import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES, currentUiLanguage, setUiLanguage } from '../i18n/index.ts';
import { languageName } from '../i18n/languages.ts';
import {
  useBoardInfo,
  useJoinProblem,
  useJoinedAs,
  useSessionStatus,
} from '../state/sessionStore.ts';
import type { BoardSession } from '../sync/boardSession.ts';

const NAME_MAX = 60;

/**
 * Name, language (the interface switches as you choose), and city when the board asks.
 * No account: this is all a participant ever types before taking part.
 */
export function JoinForm({ session }: { session: BoardSession }) {
  const { t } = useTranslation(['join', 'common']);
  const board = useBoardInfo();
  const problem = useJoinProblem();
  const remembered = useJoinedAs();
  const busy = useSessionStatus() === 'joining';
  const isFacilitator = session.role === 'facilitator';
  const [name, setName] = useState(
    remembered.name ?? (isFacilitator ? t('defaultFacilitatorName') : ''),
  );
  const [city, setCity] = useState(remembered.city ?? '');
  const [missing, setMissing] = useState<'name' | 'city' | null>(null);
  const ids = { name: useId(), language: useId(), city: useId(), error: useId() };
  if (!board) return null;

  const askCity = board.askCity && board.cities.length > 0;
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const trimmed = name.trim();
    // The server asks participants for their city; for the facilitator it is optional.
    const gap = trimmed.length === 0 ? 'name' : askCity && !city && !isFacilitator ? 'city' : null;
    setMissing(gap);
    if (gap !== null || busy) return;
    const details = {
      name: trimmed,
      language: currentUiLanguage(),
      ...(askCity && city ? { city } : {}),
    };
    void session.join(details);
  };
  // Joined by itself with a name carried from another board of the event, and this board
  // asks for a city: the city field asks, nobody did anything wrong, so no red error yet.
  const shown = problem === 'city-required' && askCity ? null : problem;
  const error = missing ? t(`errors.${missing}-required`) : shown ? t(`errors.${shown}`) : null;

  return (
    <form
      className="panel join-form"
      onSubmit={submit}
      noValidate
      aria-describedby={error ? ids.error : undefined}
    >
      <p className="eyebrow">{t(`common:kinds.${board.kind}`)}</p>
      <h1>{t(isFacilitator ? 'facilitatorHeading' : 'heading', { title: board.title })}</h1>
      <p className="lead">{t(isFacilitator ? 'facilitatorIntro' : 'intro')}</p>

      <div className="field">
        <label htmlFor={ids.name}>{t('name')}</label>
        <input
          id={ids.name}
          data-testid="join-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={NAME_MAX}
          autoComplete="nickname"
          required
          aria-invalid={missing === 'name' || undefined}
        />
      </div>

      <div className="field">
        <label htmlFor={ids.language}>{t('language')}</label>
        <select
          id={ids.language}
          data-testid="join-language"
          value={currentUiLanguage()}
          onChange={(e) => void setUiLanguage(e.target.value)}
        >
          {UI_LANGUAGES.map((lang) => (
            <option key={lang} value={lang} lang={lang}>
              {languageName(lang)}
            </option>
          ))}
        </select>
      </div>

      {askCity ? (
        <div className="field">
          <label htmlFor={ids.city}>{t('city')}</label>
          <select
            id={ids.city}
            data-testid="join-city"
            value={city}
            onChange={(e) => setCity(e.target.value)}
            required={!isFacilitator}
            aria-invalid={missing === 'city' || undefined}
          >
            <option value="" disabled={!isFacilitator}>
              {t(isFacilitator ? 'cityNone' : 'cityPlaceholder')}
            </option>
            {board.cities.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
      ) : null}

      {error ? (
        <p className="form-error" id={ids.error} role="alert">
          {error}
        </p>
      ) : null}

      <button
        type="submit"
        className="button button--primary button--block"
        data-testid="join-submit"
        aria-busy={busy}
      >
        {t(busy ? 'submitting' : 'submit')}
      </button>
    </form>
  );
}
