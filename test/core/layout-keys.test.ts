import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATASET_NAMES } from '../../core/datasets/index.ts';
import {
  annotatedKey,
  approvalKey,
  closedLedgerKey,
  closedLedgerMonthPrefix,
  compactedLedgerKey,
  attemptsPrefix,
  lakeDatasetPrefix,
  lakeKey,
  lakeMonthPrefix,
  lakePartitionFolder,
  ledgerDatasetPrefix,
  ledgerKey,
  ledgerMonthPrefix,
  offContractReceiptKey,
  provinceMonthName,
  publishedKey,
  publishedPrefix,
  receiptKey,
  summaryKey,
  summaryPartitionFolder,
  uploadFolder,
  uploadKey,
} from '../../core/contracts/layout.ts';
import {
  parseApprovalKey,
  parseClosedLedgerKey,
  parseCompactedLedgerKey,
  parseLakeKey,
  parseLedgerKey,
  parsePeriodFolder,
  periodOfKey,
  parseProvinceMonthName,
  parseReceiptKey,
  parseSummaryKey,
  parseUploadParts,
  uploadGroupOf,
} from '../../core/contracts/layout-parse.ts';
import {
  globMatcher,
  LAKE_FILE_GLOB,
  LEDGER_FILE_GLOB,
  SUMMARY_FILE_GLOB,
} from '../../core/contracts/layout-globs.ts';
import { HOSTILE_PATHS } from '../support/hostile-paths.ts';

const hex = (length: number) =>
  fc
    .array(fc.constantFrom(...'0123456789abcdef'), { minLength: length, maxLength: length })
    .map((c) => c.join(''));
const period = fc
  .tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }))
  .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
const province = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));
const provinceMonth = fc.record({ dataset: fc.constantFrom(...DATASET_NAMES), period, province });

describe('every key the layout builds reads back to the parts it was built from', () => {
  it('lake and summary keys', () => {
    fc.assert(
      fc.property(provinceMonth, (pm) => {
        expect(parseLakeKey(lakeKey(pm.dataset, pm.period, pm.province))).toEqual(pm);
        expect(parseSummaryKey(summaryKey(pm.dataset, pm.period, pm.province))).toEqual(pm);
        // Each parser refuses the other's key.
        expect(parseLakeKey(summaryKey(pm.dataset, pm.period, pm.province))).toBeNull();
        expect(parseSummaryKey(lakeKey(pm.dataset, pm.period, pm.province))).toBeNull();
      }),
    );
  });

  it('ledger and receipt keys', () => {
    fc.assert(
      fc.property(provinceMonth, hex(32), (pm, uploadId) => {
        const parts = { ...pm, uploadId };
        expect(parseLedgerKey(ledgerKey(pm.dataset, pm.period, pm.province, uploadId))).toEqual(parts);
        expect(parseReceiptKey(receiptKey(pm.dataset, pm.period, pm.province, uploadId))).toEqual(parts);
        expect(parseLedgerKey(receiptKey(pm.dataset, pm.period, pm.province, uploadId))).toBeNull();
      }),
    );
  });

  it('archived ledger keys and the compacted ledger month', () => {
    fc.assert(
      fc.property(provinceMonth, hex(32), (pm, uploadId) => {
        const parts = { ...pm, uploadId };
        const archived = closedLedgerKey(pm.dataset, pm.period, pm.province, uploadId);
        const live = ledgerKey(pm.dataset, pm.period, pm.province, uploadId);
        expect(archived).toBe(`ledger-closed/${pm.dataset}/${pm.period}/${pm.province}/${uploadId}.json`);
        expect(archived.startsWith(closedLedgerMonthPrefix(pm.dataset, pm.period, pm.province))).toBe(true);
        // The archive keeps the rest of the key: only the leading folder differs.
        expect(archived.slice('ledger-closed/'.length)).toBe(live.slice('ledger/'.length));
        expect(parseClosedLedgerKey(archived)).toEqual(parts);
        expect(parseLedgerKey(archived)).toBeNull();
        expect(parseClosedLedgerKey(live)).toBeNull();
        const compacted = compactedLedgerKey(pm.dataset, pm.period);
        expect(compacted).toBe(`ledger-compacted/${pm.dataset}/period=${pm.period}/records.parquet`);
        expect(parseCompactedLedgerKey(compacted)).toEqual({ dataset: pm.dataset, period: pm.period });
        expect(parseLedgerKey(compacted)).toBeNull();
        expect(periodOfKey(compacted)).toBe(pm.period);
      }),
    );
    for (const key of [
      'ledger-compacted/debt/period=2025-07/data.parquet',
      'ledger-compacted/debt/2025-07/records.parquet',
      'ledger-compacted/nope/period=2025-07/records.parquet',
      'ledger-compacted/debt/period=2025-07/x/records.parquet',
      'ledger/debt/period=2025-07/records.parquet',
    ]) {
      expect(parseCompactedLedgerKey(key), key).toBeNull();
    }
  });

  it('approval keys', () => {
    fc.assert(
      fc.property(period, province, hex(24), (p, code, approvalId) => {
        expect(parseApprovalKey(approvalKey(p, code, approvalId))).toEqual({
          period: p,
          province: code,
          approvalId,
        });
      }),
    );
  });
});

