// Customer ratings: who may rate, and the figures of a group of ratings. A rating is 1 to 5;
// satisfied means 4 or 5 (the Kazan MFC programme's goal: 80 % satisfied).
import { groupsByKey } from './groups';

export const RATE_WITHIN_MS = 30 * 60_000;

export interface RatedTicket { status: string; finishedAt: number | null }

/** Why a ticket cannot be rated now, or null when it can: once, for a `done` visit of the last 30 minutes. */
export function refusal(t: RatedTicket, alreadyRated: boolean, now: number): string | null {
  if (alreadyRated) return 'This visit has already been rated';
  if (t.status !== 'done' || t.finishedAt === null) return 'Only a finished visit can be rated';
  if (now - t.finishedAt > RATE_WITHIN_MS) return 'A visit can be rated within 30 minutes of its end';
  return null;
}

export interface RatingFigures { count: number; avgRating: number | null; satisfiedPct: number | null }

export function ratingFigures(ratings: readonly number[]): RatingFigures {
  if (!ratings.length) return { count: 0, avgRating: null, satisfiedPct: null };
  const sum = ratings.reduce((a, b) => a + b, 0);
  return { count: ratings.length, avgRating: sum / ratings.length, satisfiedPct: (ratings.filter((r) => r >= 4).length / ratings.length) * 100 };
}

export interface RatingGroup extends RatingFigures { key: string; label: string }

export function ratingGroups(rows: readonly { key: string; label: string; rating: number }[]): RatingGroup[] {
  return groupsByKey(rows, (group) => ratingFigures(group.map((r) => r.rating)));
}
