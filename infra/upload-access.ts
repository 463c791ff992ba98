/**
 * Which upload keys a province may write. A current (34) unit writes under its own code and
 * under the codes of the old units it absorbed in 2025, so a merged province can send or correct
 * its predecessors' earlier reports (the ingest still rejects a code not valid in the period).
 *
 * IAM's `*` also matches `/`, so `uploads/*\/*\/48/*` would admit `uploads/debt/2025-08/79/48/x`,
 * a key inside province 79's folder. Every segment before the province is therefore fixed or
 * `?`-matched: the dataset by name, the period as `????-??`.
 */
import { DATASET_NAMES } from '../core/datasets/index.ts';
import { uploadFolder } from '../core/contracts/layout.ts';
import type { ProvinceRegistry } from '../pipeline/reference/provinces.ts';
import { ConfigError } from '../core/errors.ts';

/** The current units; each gets an upload role. */
export function currentProvinceCodes(registry: ProvinceRegistry): string[] {
  return registry.units.filter((u) => u.generation === '34').map((u) => u.code);
}

/** The province codes whose folders a current unit writes: its own, then its predecessors'. */
export function writableProvinceCodes(registry: ProvinceRegistry, currentCode: string): string[] {
  if (!currentProvinceCodes(registry).includes(currentCode)) {
    throw new ConfigError(`not a current province code: ${currentCode}`);
  }
  const predecessors = registry.predecessorsOf(currentCode).map((u) => u.code);
  return [currentCode, ...predecessors.filter((code) => code !== currentCode)];
}

/** Object-key patterns (`uploads/<dataset>/????-??/<code>/*`) a current unit's role may put to. */
export function uploadKeyPatterns(registry: ProvinceRegistry, currentCode: string): string[] {
  return writableProvinceCodes(registry, currentCode).flatMap((code) =>
    DATASET_NAMES.map((dataset) => `${uploadFolder(dataset, '????-??', code)}*`),
  );
}
