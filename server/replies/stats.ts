// Reply schemas of the statistics (role supervisor): summary, reports, ticket history and
// search, the live hall, and the supervisor's drill-downs and charts. Conventions: ./common.ts.
import { Type } from 'typebox';
import type { Distribution } from '../stats/distribution';
import type { ListedTicket } from '../hall/report-details';
import type { QueuedTicket } from '../hall/service-queue';
import type { TicketEventView, TicketFound } from '../hall/ticket-history';
import { GROUPINGS } from '../stats/report';
import type { Row as RowView } from '../stats/tally';
import { Any, Arr, Fits, Int, Num, Obj, Opt, OrNull, Ref, Str, Time } from './common';

/** Whole seconds; null where there is nothing to average. */
const Sec = OrNull(Int);
const Pct = OrNull(Num);

export const Summary = Obj({
  issued: Int, served: Int, noShow: Int, avgWaitSec: Sec, avgServiceSec: Sec, p90WaitSec: Sec,
  byService: Arr(Obj({ serviceId: Int, issued: Int, served: Int, avgWaitSec: Sec, avgServiceSec: Sec })),
  byOperator: Arr(Obj({ userId: Int, served: Int, avgServiceSec: Sec })),
});

/** A report's Row (contract, Statistics → Reports). */
export const Row = Obj({
  key: Type.Unsafe<number | string | null>({ type: ['integer', 'string', 'null'], description: 'Service, user or counter id; hour "09"; ISO weekday 1–7; day "YYYY-MM-DD"; null in the total' }),
  label: Str,
  issued: Int, called: Int, served: Int, noShow: Int, expired: Int, transferred: Int,
  avgWaitSec: Sec, medianWaitSec: Sec, p90WaitSec: Sec, maxWaitSec: Sec, withinTargetPct: Pct,
  avgServiceSec: Sec, medianServiceSec: Sec, p90ServiceSec: Sec,
  labelEn: Opt(Str),
  openSec: Opt(Int), breakSec: Opt(Int), servingSec: Opt(Int), utilisationPct: Opt(Pct),
});

export const Report = Obj({
  from: Time, to: Time, by: Type.String({ enum: [...GROUPINGS] }), rows: Arr(Row), total: Row,
  tz: Opt(Type.String({ description: "The hall's time zone the buckets are in" })),
});

export const TicketEvents = Arr(Obj({
  at: Time, action: Str, fromStatus: OrNull(Str), toStatus: Str, counter: OrNull(Ref), user: OrNull(Ref), detail: Any,
}));

export const FoundTickets = Arr(Obj({
  id: Int, number: Str, serviceId: Int, originalServiceId: Int, serviceName: Str, status: Str, hallDay: Type.String({ format: 'date' }),
  issuedAt: Time, calledAt: OrNull(Time), finishedAt: OrNull(Time), waitSec: Sec, counter: OrNull(Ref), user: OrNull(Ref),
}));

const LiveTicket = Obj({ id: Int, number: Str, serviceId: Int, status: Str, calledAt: Time, startedAt: OrNull(Time) });
export const Live = Obj({
  at: Time,
  services: Arr(Obj({
    serviceId: Int, waiting: Int, longestWaitSec: Int, etaMinutes: Int, overdue: Int,
    name: Opt(Str), nameEn: Opt(OrNull(Str)), oldestIssuedAt: Opt(OrNull(Time)), maxWaitSec: Opt(Int),
  })),
  counters: Arr(Obj({
    counterId: Int, name: Str, state: Type.String({ enum: ['closed', 'open', 'break'] }), user: OrNull(Ref), ticket: OrNull(LiveTicket), sinceSec: Sec, breakReason: OrNull(Str),
    since: Opt(OrNull(Time)), breakLimitSec: Opt(Sec),
  })),
  today: Row,
  alerts: Arr(Obj({
    kind: Str, severity: Type.String({ enum: ['critical', 'warning'] }), message: Str,
    serviceId: Opt(Int), counterId: Opt(Int), deviceId: Opt(Type.Unsafe<number | string>({ type: ['integer', 'string'] })), since: Time,
    messageEn: Opt(Str),
  })),
  nextChangeAt: Opt(OrNull(Type.String({ format: 'date-time', description: 'The next instant the answer changes by time alone' }))),
});

// ---- the supervisor's drill-downs and charts ----

export const ReportTickets = Obj({
  total: Int,
  tickets: Arr(Obj({
    id: Int, number: Str, serviceId: Int, originalServiceId: Int, status: Str,
    issuedAt: Time, calledAt: OrNull(Time), finishedAt: OrNull(Time), waitSec: Sec, serviceSec: Sec, counter: OrNull(Ref), user: OrNull(Ref),
  })),
});

export const DistributionReply = Obj({
  tz: Str, targetSec: Sec,
  waits: Arr(Obj({ fromSec: Int, toSec: Sec, tickets: Int })),
  arrivals: Arr(Obj({ weekday: Int, hour: Int, issued: Int })),
});

export const ServiceQueueReply = Obj({
  at: Time, serviceId: Int, maxWaitSec: Int,
  tickets: Arr(Obj({
    id: Int, number: Str, status: Type.String({ enum: ['waiting', 'postponed'] }), privileged: Type.Boolean(), issuedAt: Time, waitSec: Int,
    counter: OrNull(Ref), postponedUntil: OrNull(Time),
  })),
});

// The views fit these schemas (checked by the compiler; the live hall's answer is checked in
// its route, which turns the view's instants into ISO times; the summary's rows are untyped SQL).
export const viewsFit: [
  Fits<RowView, typeof Row>, Fits<TicketEventView, (typeof TicketEvents)['items']>,
  Fits<TicketFound, (typeof FoundTickets)['items']>, Fits<ListedTicket, (typeof ReportTickets)['properties']['tickets']['items']>,
  Fits<Distribution & { tz: string }, typeof DistributionReply>, Fits<QueuedTicket, (typeof ServiceQueueReply)['properties']['tickets']['items']>,
] = [true, true, true, true, true, true];
