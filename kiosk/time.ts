// Times as the hall reads them: in the hall's zone, in the kiosk's language.
import { lang } from '../ui/i18n.ts';

export function hallTime(iso: string, timeZone?: string): string {
  const d = new Date(iso);
  const sameDay = new Date().toDateString() === d.toDateString();
  return new Intl.DateTimeFormat(lang.value === 'en' ? 'en-GB' : 'ru-RU', {
    timeZone, hour: '2-digit', minute: '2-digit', ...(sameDay ? {} : { day: 'numeric', month: 'long' }),
  }).format(d);
}
