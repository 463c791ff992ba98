/**
 * The content-hashed names the build gave the boundary files ("vn34_2025_derived.topojson" ->
 * "vn34_2025_derived.1a2b3c4d5e.topojson"), so they can be cached for a year and a new build still
 * reaches every reader. The build defines __VSS_ASSET_NAMES__; unbundled (in tests) names stay.
 */
declare const __VSS_ASSET_NAMES__: Readonly<Record<string, string>> | undefined;

const NAMES: Readonly<Record<string, string>> =
  typeof __VSS_ASSET_NAMES__ === 'object' ? __VSS_ASSET_NAMES__ : {};

/** The name a file was published under. */
export function assetName(file: string): string {
  return NAMES[file] ?? file;
}
