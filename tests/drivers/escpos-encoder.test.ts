import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { encodeText, fitText } from '../../drivers/escpos/codepage.ts';
import { EscPosEncoder } from '../../drivers/escpos/encoder.ts';
import { parseStatus } from '../../drivers/escpos/status.ts';
import { formatIssued, qrTarget, ticketBytes } from '../../drivers/escpos/ticket.ts';
import { wrapText } from '../../drivers/escpos/wrap.ts';
import { FakePrinter } from '../../drivers/testing/fake-printer.ts';

const job = {
  ticketId: 7, number: 'А015', serviceName: 'Оплата — «быстро»', serviceNameEn: 'Payment',
  footer: 'Возьмите паспорт и последнюю квитанцию', hallName: 'Водоканал, зал №1',
  issuedAt: '2026-11-22T09:05:00+03:00', ahead: 4, etaMinutes: 12, statusUrl: '/kiosk/?ticket=7',
};

describe('code page text', () => {
  it('keeps Cyrillic and № in PC866 and replaces what the table lacks', () => {
    expect(fitText('Ёлка № 5 — «A» €10 café…', 'cp866')).toBe('Ёлка № 5 - "A" EUR10 cafe...');
    expect(encodeText('Жё', 'cp866')).toEqual(Buffer.from([0x86, 0xf1]));
    expect(fitText('汉', 'cp866')).toBe('?');
  });

  it('never emits UTF-8 bytes for Cyrillic', () => {
    const bytes = new EscPosEncoder().text('Привет').build();
    expect(bytes).toEqual(Buffer.from([0x8f, 0xe0, 0xa8, 0xa2, 0xa5, 0xe2]));
  });

  it('rejects an unknown encoding name with a clear error', () => {
    expect(() => encodeText('x', 'cp9999')).toThrow(/unknown code page/);
  });
});

describe('commands', () => {
  it('init sends ESC @, FS . and ESC t with the per-printer table', () => {
    expect(new EscPosEncoder({ codepage: 7, encoding: 'cp866', qr: 'native' }).init().build())
      .toEqual(Buffer.from([0x1b, 0x40, 0x1c, 0x2e, 0x1b, 0x74, 7]));
  });

  it('QR as GS ( k model 2 with the right lengths', () => {
    const b = new EscPosEncoder().qr('http://h/x', { moduleSize: 5 }).build();
    expect([...b.subarray(0, 9)]).toEqual([0x1d, 0x28, 0x6b, 4, 0, 0x31, 65, 50, 0]);
    const store = b.indexOf(Buffer.from([0x31, 0x50, 0x30]));
    expect(b[store - 2] | (b[store - 1] << 8)).toBe('http://h/x'.length + 3);
    expect(b.subarray(store + 3, store + 13).toString()).toBe('http://h/x');
  });

  it('cut is GS V 66', () => {
    expect(new EscPosEncoder().cut().build()).toEqual(Buffer.from([0x1d, 0x56, 66, 0]));
  });
});

describe('status bytes', () => {
  it('maps DLE EOT 1 / 4 answers', () => {
    expect(parseStatus(0x16, 0x12).status).toBe('ok');
    expect(parseStatus(0x16, 0x1e).status).toBe('paper_low');
    expect(parseStatus(0x1e, 0x72).status).toBe('paper_out');
    expect(parseStatus(0x1e, 0x12).status).toBe('error');
    expect(parseStatus(0xff, 0x12)).toMatchObject({ status: 'error', detail: expect.stringContaining('unexpected') });
  });
});

describe('ticket layout', () => {
  it('decodes back to the ticket text with a large number, a QR and a cut', () => {
    const fake = new FakePrinter();
    fake.write(ticketBytes(job, { codepage: 17, encoding: 'cp866', qr: 'native' }, { baseUrl: 'http://10.0.0.5:8080/' }));
    expect(fake.tickets).toHaveLength(1);
    const [t] = fake.tickets;
    const text = t.lines.map((l) => l.text);
    expect(text).toContain('Водоканал, зал №1');
    expect(text).toContain('Оплата - "быстро"');
    expect(text).toContain('22.11.2026 09:05');
    expect(text).toContain('Перед вами / ahead: 4');
    expect(text).toContain('Ожидание / wait: ~12 мин');
    expect(text).toContain('Возьмите паспорт и последнюю'); // 38 characters on 32 columns: wrapped
    expect(text).toContain('квитанцию');
    const number = t.lines.find((l) => l.text === 'А015')!;
    expect(number).toMatchObject({ width: 4, height: 4, bold: true, align: 1 });
    expect(t.qr).toEqual(['http://10.0.0.5:8080/kiosk/?ticket=7']);
    expect(fake.unknown).toEqual([]);
  });

  it('without FS . a clone in Chinese mode garbles Cyrillic (why init sends it)', () => {
    const fake = new FakePrinter();
    fake.write(Buffer.concat([Buffer.from([0x1b, 0x74, 17]), new EscPosEncoder().line('Талон').cut().build()]));
    expect(fake.tickets[0].lines[0].text).not.toBe('Талон');
  });

  it('raster fallback draws the same QR matrix as a GS v 0 image', () => {
    const fake = new FakePrinter();
    fake.write(ticketBytes(job, { codepage: 17, encoding: 'cp866', qr: 'raster' }));
    const [t] = fake.tickets;
    expect(t.qr).toEqual([]);
    expect(t.rasters).toHaveLength(1);
    const { modules } = QRCode.create('/kiosk/?ticket=7', { errorCorrectionLevel: 'M' });
    const img = t.rasters[0];
    const scale = 6, quiet = 4;
    expect(img.height).toBe((modules.size + 2 * quiet) * scale);
    const dot = (x: number, y: number) => (img.data[y * img.widthBytes + (x >> 3)] >> (7 - (x & 7))) & 1;
    for (let r = 0; r < modules.size; r++) {
      for (let c = 0; c < modules.size; c++) {
        expect(dot((c + quiet) * scale + 2, (r + quiet) * scale + 2)).toBe(modules.get(r, c) ? 1 : 0);
      }
    }
    expect(dot(0, 0)).toBe(0);
  });

  it('formats the issue time and the QR target', () => {
    expect(formatIssued('2026-11-22T06:05:00Z', 'Europe/Moscow')).toBe('22.11.2026 09:05');
    expect(qrTarget('https://x/t', 'http://y')).toBe('https://x/t');
    expect(qrTarget('/kiosk/?ticket=1', 'http://y:8080')).toBe('http://y:8080/kiosk/?ticket=1');
  });
});