describe('the province-month name, upload parts and the upload group', () => {
  const fileName = fc.stringMatching(/^[a-z0-9][a-z0-9._ -]{0,20}$/u);

  it('read back to the parts they were built from', () => {
    fc.assert(
      fc.property(provinceMonth, fileName, (pm, name) => {
        expect(parseProvinceMonthName(provinceMonthName(pm.dataset, pm.period, pm.province))).toEqual(pm);
        const loc = { ...pm, fileName: name };
        expect(parseUploadParts(pm.dataset, pm.period, pm.province, name)).toEqual(loc);
        // The group of an upload is its province-month folder, whatever the file is called.
        expect(uploadGroupOf(uploadKey(loc))).toBe(
          uploadFolder(pm.dataset, pm.period, pm.province).slice(0, -1),
        );
      }),
    );
  });

  it('refuse parts and names of another shape, hostile ones too', () => {
    for (const name of [
      'debt/2025-07',
      'debt/2025-07/79/x',
      'debt/2025-13/79',
      'nope/2025-07/79',
      'debt/2025-07/7',
    ]) {
      expect(parseProvinceMonthName(name), name).toBeNull();
    }
    for (const path of HOSTILE_PATHS) {
      expect(parseProvinceMonthName(path), path).toBeNull();
      expect(parseUploadParts('debt', '2025-07', '79', path), path).toBeUndefined();
      expect(parseUploadParts('debt', '2025-07', path, 'x.csv'), path).toBeUndefined();
      expect(parseUploadParts('debt', path, '79', 'x.csv'), path).toBeUndefined();
    }
    expect(parseUploadParts('debt', '2025-07', '79/48', 'x.csv')).toBeUndefined();
    expect(parseUploadParts('debt', '2025-07', '79', '.hidden.csv')).toBeUndefined();
    // A key outside the contract still has a group: its first four segments, as always.
    expect(uploadGroupOf('uploads/debt/2025-07/79/48/x.csv')).toBe('uploads/debt/2025-07/79');
    expect(uploadGroupOf('odd')).toBe('odd');
  });
});

