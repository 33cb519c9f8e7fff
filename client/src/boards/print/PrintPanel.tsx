import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { TFunction } from 'i18next';
import { participantPath } from '../../app/routes.ts';
import { useSession } from '../../app/sessionContext.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { currentUiLanguage } from '../../i18n/index.ts';
import { usePrintStrings } from './strings.ts';
import { useOs } from '../../state/openSpaceStore.ts';
import { useBoardInfo } from '../../state/sessionStore.ts';
import { useTfPoints } from '../../state/topFiveStore.ts';
import { startTopFiveBinding } from '../top-five/binding.ts';
import { AgendaPoster, DoorPosters, JoinPoster, TopFivePosters, type Paper } from './posters.tsx';
import { PollPosters } from './PollPosters.tsx';
import './print.css';

type T = TFunction<'print'>;

// The Top five poster reads the board's points even when no Top five view was opened since
// the page loaded (on Match & Sprint it is a tab: the poster said 'No points yet').
startTopFiveBinding();

/**
 * Posters other features add to the print panel, one line each: the polls' results go
 * here (`render` draws one or more `Sheet`s of the chosen paper).
 */
export interface ExtraPoster {
  id: string;
  label: (t: T) => string;
  render: (paper: Paper, t: T) => ReactNode;
}
export const EXTRA_POSTERS: ExtraPoster[] = [];

/** 'join', 'doors', 'agenda', 'top-five', 'polls', or the id of an EXTRA_POSTERS entry. */
type PosterKind = string;

/** How long a poster may take to draw its QR code before it is printed all the same. */
const READY_WITHIN_MS = 3_000;

/**
 * The facilitator's posters: the join poster, each room's door schedule, the whole agenda,
 * the Top five results (and what features add), on A4 or A3, printed from the browser with
 * print CSS (print.css: one named @page per paper); and the harvest to download. docs/photos.md.
 */
export function PrintPanel() {
  const t = usePrintStrings();
  const info = useBoardInfo();
  const openSpace = info?.kind === 'open-space';
  const [paper, setPaper] = useState<Paper>('a4');
  const [job, setJob] = useState<{ kind: PosterKind; paper: Paper; at: number } | null>(null);
  const id = useId();
  if (!t || !info) return null;
  const lang = currentUiLanguage();
  const kinds: { kind: PosterKind; label: string }[] = [
    { kind: 'join', label: t('posters.join') },
    ...(openSpace
      ? [
          { kind: 'doors', label: t('posters.doors') },
          { kind: 'agenda', label: t('posters.agenda') },
        ]
      : []),
    { kind: 'top-five', label: t('posters.topFive') },
    { kind: 'polls', label: t('posters.polls') },
    ...EXTRA_POSTERS.map((x) => ({ kind: x.id, label: x.label(t) })),
  ];
  return (
    <section className="panel print-panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('heading')}</h2>
      <p className="panel__help">{t('help')}</p>
      <fieldset className="print-panel__paper">
        <legend>{t('paper')}</legend>
        {(['a4', 'a3'] as const).map((p) => (
          <label key={p}>
            <input
              type="radio"
              name={`${id}-paper`}
              value={p}
              checked={paper === p}
              onChange={() => setPaper(p)}
              data-testid={`print-paper-${p}`}
            />{' '}
            {p.toUpperCase()}
          </label>
        ))}
      </fieldset>
      <div className="button-row">
        {kinds.map(({ kind, label }) => (
          <button
            key={kind}
            type="button"
            className="button button--small"
            onClick={() => setJob({ kind, paper, at: Date.now() })}
            data-testid={`print-${kind}`}
          >
            {label}
          </button>
        ))}
      </div>
      <div className="button-row">
        {openSpace ? (
          <ExportButton
            file={`export.html?lang=${lang}`}
            className="button button--small button--quiet"
            testId="print-proceedings"
          >
            {t('proceedings')}
          </ExportButton>
        ) : null}
        <ExportButton
          file={`export.zip?lang=${lang}`}
          className="button button--small button--quiet"
          testId="export-zip"
        >
          {t('harvest')}
        </ExportButton>
      </div>
      {job ? (
        <PrintJob
          key={job.at}
          kind={job.kind}
          paper={job.paper}
          t={t}
          onDone={() => setJob(null)}
        />
      ) : null}
    </section>
  );
}

/** The pages of one print, outside the app (print.css shows only them on paper), then the print dialog. */
function PrintJob({
  kind,
  paper,
  t,
  onDone,
}: {
  kind: PosterKind;
  paper: Paper;
  t: T;
  onDone: () => void;
}) {
  const root = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => {
      const pending = root.current?.querySelector('.qr--pending, img:not([src])');
      if (pending && Date.now() - started < READY_WITHIN_MS) return;
      clearInterval(timer);
      setReady(true);
      window.addEventListener('afterprint', onDone, { once: true });
      window.print();
    }, 50);
    return () => {
      clearInterval(timer);
      window.removeEventListener('afterprint', onDone);
    };
  }, [onDone]);
  return createPortal(
    <div
      className="print-root"
      ref={root}
      data-testid="print-root"
      data-ready={ready ? 'true' : 'false'}
    >
      <Pages kind={kind} paper={paper} t={t} />
    </div>,
    document.body,
  );
}

function Pages({ kind, paper, t }: { kind: PosterKind; paper: Paper; t: T }) {
  const session = useSession();
  const info = useBoardInfo();
  const slots = useOs('slots');
  const spaces = useOs('spaces');
  const topics = useOs('topics');
  const points = useTfPoints();
  const title = info?.title ?? '';
  if (kind === 'join') {
    const url = window.location.origin + participantPath(session.code);
    return <JoinPoster paper={paper} t={t} title={title} code={session.code} url={url} />;
  }
  if (kind === 'doors')
    return <DoorPosters paper={paper} t={t} slots={slots} spaces={spaces} topics={topics} />;
  if (kind === 'agenda')
    return (
      <AgendaPoster
        paper={paper}
        t={t}
        title={title}
        slots={slots}
        spaces={spaces}
        topics={topics}
      />
    );
  if (kind === 'top-five') return <TopFivePosters paper={paper} t={t} points={points} />;
  if (kind === 'polls') return <PollPosters paper={paper} t={t} />;
  return EXTRA_POSTERS.find((x) => x.id === kind)?.render(paper, t) ?? null;
}
