import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CarryRuleName } from '@twinspace/shared/events/carry';
import type { CarryResult, CarrySource, EventInfo } from '@twinspace/shared/events/types';
import { carryForward, fetchCarrySources } from './api.ts';

type Outcome = { ok: true; result: CarryResult } | { ok: false } | null;

/**
 * Carry forward (docs/events.md): pick a source board, what to take from it (by rule: cards,
 * action items, open tasks, next steps) and the board it goes to. The server copies each
 * item once, with its author and the source board's title.
 */
export function CarryPanel({ info, token }: { info: EventInfo; token: string }) {
  const { t } = useTranslation('events');
  const ids = { from: useId(), to: useId() };
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [sources, setSources] = useState<CarrySource[]>([]);
  const [chosen, setChosen] = useState<Record<string, string[]>>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  // Asked again after each carry, so that what the target holds now shows as such.
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    if (!from) return;
    let live = true;
    fetchCarrySources(info.code, token, from, to).then(
      (found) => live && setSources(found),
      () => live && setOutcome({ ok: false }),
    );
    return () => {
      live = false;
    };
  }, [info.code, token, from, to, asked]);
  if (info.boards.length < 2) return null;
  const targetKind = info.boards.find((b) => b.code === to)?.kind;
  const toggle = (rule: string, id: string): void =>
    setChosen((c) => {
      const now = c[rule] ?? [];
      return { ...c, [rule]: now.includes(id) ? now.filter((x) => x !== id) : [...now, id] };
    });
  const carry = async (rule: string): Promise<void> => {
    const items = chosen[rule] ?? [];
    if (!to || items.length === 0) return;
    try {
      const result = await carryForward(info.code, token, { from, to, rule, items });
      setOutcome({ ok: true, result });
      setChosen((c) => ({ ...c, [rule]: [] }));
      setAsked((n) => n + 1);
    } catch {
      setOutcome({ ok: false });
    }
  };
  return (
    <section className="panel event-carry" aria-labelledby="event-carry-h">
      <h2 id="event-carry-h">{t('carry.heading')}</h2>
      <p className="panel__help">{t('carry.help')}</p>
      <div className="event-carry__boards">
        <div className="field">
          <label htmlFor={ids.from}>{t('carry.from')}</label>
          <select
            id={ids.from}
            value={from}
            onChange={(e) => {
              if (e.target.value === from) return;
              setFrom(e.target.value);
              setSources([]);
              setChosen({});
            }}
            data-testid="carry-from"
          >
            <option value="">{t('carry.pick')}</option>
            {info.boards.map((b) => (
              <option key={b.code} value={b.code}>
                {b.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.to}>{t('carry.to')}</label>
          <select
            id={ids.to}
            value={to}
            onChange={(e) => {
              setTo(e.target.value);
              setChosen({});
            }}
            data-testid="carry-to"
          >
            <option value="">{t('carry.pick')}</option>
            {info.boards
              .filter((b) => b.code !== from)
              .map((b) => (
                <option key={b.code} value={b.code}>
                  {b.title}
                </option>
              ))}
          </select>
        </div>
      </div>
      {sources.map((source) => (
        <fieldset
          key={source.rule}
          className="event-carry__rule"
          disabled={targetKind !== source.into}
        >
          <legend>{t(`carry.rules.${source.rule as CarryRuleName}`)}</legend>
          {source.items.length === 0 ? <p className="panel__help">{t('carry.nothing')}</p> : null}
          <ul className="event-carry__items">
            {source.items.map((item) => (
              <li key={item.id} data-carried={item.carried ? 'true' : undefined}>
                <label>
                  <input
                    type="checkbox"
                    checked={item.carried || (chosen[source.rule] ?? []).includes(item.id)}
                    disabled={item.carried}
                    onChange={() => toggle(source.rule, item.id)}
                    data-testid="carry-item"
                  />{' '}
                  {item.title}
                  <span className="event-carry__meta">
                    {[item.group, item.author, item.carried ? t('carry.already') : '']
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </label>
              </li>
            ))}
          </ul>
          {source.items.length === 0 ? null : (
            <button
              type="button"
              className="button button--primary button--small"
              disabled={!to || (chosen[source.rule] ?? []).length === 0}
              onClick={() => void carry(source.rule)}
              data-testid="carry-submit"
            >
              {t('carry.submit', { count: (chosen[source.rule] ?? []).length })}
            </button>
          )}
        </fieldset>
      ))}
      <p role="status" className="event-carry__outcome" data-testid="carry-outcome">
        {outcome?.ok
          ? t('carry.done', {
              copied: outcome.result.copied.length,
              skipped: outcome.result.skipped.length,
            })
          : outcome
            ? t('console.failed')
            : ''}
      </p>
    </section>
  );
}
