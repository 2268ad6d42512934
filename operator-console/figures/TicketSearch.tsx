// The number search in the header of the live hall and the reports: "А015" finds today's
// ticket, "А015 вчера" or "А015 14.03" another day's; one hit opens its history at once.
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { hallDay } from '../../server/engine/numbering';
import { findTickets, type FoundTicket } from './api';
import { serverNow } from '../shell/clock';
import { calendarDay, clockTime } from './format';
import { parseTicketQuery } from './search';
import { statusText, t } from './strings';

/** The box in the header; `base` is the area's path (/console/hall), where results open. */
export function TicketSearch({ base }: { base: string }) {
  const { route, path, query } = useLocation();
  const [text, setText] = useState(path === `${base}/search` ? query.q ?? '' : '');
  return (
    <form class="ticket-search" role="search" onSubmit={(e) => { e.preventDefault(); if (text.trim()) route(`${base}/search?q=${encodeURIComponent(text.trim())}`); }}>
      <label class="sr-only" for="ticket-search">{t('search')}</label>
      <input id="ticket-search" name="q" type="search" value={text} placeholder={`${t('search')}: ${t('searchPlaceholder')}`} title={t('searchHint')}
        autocomplete="off" onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)} />
      <button type="submit" class="plain">{t('searchGo')}</button>
    </form>
  );
}

/** The tickets a query names; one hit goes straight to its history (replacing the search in the history). */
export function SearchResults({ q, base, tz }: { q: string; base: string; tz: string }) {
  const { route } = useLocation();
  const [found, setFound] = useState<FoundTicket[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const parsed = parseTicketQuery(q, hallDay(serverNow(), tz));
  useEffect(() => {
    setFound(null);
    setError(null);
    if (!parsed) return;
    let live = true;
    // The server reads the number (А15 is А015; a Latin look-alike letter finds the Cyrillic one).
    findTickets(parsed.number, parsed.day).then((list) => {
      if (!live) return;
      if (list.length === 1) route(`${base}/ticket/${list[0].id}`, true);
      else setFound(list);
    }, (e) => { if (live) setError((e as Error).message); });
    return () => { live = false; };
  }, [q, parsed?.day]);
  return (
    <section class="search-results" data-testid="search-results">
      <h1>{t('searchTitle', { q })}</h1>
      {!parsed && <p class="hint">{t('searchHint')}</p>}
      {parsed && <p class="hint">{t('searchDay')}: {calendarDay(parsed.day)}</p>}
      {error && <p class="message error" role="alert">{error}</p>}
      {found && !found.length && <p class="message info" data-testid="search-none">{t('searchNone')}</p>}
      {found && found.length > 1 && (
        <ul class="found">
          {found.map((f) => (
            <li key={f.id}><a href={`${base}/ticket/${f.id}`} data-ticket={f.id}><strong>{f.number}</strong> {f.serviceName} · {clockTime(f.issuedAt, tz)} · {statusText(f.status)}</a></li>
          ))}
        </ul>
      )}
    </section>
  );
}
