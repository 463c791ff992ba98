/**
 * No role allows more than its function needs: the storage, query and secret rights each
 * synthesized role grants, against a table of what the function's code does (each line says
 * which code needs it). roles-in-use.test.ts proves the other side: the functions run under
 * these roles with every call authorized.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { refreshReadPrefixes } from '../../infra/constructs/refresh-schedule.ts';
import { debtMonthPrefix } from '../../pipeline/refresh/refresh-bundles.ts';
import { refreshMirrorPrefixes } from '../../pipeline/refresh/refresh.ts';
import { grantTable } from './role-grants.ts';
import { synthForTemplate, type Synthesized } from './synth.ts';

const STORAGE = /^Allow (s3|athena|glue|secretsmanager):/;

const grants = (s: Synthesized, role: Parameters<typeof grantTable>[1]) =>
  grantTable(s, role).filter((row) => STORAGE.test(row));

const SESSION_SECRET =
  'Allow secretsmanager:GetSecretValue arn:aws:secretsmanager:ap-southeast-1:111122223333:secret:vss/test/dashboard-session-??????';

const EXPECTED = {
  // pipeline/ingest: reads the upload; writes lake object, summary, ledger record, receipt; reads
  // them back to decide and to reconcile, and a compacted month's archived records (ledger-closed/);
  // lists the ledger and its validation markers. Deletes
  // only its own validation marker (pipeline/ingest/park-upload.ts).
  ingest: [
    'Allow s3:DeleteObject <lake>/attempts/*',
    'Allow s3:GetObject <lake>/approvals/*',
    'Allow s3:GetObject <lake>/lake/*',
    'Allow s3:GetObject <lake>/ledger-closed/*',
    'Allow s3:GetObject <lake>/ledger/*',
    'Allow s3:GetObject <lake>/receipts/*',
    'Allow s3:GetObject <lake>/summaries/*',
    'Allow s3:GetObject <lake>/targets/history.parquet',
    'Allow s3:GetObject <uploads>/uploads/*',
    'Allow s3:GetObjectVersion <uploads>/uploads/*',
    'Allow s3:ListBucket <lake>',
    'Allow s3:PutObject <lake>/attempts/*',
    'Allow s3:PutObject <lake>/lake/*',
    'Allow s3:PutObject <lake>/ledger/*',
    'Allow s3:PutObject <lake>/receipts/*',
    'Allow s3:PutObject <lake>/summaries/*',
  ],
  // functions/refresh on DuckDB: mirrors refreshMirrorPrefixes() and one month of debt detail
  // (or, in a new container, only the changed months' objects and the published files it
  // splices), writes data/ in the site bucket, and reads and replaces its state in the lake.
  refreshDuckdb: [
    'Allow s3:GetObject <lake>/approvals/*',
    'Allow s3:GetObject <lake>/lake/collection/*',
    'Allow s3:GetObject <lake>/lake/coverage/*',
    'Allow s3:GetObject <lake>/lake/debt/period=*',
    'Allow s3:GetObject <lake>/lake/enforcement/*',
    'Allow s3:GetObject <lake>/lake/procedures/*',
    'Allow s3:GetObject <lake>/lake/prosecution/*',
    'Allow s3:GetObject <lake>/ledger-compacted/*',
    'Allow s3:GetObject <lake>/ledger/*',
    'Allow s3:GetObject <lake>/refresh-state/state.json',
    'Allow s3:GetObject <lake>/summaries/*',
    'Allow s3:GetObject <lake>/targets/*',
    'Allow s3:GetObject <site>/data/*',
    'Allow s3:ListBucket <lake>',
    'Allow s3:PutObject <lake>/refresh-state/state.json',
    'Allow s3:PutObject <site>/data/*',
  ],
  // functions/refresh on Athena: Athena reads the tables' locations with the caller's rights and
  // writes results where the workgroup says; the function writes data/ and mirrors approvals/ (the
  // sign-off records have no table).
  refreshAthena: [
    'Allow athena:GetQueryExecution arn:aws:athena:ap-southeast-1:111122223333:workgroup/vss-test',
    'Allow athena:GetQueryResults arn:aws:athena:ap-southeast-1:111122223333:workgroup/vss-test',
    'Allow athena:GetWorkGroup arn:aws:athena:ap-southeast-1:111122223333:workgroup/vss-test',
    'Allow athena:StartQueryExecution arn:aws:athena:ap-southeast-1:111122223333:workgroup/vss-test',
    'Allow athena:StopQueryExecution arn:aws:athena:ap-southeast-1:111122223333:workgroup/vss-test',
    ...['GetDatabase', 'GetPartition', 'GetPartitions', 'GetTable', 'GetTables'].flatMap((a) =>
      ['catalog', 'database/vss', 'table/vss/*'].map(
        (r) => `Allow glue:${a} arn:aws:glue:ap-southeast-1:111122223333:${r}`,
      ),
    ),
    'Allow s3:AbortMultipartUpload <results>/athena/*',
    'Allow s3:GetBucketLocation <lake>',
    'Allow s3:GetBucketLocation <results>',
    'Allow s3:GetObject <lake>/approvals/*',
    'Allow s3:GetObject <lake>/lake/*',
    'Allow s3:GetObject <lake>/ledger-compacted/*',
    'Allow s3:GetObject <lake>/ledger/*',
    'Allow s3:GetObject <lake>/reference/*',
    'Allow s3:GetObject <lake>/summaries/*',
    'Allow s3:GetObject <lake>/targets/*',
    'Allow s3:GetObject <results>/athena/*',
    'Allow s3:GetObject <site>/data/.published.json',
    'Allow s3:ListBucket <lake>',
    'Allow s3:ListBucket <lake> if {"StringLike":{"s3:prefix":["approvals/*"]}}',
    'Allow s3:ListBucket <results>',
    'Allow s3:ListMultipartUploadParts <results>/athena/*',
    'Allow s3:PutObject <results>/athena/*',
    'Allow s3:PutObject <site>/data/*',
  ],
  // pipeline/upload-api: signs the officer's PUT, reads an upload back to mark it, finds the
  // ledger record (listing ledger/ and the archived ledger-closed/ only) and its receipt, reads the session key; for the sign-off,
  // lists and reads approvals/ and writes a new record there (never the lake or the ledger).
  uploadApi: [
    'Allow s3:GetObject <lake>/annotated/*',
    'Allow s3:GetObject <lake>/approvals/*',
    'Allow s3:GetObject <lake>/ledger-closed/*',
    'Allow s3:GetObject <lake>/ledger/*',
    'Allow s3:GetObject <lake>/receipts/*',
    'Allow s3:GetObject <uploads>/uploads/*',
    'Allow s3:GetObjectVersion <uploads>/uploads/*',
    'Allow s3:ListBucket <lake> if {"StringLike":{"s3:prefix":["ledger/*","ledger-closed/*","approvals/*"]}}',
    'Allow s3:PutObject <lake>/annotated/*',
    'Allow s3:PutObject <lake>/approvals/*',
    'Allow s3:PutObject <uploads>/uploads/*',
    SESSION_SECRET,
  ],
  // pipeline/lake/compact-month.ts: lists the months with per-province objects and each month's
  // objects, reads them (GET, and the HEAD before a removal), writes the compacted object and
  // removes the folded ones, under lake/ and summaries/ (COMPACTION_PREFIXES); for the ledger
  // (pipeline/ledger/compact-ledger-month.ts) lists and reads ledger/ and ledger-closed/, writes
  // ledger-compacted/ and the archive's copies, and removes from ledger/ only (LEDGER_COMPACTION).
  compact: [
    'Allow s3:DeleteObject <lake>/lake/*',
    'Allow s3:DeleteObject <lake>/ledger/*',
    'Allow s3:DeleteObject <lake>/summaries/*',
    'Allow s3:GetObject <lake>/lake/*',
    'Allow s3:GetObject <lake>/ledger-closed/*',
    'Allow s3:GetObject <lake>/ledger/*',
    'Allow s3:GetObject <lake>/summaries/*',
    'Allow s3:ListBucket <lake> if {"StringLike":{"s3:prefix":["lake/*","summaries/*","ledger/*","ledger-closed/*"]}}',
    'Allow s3:PutObject <lake>/lake/*',
    'Allow s3:PutObject <lake>/ledger-closed/*',
    'Allow s3:PutObject <lake>/ledger-compacted/*',
    'Allow s3:PutObject <lake>/summaries/*',
  ],
  // The sign-in (session) function touches no bucket: it signs cookies with the session key.
  session: [SESSION_SECRET],
};

describe('what each role grants (DuckDB refresh)', () => {
  let s: Synthesized;
  beforeAll(() => {
    s = synthForTemplate();
  });

  it('ingest', () => expect(grants(s, s.stack.ingest.fn.role)).toEqual(EXPECTED.ingest));
  it('refresh', () => expect(grants(s, s.stack.refresh.fn.role)).toEqual(EXPECTED.refreshDuckdb));
  it('upload API', () => expect(grants(s, s.stack.uploadApi.role)).toEqual(EXPECTED.uploadApi));
  it('compaction', () => expect(grants(s, s.stack.compaction.fn.role)).toEqual(EXPECTED.compact));
  it('compaction: the data key to read and write the lake, no other', () => {
    const kms = grantTable(s, s.stack.compaction.fn.role).filter((row) => row.includes(' kms:'));
    expect(kms).toEqual(
      expect.arrayContaining(['Allow kms:Decrypt <data key>', 'Allow kms:GenerateDataKey <data key>']),
    );
    expect(kms.every((row) => row.endsWith('<data key>'))).toBe(true);
  });
  it('sign-in session', () => {
    const role = s.stack.signIn.sessionFunction.role;
    expect(role).toBeDefined();
    if (role) expect(grants(s, role)).toEqual(EXPECTED.session);
  });
});

describe('what the refresh role grants on Athena', () => {
  it('the queries and their results, and data/; a mirror of approvals/ only', () => {
    const s = synthForTemplate({ refreshEngine: 'athena' });
    expect(grants(s, s.stack.refresh.fn.role)).toEqual(EXPECTED.refreshAthena);
  });
});

describe('the refresh grant follows the refresh code', () => {
  it('reads what it mirrors and the debt detail of a month, nothing else', () => {
    const month = debtMonthPrefix('2025-07');
    const prefixes = refreshReadPrefixes();
    expect(prefixes.slice(0, -1)).toEqual(refreshMirrorPrefixes());
    expect(month.startsWith(prefixes.at(-1) ?? '?')).toBe(true);
  });
});
