/**
 * The few error classes of the platform, each with a machine-readable code. A rejected upload is
 * not an error: it is a receipt. These are for things that stop a command or a handler.
 *
 * Who reads an error decides its text. Text a person reads (the CLI user, a province officer
 * through the upload API, an operator reading `vss replay` or `vss serve`) is a `Bilingual` from
 * core/messages: `message` is its English, so logs and stacks stay readable, and `bilingual`
 * keeps both languages for whoever shows it. Text only a developer reads (a wrapped AWS SDK
 * failure with its bucket and key, an internal invariant, a deployment setting) is
 * `DeveloperText`: plain English written at the throw site.
 *
 * UsageError and NotFoundError are always read by a person, so they take only `Bilingual`;
 * ConfigError, StorageError and QueryError take either, and are developer-facing when given text.
 */
import type { Bilingual } from './messages/index.ts';

export type ErrorCode =
  | 'usage' // the command was called wrongly (CLI exit 2)
  | 'config' // settings or environment are missing or inconsistent
  | 'storage' // S3 or the local file system failed
  | 'query' // SQL failed to parse, bind or run
  | 'not_found'; // a named thing (query, dataset, file) does not exist

/** English for developers only: never shown to a province officer or a CLI user as the whole story. */
export type DeveloperText = string;

interface ErrorOptions {
  cause?: unknown;
}

export class VssError extends Error {
  /** Both languages of a person-facing error; undefined when only a developer reads it. */
  readonly bilingual: Bilingual | undefined;

  constructor(
    readonly code: ErrorCode,
    text: Bilingual | DeveloperText,
    options?: ErrorOptions,
  ) {
    super(typeof text === 'string' ? text : text.en, options);
    this.name = new.target.name;
    this.bilingual = typeof text === 'string' ? undefined : text;
  }
}

/** The command was called wrongly; read by the person at the terminal. */
export class UsageError extends VssError {
  constructor(text: Bilingual, options?: ErrorOptions) {
    super('usage', text, options);
  }
}

/** A named thing the person asked for (query, dataset, file) does not exist. */
export class NotFoundError extends VssError {
  constructor(text: Bilingual, options?: ErrorOptions) {
    super('not_found', text, options);
  }
}

/** Settings or environment are wrong: developer-facing text for a deployment, bilingual for an operator. */
export class ConfigError extends VssError {
  constructor(text: Bilingual | DeveloperText, options?: ErrorOptions) {
    super('config', text, options);
  }
}

/** S3 or the file system failed: developer-facing text (bucket, key, cause) unless a person can act on it. */
export class StorageError extends VssError {
  constructor(text: Bilingual | DeveloperText, options?: ErrorOptions) {
    super('storage', text, options);
  }
}

/** SQL failed: developer-facing text for engine internals, bilingual when the analyst's query failed. */
export class QueryError extends VssError {
  constructor(text: Bilingual | DeveloperText, options?: ErrorOptions) {
    super('query', text, options);
  }
}
