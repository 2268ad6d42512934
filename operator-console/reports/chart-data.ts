// Data of the charts that no report grouping gives directly.
import { getReport, type ReportQuery } from '../figures/api';
import type { HeatCell, WaitBucket } from './Charts';

/** TheQ's wait buckets, in minutes; the target is always one of the edges. */
const EDGES_MIN = [5, 15, 20, 60];

/**
 * The distribution of waits from the API's own definition: the share within target at each
 * edge is the share of tickets that waited at most that long (called tickets and those that
 * left the queue uncalled), so the share in a bucket is the difference of two of them.
 */
export async function loadWaits(q: ReportQuery): Promise<{ buckets: WaitBucket[]; targetSec: number }> {
  const targetSec = q.targetSec ?? 900;
  const edges = [...new Set([...EDGES_MIN.map((m) => m * 60), targetSec])].sort((a, b) => a - b);
  const shares = await Promise.all(edges.map((e) => getReport({ ...q, by: 'none', targetSec: e }).then((r) => r.total.withinTargetPct)));
  if (shares.some((s) => s === null)) return { buckets: [], targetSec };
  const cum = [0, ...(shares as number[]), 100];
  const bounds = [0, ...edges];
  return {
    targetSec,
    buckets: bounds.map((from, i) => ({ fromSec: from, toSec: edges[i] ?? null, pct: Math.max(0, Math.round((cum[i + 1] - cum[i]) * 10) / 10) })),
  };
}

export async function loadHeat(_q: ReportQuery): Promise<HeatCell[]> {
  return [];
}