describe('the keys and folders the stages and infra spell with the builders', () => {
  const id = 'c'.repeat(32);
  const loc = { dataset: 'debt', period: '2025-07', province: '79' } as const;

  it('are the very strings they were typed as', () => {
    expect(ledgerDatasetPrefix('debt')).toBe('ledger/debt/');
    expect(ledgerMonthPrefix('debt', '2025-07', '79')).toBe('ledger/debt/2025-07/79/');
    expect(
      ledgerKey('debt', '2025-07', '79', id).startsWith(ledgerMonthPrefix('debt', '2025-07', '79')),
    ).toBe(true);
    expect(attemptsPrefix(loc, id)).toBe(`attempts/debt/2025-07/79/${id}/`);
    expect(annotatedKey(loc, id)).toBe(`annotated/debt/2025-07/79/${id}.xlsx`);
    expect(offContractReceiptKey(id)).toBe(`receipts/off-contract/${id}.json`);
    expect(publishedPrefix('2025-07')).toBe('approvals/2025-07/published/');
    expect(publishedKey('2025-07', 'd'.repeat(24))).toBe(
      `approvals/2025-07/published/${'d'.repeat(24)}.json`,
    );
    expect(provinceMonthName('debt', '2025-07', '79')).toBe('debt/2025-07/79');
    expect(uploadFolder('debt', '????-??', '48')).toBe('uploads/debt/????-??/48/');
    const template = ['$', '{period}'].join('');
    expect(lakePartitionFolder('debt', template, 'P')).toBe(`lake/debt/period=${template}/province=P/`);
    expect(summaryPartitionFolder('D', '2025-07', '79')).toBe('summaries/D/period=2025-07/province=79/');
  });

  it('are not read as the records beside them', () => {
    expect(parseApprovalKey(publishedKey('2025-07', 'd'.repeat(24)))).toBeNull();
    expect(parseReceiptKey(offContractReceiptKey(id))).toBeNull();
    expect(parseLedgerKey(`${attemptsPrefix(loc, id)}x`)).toBeNull();
  });
});

