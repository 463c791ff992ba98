/**
 * docs/office-files.md quotes receipts of office-corpus files: each quoted verdict and sentence
 * must be what the validator says of that file today, so the officers' page cannot drift.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { validateOfficeFile } from '../pipeline/validate/validate-office-helpers.ts';

const page = await readFile(new URL('../../docs/office-files.md', import.meta.url), 'utf8');
const blocks = [...page.matchAll(/^```receipt (\S+)\n([\s\S]*?)^```$/gm)].map(([, file, body]) => ({
  file: file!,
  lines: body!.split('\n').filter(Boolean),
}));

describe('docs/office-files.md', () => {
  it('quotes receipts of at least ten corpus files', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(10);
  });

  it.each(blocks.map((b) => [b.file, b] as const))(
    '%s is quoted as the validator answers',
    async (file, b) => {
      const { receipt } = await validateOfficeFile({
        file,
        dataset: file.startsWith('prosecution') ? 'prosecution' : 'debt',
      });
      const status = b.lines[0]!.startsWith('ĐƯỢC CHẤP NHẬN') ? 'accepted' : 'rejected';
      expect(b.lines[0]!.startsWith(status === 'accepted' ? 'ĐƯỢC CHẤP NHẬN' : 'BỊ TỪ CHỐI')).toBe(true);
      expect(receipt.status).toBe(status);
      const issues = [...receipt.errors, ...receipt.warnings];
      const quoted = b.lines.slice(1);
      expect(quoted.length).toBeGreaterThan(0);
      for (const line of quoted) {
        const [lang, text] = [line.slice(0, 4), line.slice(4)];
        expect(['vi: ', 'en: ']).toContain(lang);
        const said = issues.map((i) => (lang === 'vi: ' ? i.message_vi : i.message_en));
        expect(said, line).toContain(text);
      }
    },
  );
});
