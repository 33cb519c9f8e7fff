import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CARD_KINDS, type CardKind } from '@twinspace/shared/boards/match-sprint/layout';
import { addMsCard } from '@twinspace/shared/boards/match-sprint/write';
import { WritingLanguage } from '../common/WritingLanguage.tsx';
import { useWritingLanguage } from '../common/writingLanguage.ts';
import { useMs } from '../../state/matchSprintStore.ts';
import { useEdit, useThemeLabels } from './hooks.ts';

const TITLE_MAX = 120;

/** Adds a card to the author's city side: pick a kind, write a title, tick themes. */
export function AddMsCard({ city }: { city: string }) {
  const { t } = useTranslation('matchSprint');
  const themes = useMs('themes');
  const label = useThemeLabels();
  const edit = useEdit();
  const ids = { title: useId(), text: useId() };
  const [kind, setKind] = useState<CardKind>('potential');
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [language, setLanguage] = useWritingLanguage();

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!title.trim()) return;
    const card = {
      city,
      kind,
      title,
      description: text,
      themes: picked,
      language,
    };
    if (!edit((doc, owner) => addMsCard(doc, owner, card))) return;
    setTitle('');
    setText('');
    setPicked([]);
  };
  const toggle = (id: string): void =>
    setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id].slice(0, 10)));

  return (
    <form className="ms-add panel" onSubmit={submit} data-testid="ms-add-card">
      <h3>{t('add.heading', { city })}</h3>
      <fieldset className="ms-kinds">
        <legend>{t('add.kind')}</legend>
        {CARD_KINDS.map((k) => (
          <label key={k} className={`ms-kind-option${k === kind ? ' is-on' : ''}`}>
            <input
              type="radio"
              name="ms-kind"
              value={k}
              checked={k === kind}
              onChange={() => setKind(k)}
            />
            {t(`kinds.${k}`)}
          </label>
        ))}
      </fieldset>
      <p className="field__help">{t(`kindHelp.${kind}`)}</p>
      <div className="field">
        <label htmlFor={ids.title}>{t('add.title')}</label>
        <input
          id={ids.title}
          data-testid="ms-card-title"
          value={title}
          maxLength={TITLE_MAX}
          onChange={(e) => setTitle(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.text}>{t('add.description')}</label>
        <textarea
          id={ids.text}
          rows={2}
          maxLength={1000}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      {themes.length > 0 ? (
        <fieldset className="ms-theme-picker">
          <legend>{t('add.themes')}</legend>
          {themes.map((theme) => (
            <label
              key={theme.id}
              className={`ms-theme-option${picked.includes(theme.id) ? ' is-on' : ''}`}
            >
              <input
                type="checkbox"
                checked={picked.includes(theme.id)}
                onChange={() => toggle(theme.id)}
              />
              {label(theme.id)}
            </label>
          ))}
        </fieldset>
      ) : null}
      <div className="ms-add__row">
        <WritingLanguage value={language} onChange={setLanguage} />
        <button type="submit" className="button button--primary" disabled={!title.trim()}>
          {t('add.submit')}
        </button>
      </div>
    </form>
  );
}
