/** The projection of the synthesized stack's Glue tables, for the stand-in (tests only). */
import { createResolver } from '../../infra/template-resolver.ts';
import type { Synthesized } from '../../infra/synth.ts';
import { projectedTables, type ProjectedTable } from './projection.ts';

export function templateProjection(s: Synthesized, now: Date): ProjectedTable[] {
  const resources = s.template.toJSON().Resources as Parameters<typeof projectedTables>[0];
  return projectedTables(resources, createResolver(s.template), now);
}
