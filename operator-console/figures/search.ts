// What a supervisor types in the number search, read as a ticket number and a hall day:
// "А015" (today), "А015 вчера", "а15 14.03", "A015 2026-03-14". The server reads the number itself
// (look-alike Latin letters, missing zeros); this finds the day. Pure, so it is tested alone.
import { addDays, isCalendarDay } from '../../server/engine/calendar';

export interface TicketQuery { number: string; day: string }

/** The day a word names, relative to `today` ('YYYY-MM-DD' in the hall's zone); null when it names none. */
function dayOf(word: string, today: string): string | null {
  const w = word.toLowerCase();
  if (w === 'сегодня' || w === 'today') return today;
  if (w === 'вчера' || w === 'yesterday') return addDays(today, -1);
  if (/^\d{4}-\d{2}-\d{2}$/.test(w)) return validDay(w);
  const m = /^(\d{1,2})[./](\d{1,2})(?:[./](\d{2}|\d{4}))?$/.exec(w);
  if (!m) return null;
  const year = m[3] ? (m[3].length === 2 ? `20${m[3]}` : m[3]) : today.slice(0, 4);
  const day = validDay(`${year}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`);
  // "14.03" without a year is the last 14 March, not one to come
  return day && !m[3] && day > today ? validDay(`${Number(year) - 1}${day.slice(4)}`) : day;
}

const validDay = (d: string): string | null => (isCalendarDay(d) ? d : null);

/** Reads "А015 вчера"; null when there is no ticket number in it. Digits are kept as typed
 * (А15 is А015): the number is the letters and the sequence padded to three digits. */
export function parseTicketQuery(text: string, today: string): TicketQuery | null {
  const words = text.trim().split(/\s+/).filter(Boolean);
  let number: string | null = null;
  let day = today;
  for (const w of words) {
    const d = dayOf(w, today);
    if (d) { day = d; continue; }
    const m = /^(\p{L}{0,4})[-\s]?(\d{1,6})$/u.exec(w);
    if (!m || number) return null;
    number = m[1].toUpperCase() + m[2].padStart(3, '0');
  }
  return number ? { number, day } : null;
}
