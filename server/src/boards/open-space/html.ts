import type { BoardInfo } from '@twinspace/shared';
import { escapeHtml as esc } from '../../exports/html.ts';
import type { ExportKey } from '../../exports/strings.ts';
import {
  markedTitle,
  originalLabel,
  originalDescription,
  sessionFacts,
  slotTitle,
  subtitle,
  voteCount,
  type Proceedings,
  type Session,
} from './proceedings.ts';

/** The printable proceedings page: plain HTML, everything escaped, print CSS inline. */
export function toHtml(p: Proceedings, info: BoardInfo, plenary = ''): string {
  const t = (key: ExportKey): string => esc(p.t(key));
  const columns = COLUMNS.map((c) => `<th scope="col">${t(`openSpace.columns.${c}`)}</th>`).join(
    '',
  );
  const agenda = p.sessions
    .map(
      (s) =>
        `<tr><td>${esc(slotTitle(s.slot))}</td><td>${esc(s.space.name)}</td><td>${esc(markedTitle(p, s.topic))}</td><td>${esc(s.topic.convener)}</td></tr>`,
    )
    .join('\n');
  const unscheduled = p.unscheduled.map((x) => `<li>${esc(markedTitle(p, x))}</li>`).join('');
  return `<!doctype html>
<html lang="${esc(p.language ?? p.settings.projectorLanguages[0] ?? 'en')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(p.t('openSpace.pageTitle', { board: info.title }))}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${esc(info.title)}</h1><p>${esc(subtitle(p, info))}</p>
<button type="button" class="no-print" onclick="window.print()">${t('openSpace.print')}</button></header>
<main>
<section><h2>${t('openSpace.agenda')}</h2>
${p.sessions.length ? `<table><thead><tr>${columns}</tr></thead><tbody>${agenda}</tbody></table>` : `<p>${t('openSpace.noSessions')}</p>`}
</section>
${p.sessions.map((s) => session(p, s)).join('\n')}
${unscheduled ? `<section><h2>${t('openSpace.unscheduled')}</h2><ul>${unscheduled}</ul></section>` : ''}
${p.stories.length ? `<section><h2>${t('openSpace.stories')}</h2>${p.stories.map((s) => `<blockquote>${esc(s.text)}</blockquote>`).join('')}</section>` : ''}
${p.checkIns.length ? `<section><h2>${t('openSpace.checkIns')}</h2><ul>${p.checkIns.map((c) => `<li>${esc(c.text)}</li>`).join('')}</ul></section>` : ''}
${p.topFive.map(({ group, points }) => `<section><h2>${t('topFive')}${group ? `: ${esc(group)}` : ''}</h2><ol>${points.map((x) => `<li>${esc(x.text)} (${esc(voteCount(p, x.voters.length))})</li>`).join('')}</ol></section>`).join('\n')}
${plenary}
</main>
</body>
</html>
`;
}

function session(p: Proceedings, s: Session): string {
  const t = (key: ExportKey): string => esc(p.t(key));
  const original = p.originals.get(s.topic.id);
  const originalText = originalDescription(p, s.topic);
  const actions = s.actions
    .map(
      (a) =>
        `<li>${a.done ? '☑' : '☐'} ${esc(a.text)}${a.assignee ? ` — ${esc(a.assignee)}` : ''}${a.due ? ` (${esc(p.t('openSpace.due', { date: a.due }))})` : ''}</li>`,
    )
    .join('');
  const lang = original?.language ? ` lang="${esc(original.language)}"` : '';
  return `<article class="session">
<h2>${esc(s.topic.title)}</h2>
${original && original.title !== s.topic.title ? `<p class="original">${esc(originalLabel(p, original.language))}: <span${lang}>${esc(original.title)}</span></p>` : ''}
<p class="facts">${sessionFacts(p, s).map(esc).join(' · ')}</p>
${s.topic.description ? `<p class="text">${esc(s.topic.description)}</p>` : ''}
${originalText ? `<p class="original">${esc(originalText)}</p>` : ''}
<h3>${t('openSpace.notes')}</h3>
<div class="text notes">${s.notes.trim() ? esc(s.notes) : `<em>${t('openSpace.noNotes')}</em>`}</div>
<h3>${t('openSpace.actions')}</h3>
${actions ? `<ul class="actions">${actions}</ul>` : `<p><em>${t('openSpace.noActions')}</em></p>`}
</article>`;
}

const COLUMNS = ['time', 'space', 'topic', 'convener'] as const;

const CSS = `
body { font: 16px/1.5 system-ui, sans-serif; color: #111; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #999; padding: .3rem .5rem; text-align: left; vertical-align: top; }
/* A description and notes keep the line breaks they were typed with. */
.text { white-space: pre-wrap; }
.notes { border-left: 3px solid #ccc; padding-left: .75rem; }
.facts { color: #444; }
.original { color: #444; font-style: italic; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  .no-print { display: none; }
  .session { break-before: page; }
  a { color: inherit; text-decoration: none; }
  h2, h3 { break-after: avoid; }
}
`;
