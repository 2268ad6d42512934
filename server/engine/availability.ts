// Whether a service can be taken at the kiosk now: its hours in the hall's zone and its daily limit.
import type { ClosedReason } from '../protocol';
import { hallTime } from './numbering';

export interface ServiceHours {
  active: boolean;
  openFrom: string | null;
  openTo: string | null;
  dailyLimit: number | null;
}

export function closedReason(s: ServiceHours, issuedToday: number, now: number, tz: string): ClosedReason | null {
  if (!s.active) return 'inactive';
  if (s.openFrom && s.openTo) {
    const t = hallTime(now, tz);
    if (t < s.openFrom || t >= s.openTo) return 'hours';
  }
  if (s.dailyLimit !== null && issuedToday >= s.dailyLimit) return 'limit';
  return null;
}
