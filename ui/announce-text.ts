// The words a hall says when it calls a ticket: "Талон А пятнадцать, окно три" (or in English
// "Ticket A fifteen, window three"). Pure text, shared by the hall display (browser speech) and
// the server's espeak-ng route, so both say exactly the same thing.

export type AnnounceLang = 'ru' | 'en';

const RU_UNITS = ['', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'];
const RU_TEENS = ['десять', 'одиннадцать', 'двенадцать', 'тринадцать', 'четырнадцать', 'пятнадцать', 'шестнадцать', 'семнадцать', 'восемнадцать', 'девятнадцать'];
const RU_TENS = ['', '', 'двадцать', 'тридцать', 'сорок', 'пятьдесят', 'шестьдесят', 'семьдесят', 'восемьдесят', 'девяносто'];
const RU_HUNDREDS = ['', 'сто', 'двести', 'триста', 'четыреста', 'пятьсот', 'шестьсот', 'семьсот', 'восемьсот', 'девятьсот'];

const EN_UNITS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const EN_TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** 1..999 in Russian words, masculine ("один", "два"), as a ticket or a window number is read. */
function ruBelowThousand(n: number, feminine = false): string[] {
  const words = [RU_HUNDREDS[Math.floor(n / 100)]];
  const rest = n % 100;
  if (rest >= 10 && rest < 20) words.push(RU_TEENS[rest - 10]);
  else {
    words.push(RU_TENS[Math.floor(rest / 10)]);
    const unit = rest % 10;
    words.push(feminine && unit === 1 ? 'одна' : feminine && unit === 2 ? 'две' : RU_UNITS[unit]);
  }
  return words.filter(Boolean);
}

/** 0..999 999 in Russian words (masculine); "тысяча" agrees with its count (одна тысяча, две тысячи, пять тысяч). */
export function ruNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999_999) throw new RangeError(`ruNumber: ${n}`);
  if (n === 0) return 'ноль';
  const thousands = Math.floor(n / 1000);
  const words: string[] = [];
  if (thousands) {
    const last2 = thousands % 100, last = thousands % 10;
    const noun = last2 >= 11 && last2 <= 14 ? 'тысяч' : last === 1 ? 'тысяча' : last >= 2 && last <= 4 ? 'тысячи' : 'тысяч';
    words.push(...ruBelowThousand(thousands, true), noun);
  }
  words.push(...ruBelowThousand(n % 1000));
  return words.join(' ');
}

/** 0..999 999 in English words ("one hundred twenty-one"). */
export function enNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999_999) throw new RangeError(`enNumber: ${n}`);
  if (n === 0) return 'zero';
  const below = (m: number): string[] => {
    const words: string[] = [];
    if (m >= 100) words.push(EN_UNITS[Math.floor(m / 100)], 'hundred');
    const rest = m % 100;
    if (rest >= 10 && rest < 20) words.push(EN_TEENS[rest - 10]);
    else if (rest >= 20) words.push(EN_TENS[Math.floor(rest / 10)] + (rest % 10 ? '-' + EN_UNITS[rest % 10] : ''));
    else if (rest) words.push(EN_UNITS[rest]);
    return words;
  };
  const thousands = Math.floor(n / 1000);
  return [...(thousands ? [...below(thousands), 'thousand'] : []), ...below(n % 1000)].join(' ');
}

