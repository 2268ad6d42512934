// How good the wait promised at issue was: promised (the estimate stored with the ticket)
// against real wait (issue → first call), over tickets that were called. bias = mean of
// promised − real (above zero: the kiosk promised longer waits than came); within5MinPct =
// share of tickets whose real wait was within ±5 minutes of the promise.
import { groupsByKey } from './groups';

export interface EtaRow { key: string; label: string; etaSec: number; waitSec: number }

export interface EtaFigures {
  tickets: number;
  meanWaitSec: number | null;
  meanPromisedSec: number | null;
  maeSec: number | null;
  biasSec: number | null;
  within5MinPct: number | null;
}

export interface EtaGroup extends EtaFigures { key: string; label: string }

const WITHIN_SEC = 300;

export function etaFigures(rows: readonly { etaSec: number; waitSec: number }[]): EtaFigures {
  const n = rows.length;
  if (!n) return { tickets: 0, meanWaitSec: null, meanPromisedSec: null, maeSec: null, biasSec: null, within5MinPct: null };
  let wait = 0, promised = 0, abs = 0, within = 0;
  for (const r of rows) {
    const err = r.etaSec - r.waitSec;
    wait += r.waitSec; promised += r.etaSec; abs += Math.abs(err);
    if (Math.abs(err) <= WITHIN_SEC) within++;
  }
  return {
    tickets: n, meanWaitSec: Math.round(wait / n), meanPromisedSec: Math.round(promised / n),
    maeSec: Math.round(abs / n), biasSec: Math.round((promised - wait) / n), within5MinPct: (within / n) * 100,
  };
}

/** Figures per key (service, hour), in the order of the keys. */
export function etaGroups(rows: readonly EtaRow[]): EtaGroup[] {
  return groupsByKey(rows, etaFigures);
}
