/**
 * A debt file of template version 1 for a version-2 month (or the reverse): recognised by its
 * header, refused with one error that names the version in force and its columns, instead of a
 * list of missing and unknown columns.
 */
import { DATASETS, templateVersions, versionFrom, type DatasetDef } from '../../core/datasets/index.ts';
import type { UploadLocation } from '../../core/contracts/layout.ts';
import { RULE_MESSAGES } from '../../core/messages/index.ts';
import type { Sheet } from './grid.ts';
import type { IssueList } from './issue-list.ts';
import { betterHeader, type HeaderMatch } from './match-header.ts';

const FILE_LEVEL = { sheet: null, row: null, column: null };

/**
 * The version of the dataset's template a sheet's header really is, when it is not the one in
 * force for the upload's period: a version-1 debt file for a version-2 month gets one clear error.
 */
export function otherVersion(
  dataset: DatasetDef,
  sheet: Sheet,
  header: HeaderMatch | undefined,
): DatasetDef | undefined {
  const others = templateVersions(DATASETS[dataset.name]).filter((def) => def.version !== dataset.version);
  return betterHeader(dataset, sheet, header, others);
}

/** One file-level error: the version expected for the period, the one found, the columns it lacks. */
export function wrongVersion(
  dataset: DatasetDef,
  found: DatasetDef,
  location: UploadLocation,
  header: HeaderMatch | undefined,
  issues: IssueList,
): void {
  const expected = dataset.version ?? 1;
  const message = RULE_MESSAGES['file.wrong_version']({
    period: location.period,
    expected,
    found: found.version ?? 1,
    from: versionFrom(DATASETS[dataset.name], expected),
    missing: dataset.columns.filter((c) => !header?.columns.has(c.key)),
  });
  const rule = 'file.wrong_version';
  issues.add('error', FILE_LEVEL, rule, `v${expected}`, `v${found.version ?? 1}`, message);
}
