// The kiosk ticket: what a customer needs to read while standing in the hall, biggest first.
import type { TicketPrintJob } from '../../server/device-port.ts';
import { fitText } from './codepage.ts';
import { EscPosEncoder, printable, type EncoderOptions } from './encoder.ts';
import { wrapText } from './wrap.ts';

export interface TicketLayoutOptions {
  /** Prepended to a server-relative statusUrl, so a phone can open the QR's address. */
  baseUrl?: string;
  /** IANA zone for the printed time; without it the issuedAt offset's wall time is printed. */
  timeZone?: string;
  /** Characters per line at normal size (32 on 58 mm paper, 48 on 80 mm). */
  width?: number;
}

export function formatIssued(iso: string, timeZone?: string): string {
  if (!timeZone) {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
    if (m) return `${m[3]}.${m[2]}.${m[1]} ${m[4]}:${m[5]}`;
  }
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const f = new Intl.DateTimeFormat('ru-RU', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  return f.format(d).replace(',', '');
}

export function qrTarget(statusUrl: string, baseUrl?: string): string {
  if (/^https?:\/\//i.test(statusUrl) || !baseUrl) return statusUrl;
  return baseUrl.replace(/\/+$/, '') + (statusUrl.startsWith('/') ? '' : '/') + statusUrl;
}

export function ticketBytes(job: TicketPrintJob, enc: EncoderOptions, opts: TicketLayoutOptions = {}): Buffer {
  const width = opts.width ?? 32;
  const e = new EscPosEncoder(enc).init().align('center');
  /** Each line as the printer will print it (control characters out, the code page's
   * replacements in), wrapped to the paper at `scale` times the normal character width. */
  const lines = (text: string, scale = 1) => {
    for (const l of wrapText(fitText(printable(text), enc.encoding).trim(), Math.floor(width / scale))) e.line(l);
    return e;
  };
  e.bold(true);
  lines(job.hallName).bold(false).line('-'.repeat(width));
  // Four times normal size is about 12 mm high on an 8-dot/mm head: readable at arm's length.
  e.size(4, 4).bold(true);
  lines(job.number, 4).size(1, 1).bold(false);
  e.size(1, 2);
  lines(job.serviceName).size(1, 1);
  if (job.serviceNameEn) lines(job.serviceNameEn);
  e.feed(1).line(formatIssued(job.issuedAt, opts.timeZone));
  lines(`Перед вами / ahead: ${job.ahead}`);
  lines(`Ожидание / wait: ~${job.etaMinutes} мин`);
  e.feed(1).qr(qrTarget(job.statusUrl, opts.baseUrl));
  lines('Статус талона / ticket status');
  if (printable(job.footer).trim()) {
    e.line('-'.repeat(width));
    lines(job.footer);
  }
  return e.feed(3).cut().build();
}
