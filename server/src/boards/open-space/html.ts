import type { BoardInfo } from '@twinspace/shared';
import {
  markedTitle,
  originalDescription,
  slotTitle,
  voteCount,
  type Proceedings,
  type Session,
} from './proceedings.ts';

/** The printable proceedings page: plain HTML, everything escaped, print CSS inline. */
export function toHtml(p: Proceedings, info: BoardInfo): string {
  const agenda = p.sessions
    .map(
      (s) =>
        `<tr><td>${esc(slotTitle(s.slot))}</td><td>${esc(s.space.name)}</td><td>${esc(markedTitle(p, s.topic))}</td><td>${esc(s.topic.convener)}</td></tr>`,
    )
    .join('\n');
  const unscheduled = p.unscheduled.map((t) => `<li>${esc(markedTitle(p, t))}</li>`).join('');
  return `<!doctype html>
<html lang="${esc(p.language ?? p.settings.projectorLanguages[0] ?? 'en')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(info.title)} — proceedings</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${esc(info.title)}</h1><p>Open Space proceedings · board ${esc(info.code)}${p.settings.date ? ` · ${esc(p.settings.date)}` : ''}</p>
<button type="button" class="no-print" onclick="window.print()">Print</button></header>
<main>
<section><h2>Agenda</h2>
${p.sessions.length ? `<table><thead><tr><th scope="col">Time</th><th scope="col">Space</th><th scope="col">Topic</th><th scope="col">Convener</th></tr></thead><tbody>${agenda}</tbody></table>` : '<p>No session was scheduled.</p>'}
</section>
${p.sessions.map((s) => session(p, s)).join('\n')}
${unscheduled ? `<section><h2>Topics not scheduled</h2><ul>${unscheduled}</ul></section>` : ''}
${p.stories.length ? `<section><h2>Story wall</h2>${p.stories.map((s) => `<blockquote>${esc(s.text)}</blockquote>`).join('')}</section>` : ''}
${p.checkIns.length ? `<section><h2>Check-in wall</h2><ul>${p.checkIns.map((c) => `<li>${esc(c.text)}</li>`).join('')}</ul></section>` : ''}
${p.topFive.map(({ group, points }) => `<section><h2>Top five${group ? `: ${esc(group)}` : ''}</h2><ol>${points.map((x) => `<li>${esc(x.text)} (${voteCount(x.voters.length)})</li>`).join('')}</ol></section>`).join('\n')}
</main>
</body>
</html>
`;
}

function session(p: Proceedings, s: Session): string {
  const original = p.originals.get(s.topic.id);
  const originalText = originalDescription(p, s.topic);
  const facts = [
    slotTitle(s.slot),
    s.space.name,
    s.topic.convener && `convened by ${s.topic.convener}`,
  ];
  if (p.showVotes) facts.push(`${s.topic.votes ?? 0} votes`);
  const actions = s.actions
    .map(
      (a) =>
        `<li>${a.done ? '☑' : '☐'} ${esc(a.text)}${a.assignee ? ` — ${esc(a.assignee)}` : ''}${a.due ? ` (due ${esc(a.due)})` : ''}</li>`,
    )
    .join('');
  return `<article class="session">
<h2>${esc(s.topic.title)}</h2>
${original && original.title !== s.topic.title ? `<p class="original">Original${original.language ? ` (${esc(original.language)})` : ''}: <span${original.language ? ` lang="${esc(original.language)}"` : ''}>${esc(original.title)}</span></p>` : ''}
<p class="facts">${facts.filter(Boolean).map(esc).join(' · ')}</p>
${s.topic.description ? `<p>${esc(s.topic.description)}</p>` : ''}
${originalText ? `<p class="original">${esc(originalText)}</p>` : ''}
<h3>Notes</h3>
<div class="notes">${s.notes.trim() ? esc(s.notes) : '<em>No notes were taken.</em>'}</div>
<h3>Action items</h3>
${actions ? `<ul class="actions">${actions}</ul>` : '<p><em>None.</em></p>'}
</article>`;
}

export const esc = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const CSS = `
body { font: 16px/1.5 system-ui, sans-serif; color: #111; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #999; padding: .3rem .5rem; text-align: left; vertical-align: top; }
.notes { white-space: pre-wrap; border-left: 3px solid #ccc; padding-left: .75rem; }
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