/** How Russian reads the letters of a ticket prefix (Cyrillic, and Latin ones the way Russians name them). */
export const RU_LETTER_NAMES: Record<string, string> = {
  А: 'а', Б: 'бэ', В: 'вэ', Г: 'гэ', Д: 'дэ', Е: 'е', Ё: 'ё', Ж: 'жэ', З: 'зэ', И: 'и', Й: 'и краткое',
  К: 'ка', Л: 'эль', М: 'эм', Н: 'эн', О: 'о', П: 'пэ', Р: 'эр', С: 'эс', Т: 'тэ', У: 'у', Ф: 'эф',
  Х: 'ха', Ц: 'цэ', Ч: 'че', Ш: 'ша', Щ: 'ща', Ъ: 'твёрдый знак', Ы: 'ы', Ь: 'мягкий знак', Э: 'э', Ю: 'ю', Я: 'я',
  A: 'а', B: 'бэ', C: 'цэ', D: 'дэ', E: 'е', F: 'эф', G: 'гэ', H: 'аш', I: 'и', J: 'жи', K: 'ка', L: 'эль', M: 'эм',
  N: 'эн', O: 'о', P: 'пэ', Q: 'ку', R: 'эр', S: 'эс', T: 'тэ', U: 'у', V: 'вэ', W: 'дубль-вэ', X: 'икс', Y: 'игрек', Z: 'зэт',
};

/** Cyrillic letters as an English speaker reads their transliteration (Latin letters stay themselves). */
const EN_LETTER_NAMES: Record<string, string> = {
  А: 'A', Б: 'B', В: 'V', Г: 'G', Д: 'D', Е: 'E', Ё: 'Yo', Ж: 'Zh', З: 'Z', И: 'I', Й: 'Y', К: 'K', Л: 'L', М: 'M',
  Н: 'N', О: 'O', П: 'P', Р: 'R', С: 'S', Т: 'T', У: 'U', Ф: 'F', Х: 'Kh', Ц: 'Ts', Ч: 'Ch', Ш: 'Sh', Щ: 'Shch',
  Ы: 'Y', Э: 'E', Ю: 'Yu', Я: 'Ya',
};

/** A letter's spoken name; a one-letter name is written as the capital letter, so a voice says the letter, not a word. */
function letterName(ch: string, lang: AnnounceLang): string {
  const up = ch.toUpperCase();
  if (lang === 'en') return EN_LETTER_NAMES[up] ?? up;
  const name = RU_LETTER_NAMES[up];
  if (!name) return ch;
  return name.length === 1 ? name.toUpperCase() : name;
}

const numberWords = (n: number, lang: AnnounceLang) => (lang === 'ru' ? ruNumber(n) : enNumber(n));

/** Replaces each run of digits by its words ("Кабинет 12" → "Кабинет двенадцать"); leading zeros are not read. */
function spellDigits(text: string, lang: AnnounceLang): string {
  return text.replace(/\d{1,6}/g, (d) => numberWords(Number(d), lang));
}

/** "А015" → "А пятнадцать", "БВ7" → "бэ вэ семь"; anything else is read as written. */
export function ticketWords(number: string, lang: AnnounceLang): string {
  const m = /^\s*(\p{L}{0,4})[\s-]*(\d{1,6})\s*$/u.exec(number);
  if (!m) return spellDigits(number.trim(), lang);
  const letters = [...m[1]].map((ch) => letterName(ch, lang));
  return [...letters, numberWords(Number(m[2]), lang)].join(' ');
}

const WINDOW_WORDS = /^(окно|window)\s*(?:№|no\.?|#)?\s*(\d{1,6})$/iu;

/**
 * The counter as said after the ticket: "Окно 3" → "окно три", a bare "3" → "окно три";
 * any other name is read as written, with its digits in words ("Касса 2" → "Касса два").
 */
export function counterWords(name: string, lang: AnnounceLang): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  const window = lang === 'ru' ? 'окно' : 'window';
  const num = WINDOW_WORDS.exec(trimmed)?.[2] ?? /^№?\s*(\d{1,6})$/.exec(trimmed)?.[1];
  if (num) return `${window} ${numberWords(Number(num), lang)}`;
  return spellDigits(trimmed, lang);
}

/** The whole sentence: "Талон А пятнадцать, окно три" / "Ticket A fifteen, window three". */
export function announcementText(ticketNumber: string, counterName: string, lang: AnnounceLang): string {
  return `${lang === 'ru' ? 'Талон' : 'Ticket'} ${ticketWords(ticketNumber, lang)}, ${counterWords(counterName, lang)}`;
}
