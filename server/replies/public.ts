// Reply schemas of the public, auth and counter routes (the views of server/protocol.ts and
// server/hall/views.ts). Conventions: ./common.ts.
import { Type } from 'typebox';
import type { CallView, CounterView, NoticeView, PublicSettings, ServiceView } from '../protocol';
import { Choice, Fits, Int, Obj, Opt, OrNull, Ref, Str, Time } from './common';

const TicketStatus = Type.String({ enum: ['waiting', 'called', 'serving', 'done', 'no_show', 'postponed', 'expired'] });

// A const in a reply schema would be printed whatever the value (fast-json-stringify): text.
export const Health = Obj({ status: Type.String({ description: '"ok" while the server works' }) });

export const Service = Obj({
  id: Int, name: Str, prefix: Str, waiting: Int, etaMinutes: Int,
  nameEn: Opt(OrNull(Str)), group: Opt(OrNull(Str)), groupEn: Opt(OrNull(Str)),
  available: Opt(Type.Boolean()), closedReason: Opt(OrNull(Type.String({ enum: ['inactive', 'holiday', 'hall_closed', 'hours', 'limit'] }))),
  openFrom: Opt(OrNull(Str)), openTo: Opt(OrNull(Str)),
});

export const Notice = Obj({ id: Int, text: Str, textEn: Opt(OrNull(Str)), startsAt: Opt(OrNull(Time)), endsAt: Opt(OrNull(Time)) });

export const Display = Obj({
  calls: Type.Array(Obj({ ticketId: Int, number: Str, counterId: Int, counterName: Str, status: Type.String({ enum: ['called', 'serving'] }), calledAt: Time })),
  waiting: Type.Array(Obj({ serviceId: Int, count: Int })),
  notices: Type.Array(Notice),
});

export const PublicSettingsReply = Obj({
  hallName: Opt(Str), hallNameEn: Opt(Str), privilegedEnabled: Opt(Type.Boolean()), timezone: Opt(Str),
  boards: Opt(Type.Record(Str, Obj({}))),
});

/** GET /api/tickets/:id, and inside the counter commands' answers. */
export const Ticket = Obj({
  id: Int, number: Str, serviceId: Int, status: TicketStatus, ahead: Int, etaMinutes: Int,
  counter: OrNull(Ref),
  issuedAt: Opt(Time), calledAt: Opt(OrNull(Time)), privileged: Opt(Type.Boolean()),
  service: Opt(Obj({ id: Int, name: Str, nameEn: OrNull(Str) })),
});

export const IssuedTicket = Obj({
  ...Ticket.properties, counter: Opt(OrNull(Ref)), issuedAt: Time,
  printed: Opt(Type.Boolean({ description: 'Present when a printer serves the request: false = show the number on screen' })),
  statusUrl: Opt(Type.String({ description: 'The ticket\'s status page (the QR target)' })),
}, 'A new ticket: status is "waiting"');

export const Role = Type.String({ enum: ['operator', 'supervisor', 'admin'] });
export const StaffUser = Obj({ id: Int, login: Str, name: Str, role: Role, mustChangePassword: Opt(Type.Boolean({ description: 'The password must be changed before anything else' })) });
export const Login = Obj({ token: Str, user: StaffUser });
export const Me = Obj({ user: StaffUser });
export const Ok = Obj({ ok: Type.Boolean() });
export const PasswordChanged = Obj({ ok: Type.Boolean(), sessionsEnded: Type.Integer({ description: 'The other sessions ended' }) });

export const Counter = Obj({
  id: Int, name: Str, state: Type.String({ enum: ['closed', 'open', 'break'] }),
  breakReason: Opt(OrNull(Str)), user: Opt(OrNull(Ref)),
});
export const CounterReply = Obj({ counter: Counter });
export const TicketReply = Obj({ ticket: OrNull(Ticket) });

export const StaffSettings = Obj({ outcomes: Type.Array(Choice), breakReasons: Type.Array(Choice), recallLimit: Int });

export const CounterWork = Obj({
  counter: Counter,
  ticket: OrNull(Obj({
    id: Int, number: Str, serviceId: Int, status: TicketStatus, issuedAt: Opt(Time), calledAt: Opt(OrNull(Time)), startedAt: Opt(OrNull(Time)),
    waitSec: Opt(Int), recalls: Opt(Int), privileged: Opt(Type.Boolean()), script: Opt(Str),
  })),
  queue: Type.Array(Obj({
    serviceId: Int, name: Str, nameEn: Opt(OrNull(Str)), prefix: Str, priority: Int, waiting: Int,
    longestWaitSec: Int, maxWaitSec: Int, script: Opt(Str),
  })),
  own: Type.Array(Obj({ id: Int, number: Str, serviceId: Int, status: TicketStatus, issuedAt: Opt(OrNull(Time)), postponedUntil: Opt(OrNull(Time)) })),
  day: Obj({ served: Int, avgServiceSec: OrNull(Int), breakSec: Int }),
}, "A counter's work view for the operator console");

// The views the screens type in protocol.ts fit these schemas (checked by the compiler).
export const viewsFit: [Fits<ServiceView, typeof Service>, Fits<NoticeView, typeof Notice>, Fits<CallView, (typeof Display)['properties']['calls']['items']>,
  Fits<CounterView, typeof Counter>, Fits<PublicSettings, typeof PublicSettingsReply>] = [true, true, true, true, true];
