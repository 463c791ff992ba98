/**
 * The few error classes of the platform, each with a machine-readable code. A rejected upload is
 * not an error: it is a receipt. These are for things that stop a command or a handler.
 */
export type ErrorCode =
  | 'usage' // the command was called wrongly (CLI exit 2)
  | 'config' // settings or environment are missing or inconsistent
  | 'storage' // S3 or the local file system failed
  | 'query' // SQL failed to parse, bind or run
  | 'not_found'; // a named thing (query, dataset, file) does not exist

export class VssError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class UsageError extends VssError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('usage', message, options);
  }
}

export class ConfigError extends VssError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('config', message, options);
  }
}

export class StorageError extends VssError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('storage', message, options);
  }
}

export class QueryError extends VssError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('query', message, options);
  }
}

export class NotFoundError extends VssError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('not_found', message, options);
  }
}
