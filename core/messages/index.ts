/**
 * Every sentence the platform says to a person, in Vietnamese (with full diacritics) and English,
 * behind one import path: code outside core/messages imports text from here only. The files
 * behind it are split by who reads them: messages.ts (receipt rules and the CLI, ingest, query,
 * doctor and upload-API text), receipt.ts (a receipt's issues in words), command-errors.ts (why a
 * command stopped), dashboard.ts, headline.ts, enforcement-results.ts, portal.ts, sign-off.ts and approval.ts (the pages
 * and sign-off).
 */
export * from './messages.ts';
export * from './compaction.ts';
export * from './receipt.ts';
export * from './command-errors.ts';
export * from './dashboard.ts';
export * from './portal.ts';
export * from './sign-off.ts';
export * from './approval.ts';
export * from './local-run.ts';
export * from './headline.ts';
export * from './enforcement-results.ts';
export * from './debt-breakdown.ts';
