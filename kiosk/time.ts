// Times as the hall reads them: in the hall's zone, in the kiosk's language; the date only
// when it is not today in the hall.
import { lang } from '../ui/i18n.ts';

export function hallTime(iso: string, timeZone?: string): string {
  const locale = lang.value === 'en' ? 'en-GB' : 'ru-RU';
  const day = (d: Date) => d.toLocaleDateString('en-CA', { timeZone });
  const d = new Date(iso);
  const today = day(d) === day(new Date());
  return new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', ...(today ? {} : { day: 'numeric', month: 'long' }) }).format(d);
}
