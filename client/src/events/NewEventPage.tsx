import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateEventResponse } from '@twinspace/shared/events/types';
import { Page } from '../app/AppHeader.tsx';
import { navigate } from '../app/router.ts';
import { CopyLink } from '../components/CopyLink.tsx';
import { Loading } from '../components/Loading.tsx';
import { showReached } from './reached.ts';
import { createEvent, EventApiError, type EventFailure } from './api.ts';
import { useEventStrings } from './strings.ts';
import './events.css';

/** /events/new: an event's title; then its three links, the console's marked secret. */
export default function NewEventPage() {
  const ready = useEventStrings();
  const { t } = useTranslation('events');
  const ids = { title: useId(), error: useId() };
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<EventFailure | 'title-required' | null>(null);
  const [created, setCreated] = useState<CreateEventResponse | null>(null);
  // No socket on this page: the header's connection badge says whether the server answers.
  useEffect(() => {
    fetch('/healthz', { cache: 'no-store' }).then(
      (r) => showReached(r.ok),
      () => showReached(false),
    );
  }, []);
  if (!ready) return <Loading />;

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    if (!title.trim()) return setProblem('title-required');
    setBusy(true);
    setProblem(null);
    try {
      setCreated(await createEvent(title.trim()));
    } catch (error) {
      setProblem(error instanceof EventApiError ? error.kind : 'network');
    }
    setBusy(false);
  };

  return (
    <Page className="page--event">
      {created ? (
        <section className="panel panel--success" aria-labelledby="event-created">
          <h1 id="event-created">{t('create.created', { title: created.title })}</h1>
          <CopyLink label={t('create.pageLink')} url={created.url} testId="event-url" />
          <CopyLink
            label={t('create.projectorLink')}
            url={created.projectorUrl}
            testId="event-projector-url"
          />
          <CopyLink
            label={t('create.consoleLink')}
            url={created.facilitatorUrl}
            testId="event-console-url"
            secretHint={t('create.consoleSecret')}
          />
          <button
            type="button"
            className="button button--primary"
            onClick={() => navigate(created.facilitatorUrl)}
          >
            {t('create.openConsole')}
          </button>
        </section>
      ) : (
        <form
          className="panel"
          onSubmit={(e) => void submit(e)}
          noValidate
          aria-labelledby="event-new-h"
        >
          <h1 id="event-new-h">{t('create.heading')}</h1>
          <p className="lead">{t('create.lead')}</p>
          <div className="field">
            <label htmlFor={ids.title}>{t('create.title')}</label>
            <input
              id={ids.title}
              data-testid="event-create-title"
              value={title}
              maxLength={200}
              onChange={(e) => setTitle(e.target.value)}
              aria-invalid={problem !== null || undefined}
              aria-describedby={problem ? ids.error : undefined}
            />
          </div>
          {problem ? (
            <p className="form-error" id={ids.error} role="alert">
              {t(`create.errors.${problem}`)}
            </p>
          ) : null}
          <button
            type="submit"
            className="button button--primary button--block"
            data-testid="event-create-submit"
            aria-busy={busy}
          >
            {t('create.submit')}
          </button>
        </form>
      )}
    </Page>
  );
}
