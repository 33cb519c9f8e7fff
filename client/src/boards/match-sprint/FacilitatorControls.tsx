import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MAX_CITIES,
  MIN_CITIES,
  addTheme,
  setSetting,
  writeCities,
} from '@twinspace/shared/boards/match-sprint/write';
import { ExportButton } from '../../components/ExportButton.tsx';
import { currentUiLanguage } from '../../i18n/index.ts';
import { useMs } from '../../state/matchSprintStore.ts';
import { TopFiveWallToggle } from '../top-five/WallToggle.tsx';
import { TimerControls } from '../timer/TimerControls.tsx';
import { PlenaryControls } from '../loaders.ts';
import { useCityNames, useCommand, useEdit, useThemeLabels } from './hooks.ts';

/** The facilitator's Match & Sprint settings: cities, themes, hidden sides, timer, sprints, exports. */
export function FacilitatorControls() {
  const { t } = useTranslation('matchSprint');
  return (
    <section
      className="ms-controls panel"
      aria-label={t('controls.heading')}
      data-testid="ms-controls"
    >
      <h2>{t('controls.heading')}</h2>
      <CitiesEditor />
      <ThemesEditor />
      <HideSides />
      <ShowTopFive />
      <TimerControls minutes={20} display={false} />
      <SprintControls />
      <PlenaryControls />
      <Exports />
    </section>
  );
}

function CitiesEditor() {
  const { t } = useTranslation('matchSprint');
  const names = useCityNames();
  const edit = useEdit();
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const value = draft ?? names.join('\n');
  const list = value
    .split('\n')
    .map((n) => n.trim())
    .filter(Boolean);
  const valid = list.length >= MIN_CITIES && list.length <= MAX_CITIES;
  const save = (event: FormEvent): void => {
    event.preventDefault();
    if (!valid) return;
    edit((doc, owner) => writeCities(doc, owner, list));
    setDraft(null);
  };
  return (
    <form className="ms-control" onSubmit={save}>
      <label htmlFor={id}>{t('controls.cities')}</label>
      <textarea
        id={id}
        rows={3}
        value={value}
        onChange={(e) => setDraft(e.target.value)}
        data-testid="ms-cities"
      />
      <p className="field__help">
        {t('controls.citiesHelp', { min: MIN_CITIES, max: MAX_CITIES })}
      </p>
      <button
        type="submit"
        className="button button--small"
        disabled={!valid || draft === null}
        data-testid="ms-cities-save"
      >
        {t('controls.save')}
      </button>
    </form>
  );
}

function ThemesEditor() {
  const { t } = useTranslation('matchSprint');
  const themes = useMs('themes');
  const label = useThemeLabels();
  const edit = useEdit();
  const id = useId();
  const [text, setText] = useState('');
  const add = (event: FormEvent): void => {
    event.preventDefault();
    if (!text.trim()) return;
    edit((doc, owner) => addTheme(doc, owner, text, currentUiLanguage()));
    setText('');
  };
  return (
    <form className="ms-control" onSubmit={add}>
      <label htmlFor={id}>{t('controls.themes')}</label>
      <ul className="ms-themes">
        {themes.map((theme) => (
          <li key={theme.id} className="ms-theme">
            {label(theme.id)}
          </li>
        ))}
      </ul>
      <div className="ms-inline">
        <input
          id={id}
          value={text}
          maxLength={60}
          onChange={(e) => setText(e.target.value)}
          data-testid="ms-theme-input"
        />
        <button type="submit" className="button button--small" disabled={!text.trim()}>
          {t('controls.addTheme')}
        </button>
      </div>
    </form>
  );
}

function HideSides() {
  const { t } = useTranslation('matchSprint');
  const { hideSidesUntilMatch } = useMs('settings');
  const edit = useEdit();
  return (
    <div className="ms-control">
      <label className="ms-toggle">
        <input
          type="checkbox"
          checked={hideSidesUntilMatch}
          onChange={(e) => edit((doc) => setSetting(doc, 'hideSidesUntilMatch', e.target.checked))}
          data-testid="ms-hide-sides"
        />
        {t('controls.hideSides')}
      </label>
      <p className="field__help">{t('controls.hideSidesHelp')}</p>
    </div>
  );
}

/** The projector shows the Top five wall instead of the phase (settings.showTopFive). */
function ShowTopFive() {
  const { showTopFive } = useMs('settings');
  const edit = useEdit();
  return (
    <div className="ms-control">
      <TopFiveWallToggle
        checked={showTopFive}
        onChange={(on) => edit((doc) => setSetting(doc, 'showTopFive', on))}
      />
    </div>
  );
}

function SprintControls() {
  const { t } = useTranslation('matchSprint');
  const { currentSprint } = useMs('settings');
  // A sprint closed before its review leaves the Review tab on the next, empty sprint.
  const reviewed = useMs('reviews').some(
    (r) => r.sprint === currentSprint && (r.done.trim() || r.worked.trim() || r.next.trim()),
  );
  const command = useCommand();
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="ms-control">
      <p>{t('controls.currentSprint', { number: currentSprint })}</p>
      {confirming && !reviewed ? (
        <p className="field__help ms-warning" role="alert" data-testid="ms-close-sprint-unreviewed">
          {t('controls.closeSprintUnreviewed', { number: currentSprint })}
        </p>
      ) : null}
      {confirming ? (
        <div className="button-row">
          <button
            type="button"
            className="button button--small button--primary"
            data-testid="ms-close-sprint-yes"
            onClick={() =>
              void command({ type: 'ms-close-sprint', sprint: currentSprint }).then(() =>
                setConfirming(false),
              )
            }
          >
            {t('controls.closeSprintYes', { number: currentSprint })}
          </button>
          <button
            type="button"
            className="button button--small button--quiet"
            onClick={() => setConfirming(false)}
          >
            {t('controls.cancel')}
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="button button--small"
          data-testid="ms-close-sprint"
          onClick={() => setConfirming(true)}
        >
          {t('controls.closeSprint')}
        </button>
      )}
      <p className="field__help">{t('controls.closeSprintHelp')}</p>
    </div>
  );
}

function Exports() {
  const { t } = useTranslation('matchSprint');
  const lang = currentUiLanguage();
  return (
    <div className="ms-control">
      <p>{t('controls.exports')}</p>
      <div className="button-row">
        <ExportButton
          file={`export.md?lang=${lang}`}
          className="button button--small"
          testId="ms-export-md"
        >
          {t('controls.exportMd')}
        </ExportButton>
        <ExportButton
          file={`export.csv?lang=${lang}`}
          className="button button--small"
          testId="ms-export-csv"
        >
          {t('controls.exportCsv')}
        </ExportButton>
      </div>
    </div>
  );
}
