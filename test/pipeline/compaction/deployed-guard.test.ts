/**
 * Until Athena's vss.<dataset> and vss.summaries read compacted months, `vss compact` refuses the
 * deployed lake bucket (its compacted months would drop out of Athena queries and refreshes) and
 * says why in both languages; the local data directory is still compacted.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../core/errors.ts';
import { COMPACTION_MESSAGES } from '../../../core/messages/index.ts';
import { compactDeployed, compactLocal } from '../../../local/compact-local.ts';
import { NOW } from './compaction-fixture.ts';

describe('vss compact --lake-bucket', () => {
  it('refuses with a ConfigError naming the bucket and Athena, in Vietnamese and English', async () => {
    const refused = await compactDeployed({ lakeBucket: 'vss-lake-prod', now: NOW }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(ConfigError);
    const error = refused as ConfigError;
    expect(error.code).toBe('config');
    expect(error.bilingual).toEqual(COMPACTION_MESSAGES.deployedNotRead('vss-lake-prod'));
    expect(error.bilingual?.en).toContain('vss-lake-prod');
    expect(error.bilingual?.en).toContain('Athena');
    expect(error.bilingual?.vi).toContain('Athena');
    expect(error.bilingual?.vi).not.toBe(error.bilingual?.en);
  });

  it('the local data directory is still compacted (an empty one: nothing to do, no refusal)', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'vss-compact-guard-'));
    try {
      await expect(compactLocal({ dataDir, now: NOW })).resolves.toEqual([]);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
