import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { OS_ROOT } from '@twinspace/shared/boards/open-space/layout';
import type { Contact } from '@twinspace/shared/boards/open-space/read';
import { useOs } from '../../state/openSpaceStore.ts';
import { useJoinedAs, useParticipantId } from '../../state/sessionStore.ts';
import {
  deleteEntity,
  saveContact,
  type ContactFields,
} from '@twinspace/shared/boards/open-space/write';
import { useEdit } from './hooks.ts';

const FIELDS = ['name', 'organisation', 'email', 'phone', 'city', 'about'] as const;

/**
 * The opt-in contact book: nobody is in it until they add themselves, and they share only
 * the fields they fill in; they can change or remove their entry at any time.
 */
export function ContactBook() {
  const { t } = useTranslation('openSpace');
  const contacts = useOs('contacts');
  const me = useParticipantId();
  const mine = contacts.find((c) => c.id === me);
  const [editing, setEditing] = useState(false);
  return (
    <section className="os-contacts" data-testid="contact-book">
      <h3>{t('contacts.heading')}</h3>
      <p className="os-help">{t('contacts.help')}</p>
      {editing ? (
        <ContactForm mine={mine} onDone={() => setEditing(false)} />
      ) : (
        <button
          type="button"
          className="button"
          onClick={() => setEditing(true)}
          data-testid="contact-edit"
        >
          {mine ? t('contacts.editMine') : t('contacts.addMe')}
        </button>
      )}
      <ul className="os-contacts__list">
        {contacts.map((c) => (
          <li key={c.id} className="os-contact">
            <strong>{c.name}</strong>
            {c.organisation ? <span> · {c.organisation}</span> : null}
            {c.city ? <span> · {c.city}</span> : null}
            {c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : null}
            {c.phone ? <a href={`tel:${c.phone}`}>{c.phone}</a> : null}
            {c.about ? <p>{c.about}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ContactForm({ mine, onDone }: { mine: Contact | undefined; onDone: () => void }) {
  const { t } = useTranslation('openSpace');
  const edit = useEdit();
  const joined = useJoinedAs();
  const id = useId();
  const [fields, setFields] = useState<ContactFields>({
    name: mine?.name ?? joined.name ?? '',
    organisation: mine?.organisation ?? '',
    email: mine?.email ?? '',
    phone: mine?.phone ?? '',
    city: mine?.city ?? joined.city ?? '',
    about: mine?.about ?? '',
  });
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!fields.name.trim()) return;
    edit((doc, owner) => saveContact(doc, owner, fields));
    onDone();
  };
  return (
    <form className="os-form" onSubmit={submit}>
      {FIELDS.map((f) => (
        <div className="field" key={f}>
          <label htmlFor={`${id}-${f}`}>{t(`contacts.fields.${f}`)}</label>
          <input
            id={`${id}-${f}`}
            value={fields[f]}
            required={f === 'name'}
            type={f === 'email' ? 'email' : f === 'phone' ? 'tel' : 'text'}
            onChange={(e) => setFields({ ...fields, [f]: e.target.value })}
          />
        </div>
      ))}
      <div className="button-row">
        <button type="submit" className="button button--primary">
          {t('contacts.save')}
        </button>
        {mine ? (
          <button
            type="button"
            className="button button--danger-quiet"
            onClick={() => {
              edit((doc, owner) => deleteEntity(doc, OS_ROOT.contacts, owner));
              onDone();
            }}
          >
            {t('contacts.remove')}
          </button>
        ) : null}
        <button type="button" className="button button--quiet" onClick={onDone}>
          {t('topic.cancel')}
        </button>
      </div>
    </form>
  );
}
