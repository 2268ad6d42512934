// The Russian (and English) words of a call announcement.
import { describe, expect, it } from 'vitest';
import { announcementText, counterWords, enNumber, ruNumber, ticketWords, RU_LETTER_NAMES } from '../../ui/announce-text';

// An independent reading of Russian number words: each word has a value, the values add up.
const VALUE: Record<string, number> = {
  один: 1, два: 2, три: 3, четыре: 4, пять: 5, шесть: 6, семь: 7, восемь: 8, девять: 9,
  десять: 10, одиннадцать: 11, двенадцать: 12, тринадцать: 13, четырнадцать: 14, пятнадцать: 15,
  шестнадцать: 16, семнадцать: 17, восемнадцать: 18, девятнадцать: 19,
  двадцать: 20, тридцать: 30, сорок: 40, пятьдесят: 50, шестьдесят: 60, семьдесят: 70, восемьдесят: 80, девяносто: 90,
  сто: 100, двести: 200, триста: 300, четыреста: 400, пятьсот: 500, шестьсот: 600, семьсот: 700, восемьсот: 800, девятьсот: 900,
};

describe('Russian numbers 1–999', () => {
  it('reads known numbers', () => {
    expect(ruNumber(1)).toBe('один');
    expect(ruNumber(2)).toBe('два');
    expect(ruNumber(11)).toBe('одиннадцать');
    expect(ruNumber(15)).toBe('пятнадцать');
    expect(ruNumber(20)).toBe('двадцать');
    expect(ruNumber(40)).toBe('сорок');
    expect(ruNumber(90)).toBe('девяносто');
    expect(ruNumber(100)).toBe('сто');
    expect(ruNumber(101)).toBe('сто один');
    expect(ruNumber(112)).toBe('сто двенадцать');
    expect(ruNumber(121)).toBe('сто двадцать один');
    expect(ruNumber(200)).toBe('двести');
    expect(ruNumber(342)).toBe('триста сорок два');
    expect(ruNumber(999)).toBe('девятьсот девяносто девять');
  });

  it('follows the rules over the whole range', () => {
    const seen = new Set<string>();
    for (let n = 1; n <= 999; n++) {
      const words = ruNumber(n).split(' ');
      // Every word is a known number word, in descending order, and the values add up to n.
      const values = words.map((w) => {
        expect(VALUE[w], `${n}: "${w}"`).toBeDefined();
        return VALUE[w];
      });
      expect(values.reduce((a, b) => a + b, 0), `${n}`).toBe(n);
      for (let i = 1; i < values.length; i++) expect(values[i - 1]).toBeGreaterThan(values[i]);
      // At most one word per decimal place, and a teen is one word ("пятнадцать", never "десять пять").
      const h = Math.floor(n / 100), t = Math.floor((n % 100) / 10), u = n % 10;
      const expectedCount = (h ? 1 : 0) + (t === 1 ? 1 : (t ? 1 : 0) + (u ? 1 : 0));
      expect(words.length, `${n}`).toBe(expectedCount);
      // Masculine forms: "один", "два", never "одна" or "две".
      expect(words).not.toContain('одна');
      expect(words).not.toContain('две');
      expect(seen.has(words.join(' '))).toBe(false);
      seen.add(words.join(' '));
    }
  });

  it('reads zero and thousands, and refuses what it cannot read', () => {
    expect(ruNumber(0)).toBe('ноль');
    expect(ruNumber(1000)).toBe('одна тысяча');
    expect(ruNumber(2015)).toBe('две тысячи пятнадцать');
    expect(ruNumber(5000)).toBe('пять тысяч');
    expect(ruNumber(11_001)).toBe('одиннадцать тысяч один');
    expect(ruNumber(21_000)).toBe('двадцать одна тысяча');
    expect(() => ruNumber(-1)).toThrow(RangeError);
    expect(() => ruNumber(1.5)).toThrow(RangeError);
  });
});

describe('English numbers', () => {
  it('reads known numbers', () => {
    expect(enNumber(3)).toBe('three');
    expect(enNumber(15)).toBe('fifteen');
    expect(enNumber(40)).toBe('forty');
    expect(enNumber(121)).toBe('one hundred twenty-one');
    expect(enNumber(900)).toBe('nine hundred');
    expect(enNumber(1015)).toBe('one thousand fifteen');
  });
});

describe('letter names', () => {
  const expected: Record<string, string> = {
    А: 'а', Б: 'бэ', В: 'вэ', Г: 'гэ', Д: 'дэ', Е: 'е', Ж: 'жэ', З: 'зэ', И: 'и', К: 'ка', Л: 'эль', М: 'эм',
    Н: 'эн', О: 'о', П: 'пэ', Р: 'эр', С: 'эс', Т: 'тэ', У: 'у', Ф: 'эф', Х: 'ха', Ц: 'цэ', Ч: 'че', Ш: 'ша',
    Щ: 'ща', Э: 'э', Ю: 'ю', Я: 'я',
  };
  it('names every Cyrillic prefix letter', () => {
    for (const [letter, name] of Object.entries(expected)) expect(RU_LETTER_NAMES[letter], letter).toBe(name);
  });
  it('reads a ticket number as letter names and the number, without leading zeros', () => {
    expect(ticketWords('А015', 'ru')).toBe('А пятнадцать');
    expect(ticketWords('Б121', 'ru')).toBe('бэ сто двадцать один');
    expect(ticketWords('л7', 'ru')).toBe('эль семь');
    expect(ticketWords('ЖК003', 'ru')).toBe('жэ ка три');
    expect(ticketWords('Ц100', 'ru')).toBe('цэ сто');
    expect(ticketWords('A015', 'ru')).toBe('А пятнадцать'); // a Latin A reads the same
    expect(ticketWords('Ш015', 'en')).toBe('Sh fifteen');
    expect(ticketWords('42', 'ru')).toBe('сорок два');
  });
});

describe('counter names ("окно" forms)', () => {
  it('says the window number in words', () => {
    expect(counterWords('Окно 3', 'ru')).toBe('окно три');
    expect(counterWords('окно 12', 'ru')).toBe('окно двенадцать');
    expect(counterWords('Окно №5', 'ru')).toBe('окно пять');
    expect(counterWords('ОКНО  21', 'ru')).toBe('окно двадцать один');
    expect(counterWords('7', 'ru')).toBe('окно семь');
  });
  it('reads other names as written, digits in words', () => {
    expect(counterWords('Касса', 'ru')).toBe('Касса');
    expect(counterWords('Касса 2', 'ru')).toBe('Касса два');
    expect(counterWords('Кабинет 101', 'ru')).toBe('Кабинет сто один');
  });
  it('builds the whole sentence in Russian and in English', () => {
    expect(announcementText('А015', 'Окно 3', 'ru')).toBe('Талон А пятнадцать, окно три');
    expect(announcementText('В102', 'Окно 11', 'ru')).toBe('Талон вэ сто два, окно одиннадцать');
    expect(announcementText('А015', 'Окно 3', 'en')).toBe('Ticket A fifteen, window three');
    expect(announcementText('А015', 'Window 3', 'en')).toBe('Ticket A fifteen, window three');
  });
});
