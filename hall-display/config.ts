// The board's configuration from its URL (a hall with several boards opens each with its own
// parameters). A wrong value falls back to the default: a board on a wall must always start.
import type { AnnounceLang } from '../ui/announce-text';
import type { Lang } from '../ui/i18n';

export type Orientation = 'landscape' | 'portrait';

export interface BoardConfig {
  /** null: by the screen's aspect, following resizes. */
  orientation: Orientation | null;
  /** Call rows on screen; null: the layout's default. */
  rows: number | null;
  /** Counter ids this board shows; null: all. */
  counters: Set<number> | null;
  sound: boolean;
  voice: boolean;
  volume: number;
  lang: Lang;
  /** Languages each call is spoken in, in order. */
  voiceLangs: AnnounceLang[];
  /** How long a new or recalled call blinks. */
  blinkMs: number;
}

export const DEFAULT_ROWS: Record<Orientation, number> = { landscape: 4, portrait: 5 };
export const MAX_ROWS = 12;

export function parseConfig(search: string): BoardConfig {
  const q = new URLSearchParams(search);
  const onOff = (name: string, dflt: boolean) => {
    const v = q.get(name);
    return v === 'on' || v === '1' || v === 'true' ? true : v === 'off' || v === '0' || v === 'false' ? false : dflt;
  };
  const num = (name: string, min: number, max: number) => {
    const v = q.get(name);
    const n = v === null || v.trim() === '' ? NaN : Number(v);
    return Number.isFinite(n) && n >= min && n <= max ? n : null;
  };
  const o = q.get('orientation');
  const counters = (q.get('counters') ?? '').split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0);
  const lang: Lang = q.get('lang') === 'en' ? 'en' : 'ru';
  const voiceLangs = (q.get('voiceLang') ?? '').split(',').filter((l): l is AnnounceLang => l === 'ru' || l === 'en');
  const rows = num('rows', 1, MAX_ROWS);
  const blink = num('blink', 0, 30);
  return {
    orientation: o === 'landscape' || o === 'portrait' ? o : null,
    rows: rows === null ? null : Math.round(rows),
    counters: counters.length ? new Set(counters) : null,
    sound: onOff('sound', true),
    voice: onOff('voice', true),
    volume: num('volume', 0, 1) ?? 1,
    lang,
    voiceLangs: voiceLangs.length ? [...new Set(voiceLangs)] : [lang],
    blinkMs: (blink ?? 5) * 1000,
  };
}
