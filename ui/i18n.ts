// One i18n mechanism for all screens: each screen passes its own table of
// { key: { ru, en } }; Russian is the default language, English sits beside it.
import { signal } from '@preact/signals';

export type Lang = 'ru' | 'en';
export type Table = Record<string, { ru: string; en: string }>;

export const lang = signal<Lang>('ru');

/** Returns a translator for `table`: t('key', {n: 3}) fills `{n}` placeholders. */
export function makeT<T extends Table>(table: T) {
  return (key: keyof T & string, vars?: Record<string, string | number>): string => {
    const entry = table[key];
    let s = entry ? entry[lang.value] : key;
    if (vars) for (const [k, v] of Object.entries(vars)) s = s.split(`{${k}}`).join(String(v));
    return s;
  };
}

/** Picks the English field of a bilingual record when English is on and the field is set. */
export function pick(ru: string, en: string | null | undefined): string {
  return lang.value === 'en' && en ? en : ru;
}
