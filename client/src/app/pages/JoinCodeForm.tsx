import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CODE_LENGTH, normalizeCode } from '@twinspace/shared/codes';
import { participantPath } from '../routes.ts';
import { navigate } from '../router.ts';

/** Join by the room code on the wall: any case, spaces and dashes forgiven. */
export function JoinCodeForm() {
  const { t } = useTranslation('landing');
  const ids = { code: useId(), help: useId(), error: useId() };
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState(false);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const code = normalizeCode(value);
    setInvalid(code === null);
    if (code !== null) navigate(participantPath(code));
  };

  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby={`${ids.code}-h`}>
      <h2 id={`${ids.code}-h`}>{t('join.heading')}</h2>
      <div className="field">
        <label htmlFor={ids.code}>{t('join.code')}</label>
        <input
          id={ids.code}
          data-testid="join-code"
          className="code-input"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          // room codes may be typed as "abc-234", so leave room for a separator or two
          maxLength={CODE_LENGTH + 4}
          autoCapitalize="characters"
          autoComplete="off"
          autoCorrect="off"
          spellCheck={false}
          inputMode="text"
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${ids.help} ${ids.error}` : ids.help}
        />
        <p className="field__help" id={ids.help}>
          {t('join.help')}
        </p>
      </div>
      {invalid ? (
        <p className="form-error" id={ids.error} role="alert">
          {t('join.invalid')}
        </p>
      ) : null}
      <button type="submit" className="button button--block" data-testid="join-code-submit">
        {t('join.submit')}
      </button>
    </form>
  );
}
