// Text in the printer's single-byte code page. A thermal printer prints whatever bytes it gets
// through its current table, so UTF-8 would come out as mojibake: characters the table lacks
// are replaced by the closest plain ones instead.
import iconv from 'iconv-lite';

/** Typographic characters that are common in service names and footers but absent from PC866. */
const REPLACEMENTS: Record<string, string> = {
  '—': '-', '–': '-', '‒': '-', '−': '-', '‐': '-',
  '«': '"', '»': '"', '„': '"', '“': '"', '”': '"',
  '‘': "'", '’': "'", '‚': "'",
  '…': '...', '€': 'EUR', '₽': 'руб.', '≈': '~', '×': 'x',
  '\u00a0': ' ', '\u202f': ' ', '\u2009': ' ',
};

const fits = new Map<string, boolean>();

function fitsCodePage(ch: string, encoding: string): boolean {
  const key = encoding + ch;
  let ok = fits.get(key);
  if (ok === undefined) {
    ok = iconv.decode(iconv.encode(ch, encoding), encoding) === ch;
    fits.set(key, ok);
  }
  return ok;
}

/** Replaces what the code page cannot show: a table first, then accents stripped, then '?'. */
export function fitText(text: string, encoding: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (fitsCodePage(ch, encoding)) { out += ch; continue; }
    const repl = REPLACEMENTS[ch] ?? ch.normalize('NFD').replace(/\p{M}/gu, '');
    out += [...repl].every((c) => fitsCodePage(c, encoding)) && repl !== '' ? repl : '?';
  }
  return out;
}

export function encodeText(text: string, encoding: string): Buffer {
  if (!iconv.encodingExists(encoding)) throw new Error(`unknown code page encoding: ${encoding}`);
  return iconv.encode(fitText(text, encoding), encoding);
}
