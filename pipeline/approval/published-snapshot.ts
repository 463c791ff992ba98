/**
 * A month's figures frozen for a meeting: the national level publishes the counted figures of
 * every report, with the upload each unit counted. The snapshot is never changed; when a province
 * later reopens (or is returned) and another upload comes to count, the differences are listed
 * against it. Stored at approvals/<YYYY-MM>/published/<id>.json, beside the month's sign-offs.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';

const unitFigures = z.object({ upload_id: z.string(), totals: z.record(z.string(), z.number()) });

export const publishedSnapshot = z.object({
  snapshot_id: z.string().regex(/^[0-9a-f]{24}$/u),
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/u),
  actor: z.string().min(1),
  role: z.literal('national'),
  at: z.string().datetime(),
  /** Per report, per unit: the counted upload and its totals; units with none are absent. */
  reports: z.record(z.string(), z.record(z.string(), unitFigures)),
});
export type PublishedSnapshot = z.infer<typeof publishedSnapshot>;
export type UnitFigures = z.infer<typeof unitFigures>;

export function snapshotIdOf(s: Omit<PublishedSnapshot, 'snapshot_id'>): string {
  return createHash('sha256')
    .update(JSON.stringify([s.period, s.actor, s.at, s.reports]))
    .digest('hex')
    .slice(0, 24);
}

export interface SnapshotDifference {
  dataset: string;
  province: string;
  published: UnitFigures | null;
  current: UnitFigures | null;
  /** current − published per column; a column missing on one side is missing, not zero. */
  change: Record<string, number | null>;
}

/** Where the figures counted now differ from the published ones, unit by unit. */
export function snapshotDifferences(
  snapshot: PublishedSnapshot,
  current: PublishedSnapshot['reports'],
): SnapshotDifference[] {
  const out: SnapshotDifference[] = [];
  const datasets = new Set([...Object.keys(snapshot.reports), ...Object.keys(current)]);
  for (const dataset of [...datasets].sort()) {
    const before = snapshot.reports[dataset] ?? {};
    const now = current[dataset] ?? {};
    for (const province of [...new Set([...Object.keys(before), ...Object.keys(now)])].sort()) {
      const published = before[province] ?? null;
      const counted = now[province] ?? null;
      if (published?.upload_id === counted?.upload_id) continue;
      const columns = new Set([
        ...Object.keys(published?.totals ?? {}),
        ...Object.keys(counted?.totals ?? {}),
      ]);
      const change: Record<string, number | null> = {};
      for (const c of columns) {
        const a = published?.totals[c];
        const b = counted?.totals[c];
        change[c] = a === undefined || b === undefined ? null : b - a;
      }
      out.push({ dataset, province, published, current: counted, change });
    }
  }
  return out;
}