describe('what a printer is sent', () => {
  const enc = { codepage: 17, encoding: 'cp866', qr: 'native' } as const;

  it('control characters in names and footers never reach the printer\'s bytes', () => {
    // ESC @ would reset the printer mid-ticket, GS V 0 cut the paper, BEL ring, NUL and DLE EOT
    // confuse the status channel.
    const hostile = {
      ...job, hallName: 'Зал\u001b@', serviceName: 'Оплата\u001dV\u0000\u0007', serviceNameEn: 'Pay\u0010\u0004\u0001\u009b',
      footer: 'Возьмите\u001bdпаспорт\r\n\tи квитанцию\u001d(k', number: 'А\u001b015',
    };
    const bytes = ticketBytes(hostile, enc);
    const clean = ticketBytes({ ...job, hallName: 'Зал@', serviceName: 'ОплатаV', serviceNameEn: 'Pay', footer: 'Возьмитеdпаспорт\n и квитанцию(k', number: 'А015' }, enc);
    expect(bytes.equals(clean)).toBe(true); // the same bytes as the same text without the controls
    const fake = new FakePrinter();
    fake.write(bytes);
    expect(fake.tickets).toHaveLength(1);
    expect(fake.unknown).toEqual([]);
    expect(fake.tickets[0].lines.map((l) => l.text)).toContain('ОплатаV');
    expect(new EscPosEncoder().text('a\u001b@b\u007f\u0085c\u001dV').build().toString('latin1')).toBe('a@bcV'); // ESC and GS gone: '@' and 'V' are letters
  });

  it('wraps lines at word boundaries to the paper\'s width, at each character size', () => {
    const long = {
      ...job,
      hallName: 'Центр обслуживания абонентов Водоканала', // 39
      serviceName: 'Счётчики: показания и опломбировка', // 34, printed at double height, normal width
      footer: 'Возьмите с собой паспорт и квитанцию за март\nБезостановочнаяпечатьбезпробеловвообще',
    };
    for (const width of [32, 48]) {
      const fake = new FakePrinter();
      fake.write(ticketBytes(long, enc, { width }));
      const lines = fake.tickets[0].lines;
      for (const l of lines) expect(l.text.length * l.width, l.text).toBeLessThanOrEqual(width);
      const text = lines.map((l) => l.text);
      if (width === 32) {
        expect(text).toEqual(expect.arrayContaining(['Центр обслуживания абонентов', 'Водоканала', 'Счётчики: показания и', 'опломбировка',
          'Возьмите с собой паспорт и', 'квитанцию за март', 'Безостановочнаяпечатьбезпробелов', 'вообще']));
      } else {
        expect(text).toEqual(expect.arrayContaining(['Центр обслуживания абонентов Водоканала', 'Счётчики: показания и опломбировка']));
      }
    }
    expect(wrapText('one  two three', 7)).toEqual(['one two', 'three']);
    expect(wrapText('', 10)).toEqual(['']);
  });

  it('leaves the quiet zone below a native QR (ESC J, four modules); the raster image has its own', () => {
    const bytes = new EscPosEncoder().qr('http://h/x', { moduleSize: 6 }).line('after').build();
    const print = bytes.indexOf(Buffer.from([0x1d, 0x28, 0x6b, 3, 0, 0x31, 81, 0x30]));
    expect([...bytes.subarray(print + 8, print + 11)]).toEqual([0x1b, 0x4a, 24]);
    const fake = new FakePrinter();
    fake.write(ticketBytes(job, enc));
    expect(fake.tickets[0].feeds).toEqual([24]);
    expect(fake.unknown).toEqual([]);
    const raster = new FakePrinter();
    raster.write(ticketBytes(job, { ...enc, qr: 'raster' }));
    expect(raster.tickets[0].feeds).toEqual([]);
  });
});
