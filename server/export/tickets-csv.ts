// GET /api/stats/tickets.csv: one line per ticket, streamed page by page (a year of a busy hall
// is a million lines; the server's memory stays flat), UTF-8 with a BOM so that Excel reads
// Cyrillic. Waits and services in whole seconds, as the reports count them.
import { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { iso } from '../hall/rows';
import type { TicketExportRow } from '../hall/stats';
import { wholeSec } from '../stats/tally';
import { CSV_BOM, csvLine } from './cells';

const HEADER = ['number', 'service', 'status', 'issued', 'called', 'started', 'finished', 'counter', 'operator', 'wait_sec', 'service_sec', 'eta_sec', 'outcome', 'privileged'];

export function ticketsCsv(pages: Iterable<TicketExportRow[]>): Readable {
  return Readable.from((async function* () {
    yield CSV_BOM + csvLine(HEADER);
    for (const rows of pages) {
      let chunk = '';
      for (const r of rows) {
        chunk += csvLine([
          r.number, r.service, r.status, iso(r.issued), iso(r.called), iso(r.started), iso(r.finished), r.counter, r.operator,
          r.called === null ? '' : wholeSec(r.called - r.issued),
          r.status !== 'done' || r.finished === null || r.started === null ? '' : wholeSec(r.finished - r.started),
          r.etaSec, r.outcome, r.privileged ? 1 : 0,
        ]);
      }
      yield chunk;
      await nextTurn(); // let the hall's other requests in between pages
    }
  })(), { objectMode: false });
}
