// Cells of every CSV and XLSX export. A text cell that starts with =, +, -, @, a tab or a
// carriage return is run as a formula by Excel and LibreOffice (CSV injection): such text gets
// a leading apostrophe, which spreadsheets show as text. Numbers are numbers and stay as they are.

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text as a spreadsheet must receive it. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One CSV field: empty for null, numbers as they are, text neutralised and quoted when needed. */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const s = neutralise(String(v));
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV line (RFC 4180: comma-separated, CRLF-terminated). */
export function csvLine(values: readonly unknown[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}

/** UTF-8 byte order mark: Excel reads a CSV without it in the machine's ANSI code page. */
export const CSV_BOM = '\uFEFF';