describe('the parsers refuse what is not of the builder shape', () => {
  const id32 = 'a'.repeat(32);
  const id24 = 'b'.repeat(24);

  it('refuses odd lake and summary keys', () => {
    for (const key of [
      'lake/debt/period=2025-07/province=79/other.parquet',
      'lake/debt/period=2025-13/province=79/data.parquet',
      'lake/debt/period=2025-07/province=079/data.parquet',
      'lake/debt/period=2025-07/province=7/data.parquet',
      'lake/Debt/period=2025-07/province=79/data.parquet',
      'lake/nope/period=2025-07/province=79/data.parquet',
      'lake/debt/period=2025-07/province=79/x/data.parquet',
      'lake/debt/period=2025-07/province=79//data.parquet',
      'lake/debt/2025-07/79/data.parquet',
      'lake/debt/period=2025-07/province=%37%39/data.parquet',
      'lake/debt/period=2025-07/province=79/data.parquet/',
      '/lake/debt/period=2025-07/province=79/data.parquet',
      'lake/debt/period=../province=79/data.parquet',
      'lake/debt/period=2025-07/province=79/../data.parquet',
    ]) {
      expect(parseLakeKey(key), key).toBeNull();
      // The same shape under summaries/ with the summary's file name (other.parquet stays other).
      const summary = key.replace(/^lake\//u, 'summaries/').replace('/data.parquet', '/summary.parquet');
      expect(parseSummaryKey(summary), summary).toBeNull();
    }
    expect(parseSummaryKey('summaries/debt/period=2025-07/province=79/data.parquet')).toBeNull();
  });

  it('refuses odd ledger, receipt and approval keys', () => {
    for (const key of [
      `ledger/debt/2025-07/79/${id32}`,
      `ledger/debt/2025-07/79/${id32}.json.tmp`,
      `ledger/debt/2025-07/79/${'A'.repeat(32)}.json`,
      `ledger/debt/2025-07/79/${'a'.repeat(31)}.json`,
      `ledger/debt/2025-07/79/../${id32}.json`,
      `ledger/debt/2025-7/79/${id32}.json`,
      `ledger/debt/2025-07/79/x/${id32}.json`,
      `ledger/debt/period=2025-07/79/${id32}.json`,
    ]) {
      expect(parseLedgerKey(key), key).toBeNull();
      expect(parseReceiptKey(key.replace(/^ledger\//u, 'receipts/')), key).toBeNull();
    }
    expect(parseReceiptKey(`receipts/off-contract/${id32}.json`)).toBeNull();
    for (const key of [
      `approvals/2025-07/published/${id24}.json`,
      `approvals/2025-07/79/${id32}.json`,
      `approvals/2025-07/79/${id24}`,
      `approvals/2025-13/79/${id24}.json`,
      `approvals/2025-07/79/x/${id24}.json`,
      `approvals/2025-07/%37%39/${id24}.json`,
      `approvals//2025-07/79/${id24}.json`,
    ]) {
      expect(parseApprovalKey(key), key).toBeNull();
    }
  });

  it('refuses every hostile path, with or without its leading slash', () => {
    for (const path of HOSTILE_PATHS) {
      for (const key of [path, path.replace(/^\//u, '')]) {
        for (const parse of [
          parseLakeKey,
          parseSummaryKey,
          parseLedgerKey,
          parseReceiptKey,
          parseApprovalKey,
        ]) {
          expect(parse(key), key).toBeNull();
        }
      }
    }
  });

  it('reads a period folder name and nothing else', () => {
    expect(parsePeriodFolder('period=2025-07')).toBe('2025-07');
    for (const name of [
      'period=2025-13',
      'period=2025-07x',
      'period=',
      '2025-07',
      'province=79',
      'period=../x',
    ])
      expect(parsePeriodFolder(name), name).toBeNull();
  });

  it('names the month of every key the refresh reads, and none of a key without one', () => {
    expect(periodOfKey(lakeKey('coverage', '2025-07', '79'))).toBe('2025-07');
    expect(periodOfKey(summaryKey('debt', '2024-12', '01'))).toBe('2024-12');
    expect(periodOfKey(ledgerKey('debt', '2025-01', '08', 'a'.repeat(32)))).toBe('2025-01');
    expect(periodOfKey(approvalKey('2025-03', '48', 'b'.repeat(24)))).toBe('2025-03');
    expect(periodOfKey(publishedKey('2025-03', 'c'))).toBe('2025-03');
    for (const key of ['summaries/debt/x.parquet', 'ledger/2025-07', 'lake/debt/period=2025-13/a.parquet'])
      expect(periodOfKey(key), key).toBeNull();
  });
});

describe('the mirror globs and their path tests are one shape', () => {
  it('derives the path tests the file cache used to spell out', () => {
    expect(globMatcher(LAKE_FILE_GLOB).source).toBe(/^period=[^/]+\/province=[^/]+\/[^/]+\.parquet$/.source);
    expect(globMatcher(SUMMARY_FILE_GLOB).source).toBe(
      /^[^/]+\/period=[^/]+\/province=[^/]+\/summary\.parquet$/.source,
    );
    expect(globMatcher(LEDGER_FILE_GLOB).source).toBe(/^[^/]+\/[^/]+\/[^/]+\/[^/]+\.json$/.source);
  });

  it('matches the keys the layout builds, below their folders', () => {
    const lake = lakeKey('debt', '2025-07', '79').slice('lake/debt/'.length);
    expect(globMatcher(LAKE_FILE_GLOB).test(lake)).toBe(true);
    expect(
      globMatcher(SUMMARY_FILE_GLOB).test(summaryKey('debt', '2025-07', '79').slice('summaries/'.length)),
    ).toBe(true);
    expect(
      globMatcher(LEDGER_FILE_GLOB).test(ledgerKey('debt', '2025-07', '79', 'a'.repeat(32)).slice(7)),
    ).toBe(true);
    expect(globMatcher(LAKE_FILE_GLOB).test(`x/${lake}`)).toBe(false);
    expect(globMatcher(SUMMARY_FILE_GLOB).test('debt/period=2025-07/province=79/data.parquet')).toBe(false);
  });
});

describe('the lake prefixes the refresh and its role read', () => {
  it('are the leading part of the keys the layout builds', () => {
    expect(lakeDatasetPrefix('coverage')).toBe('lake/coverage/');
    expect(lakeMonthPrefix('debt', '2025-07')).toBe('lake/debt/period=2025-07/');
    expect(lakeMonthPrefix('debt', '')).toBe('lake/debt/period=');
    expect(lakeKey('debt', '2025-07', '79').startsWith(lakeMonthPrefix('debt', '2025-07'))).toBe(true);
    expect(lakeKey('debt', '2025-07', '79').startsWith(lakeMonthPrefix('debt', ''))).toBe(true);
  });
});
