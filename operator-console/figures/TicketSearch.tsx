// The number search in the header of the live hall and the reports: "А015" finds today's
// ticket, "А015 вчера" or "А015 14.03" another day's; one hit opens its history at once.
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { pick } from '../../ui/i18n';
import type { ServiceView } from '../../server/protocol';
import { findTickets, getServices, type FoundTicket } from './api';
import { now } from './clock';
import { calendarDay, clockTime } from './format';
import { hallToday } from './hall-zone';
import { cyrillicLookalike, parseTicketQuery } from './search';
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
  const [services, setServices] = useState<ServiceView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const parsed = parseTicketQuery(q, hallToday(now.value, tz));
  useEffect(() => { getServices().then(setServices, () => undefined); }, []);
  useEffect(() => {
    setFound(null);
    setError(null);
    if (!parsed) return;
    let live = true;
    (async () => {
      let list = await findTickets(parsed.number, parsed.day);
      const alt = cyrillicLookalike(parsed.number);
      if (!list.length && alt) list = await findTickets(alt, parsed.day);
      if (!live) return;
      if (list.length === 1) route(`${base}/ticket/${list[0].id}`, true);
      else setFound(list);
    })().catch((e) => { if (live) setError((e as Error).message); });
    return () => { live = false; };
  }, [q, parsed?.day]);
  const name = (id: number) => { const s = services.find((x) => x.id === id); return s ? pick(s.name, s.nameEn) : ''; };
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
            <li key={f.id}><a href={`${base}/ticket/${f.id}`} data-ticket={f.id}><strong>{f.number}</strong> {name(f.serviceId)} · {clockTime(f.issuedAt, tz)} · {statusText(f.status)}</a></li>
          ))}
        </ul>
      )}
    </section>
  );
}
