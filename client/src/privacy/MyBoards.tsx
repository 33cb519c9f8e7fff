import { useEffect, useId, useMemo, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import './privacy.css';
import { loadPrivacyStrings } from './strings.ts';
import type { CreateBoardResponse } from '@twinspace/shared/protocol';
import { Link } from '../app/Link.tsx';
import { eventConsolePath, facilitatorPath } from '../app/routes.ts';
import { CopyLink } from '../components/CopyLink.tsx';
import { exportFile, listMine, readFile, rememberMine, withCreated } from './myBoards.ts';
import { makeTransferLink, takeTransfer } from './transfer.ts';

/** The page shows this once its strings are here (loaded with this chunk). */
export const stringsLoaded = loadPrivacyStrings();

/** Saves text as a file the browser downloads. */
function saveAs(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000); // some browsers read it after click()
}

/**
 * The landing page's list of this device's boards (privacy/myBoards.ts): each opens its
 * console; the whole list goes to another laptop as a file, which says it is secret.
 */
export function MyBoards({ created }: { created: CreateBoardResponse | null }) {
  const { t } = useTranslation('privacy');
  const fileId = useId();
  // Bumped whenever this component changes the stored list, to read it again.
  const [version, setVersion] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` says the storage changed
  const entries = useMemo(() => withCreated(listMine(), created), [created, version]);
  const [message, setMessage] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const take = (text: string | null): void => {
    const read = text === null ? null : readFile(text);
    if (!read) return setMessage(t('myBoards.importFailed'));
    rememberMine(read);
    setVersion((v) => v + 1);
    setMessage(t('myBoards.imported', { n: read.length }));
  };
  // Opened with a one-time link from another laptop: take its list once.
  useEffect(() => {
    void takeTransfer().then((text) => text !== undefined && take(text));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on the link's arrival
  }, []);

  const load = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    take(file.size < 1_000_000 ? await file.text() : null);
  };
  const makeLink = async (): Promise<void> => {
    const made = await makeTransferLink(exportFile(entries));
    setLink(made);
    if (!made) setMessage(t('myBoards.linkFailed'));
  };

  return (
    <section className="panel my-boards" aria-labelledby="my-boards-h" data-testid="my-boards">
      <h2 id="my-boards-h">{t('myBoards.heading')}</h2>
      {entries.length === 0 ? (
        <p className="panel__help">{t('myBoards.empty')}</p>
      ) : (
        <ul className="my-boards__list">
          {entries.map((entry) => (
            <li key={`${entry.type}:${entry.code}`}>
              {entry.type === 'board' ? (
                <Link href={facilitatorPath(entry.code)}>{entry.title}</Link>
              ) : (
                <Link href={eventConsolePath(entry.code)}>
                  {t('myBoards.event')}: {entry.title}
                </Link>
              )}{' '}
              <span className="room-code">{entry.code}</span>
            </li>
          ))}
        </ul>
      )}
      {entries.length > 0 ? (
        <>
          <p className="panel__warning">{t('myBoards.exportWarning')}</p>
          <button
            type="button"
            className="button"
            data-testid="my-boards-export"
            onClick={() => saveAs(exportFile(entries), 'twinspace-boards.json')}
          >
            {t('myBoards.export')}
          </button>{' '}
          <button type="button" className="button" onClick={() => void makeLink()}>
            {t('myBoards.link')}
          </button>
          {link ? (
            <CopyLink
              label={t('myBoards.linkLabel')}
              url={link}
              testId="my-boards-link"
              secretHint={t('myBoards.linkHint')}
            />
          ) : null}
        </>
      ) : null}
      <p>
        <label htmlFor={fileId}>{t('myBoards.import')}</label>
        <input
          id={fileId}
          type="file"
          accept="application/json,.json"
          data-testid="my-boards-import"
          onChange={(event) => void load(event)}
        />
      </p>
      <p role="status" aria-live="polite">
        {message}
      </p>
    </section>
  );
}
