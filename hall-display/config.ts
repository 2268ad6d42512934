// The board's configuration: from its URL (a hall with several boards opens each with its own
// parameters) over the administration's settings for the board named by `?board=` over the
// defaults. A wrong URL value falls back: a board on a wall must always start.
import type { BoardProfile } from '../server/protocol';
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

/** The board's name in the administration's settings (`?board=entrance`), or null. */
export const boardName = (search: string) => new URLSearchParams(search).get('board');

export function parseConfig(search: string, profile: BoardProfile = {}): BoardConfig {
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
  const listed = (q.get('counters') ?? '').split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0);
  const counters = listed.length ? listed : profile.counters ?? [];
  const langParam = q.get('lang');
  const lang: Lang = langParam === 'en' || langParam === 'ru' ? langParam : profile.lang ?? 'ru';
  const listedLangs = (q.get('voiceLang') ?? '').split(',').filter((l): l is AnnounceLang => l === 'ru' || l === 'en');
  const voiceLangs = listedLangs.length ? listedLangs : profile.voiceLangs ?? [];
  const rows = num('rows', 1, MAX_ROWS) ?? profile.rows ?? null;
  const blink = num('blink', 0, 30) ?? profile.blinkSec ?? 5;
  return {
    orientation: o === 'landscape' || o === 'portrait' ? o : profile.orientation ?? null,
    rows: rows === null ? null : Math.round(rows),
    counters: counters.length ? new Set(counters) : null,
    sound: onOff('sound', profile.sound ?? true),
    voice: onOff('voice', profile.voice ?? true),
    volume: num('volume', 0, 1) ?? profile.volume ?? 1,
    lang,
    voiceLangs: voiceLangs.length ? [...new Set(voiceLangs)] : [lang],
    blinkMs: blink * 1000,
  };
}
