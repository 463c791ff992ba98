/** Replaces the listing of s3rver's store (its `store` property) with one that reads only the prefix's folder. */
export function listByPrefixFolder(store: unknown): void;
