/**
 * A fast reader for the CSV files nearly every province sends: one record a line, fields either
 * bare or wholly quoted on one line. It gives exactly what csv-parse gives for such text (the
 * differential test in test/pipeline/validate/validate-split-csv.test.ts holds it to that) and answers
 * undefined for anything else — a quoted line break, a stray quote, a mixed line ending — which
 * the caller then hands to csv-parse. csv-parse costs about half of validating a large upload.
 */

/** csv-parse takes the first line ending it meets (outside quotes) as the file's. */
function recordDelimiter(text: string): string {
  const cr = text.indexOf('\r');
  const lf = text.indexOf('\n');
  if (cr < 0) return '\n';
  if (lf < 0 || cr < lf) return text[cr + 1] === '\n' ? '\r\n' : '\r';
  return '\n';
}

/** The fields of one line with quotes; undefined unless every quote is a field's own pair. */
function quotedFields(line: string, delimiter: string): string[] | undefined {
  const fields: string[] = [];
  let at = 0;
  for (;;) {
    if (line[at] === '"') {
      let field = '';
      let from = at + 1;
      for (;;) {
        const close = line.indexOf('"', from);
        if (close < 0) return undefined;
        field += line.slice(from, close);
        if (line[close + 1] === '"') {
          field += '"';
          from = close + 2;
          continue;
        }
        at = close + 1;
        break;
      }
      fields.push(field);
      if (at === line.length) return fields;
      if (line[at] !== delimiter) return undefined;
      at += 1;
    } else {
      const end = line.indexOf(delimiter, at);
      const field = line.slice(at, end < 0 ? line.length : end);
      if (field.includes('"')) return undefined;
      fields.push(field);
      if (end < 0) return fields;
      at = end + 1;
    }
  }
}

/**
 * Records of `text` as csv-parse (relax_column_count, relax_quotes, skip_empty_lines false,
 * `to` = limit) would return them, or undefined when the text needs the full parser.
 */
export function splitSimpleCsv(text: string, delimiter: string, limit = Infinity): string[][] | undefined {
  if (text.length === 0) return [];
  const ending = recordDelimiter(text);
  const lines = text.split(ending);
  // A line ending at the very end closes the last record; it does not open an empty one.
  if (lines[lines.length - 1] === '') lines.pop();
  const count = Math.min(lines.length, limit);
  const records: string[][] = new Array<string[]>(count);
  for (let i = 0; i < count; i += 1) {
    const line = lines[i]!;
    if (line.includes('\r') || line.includes('\n')) return undefined;
    if (!line.includes('"')) {
      records[i] = line.split(delimiter);
      continue;
    }
    const fields = quotedFields(line, delimiter);
    if (!fields) return undefined;
    records[i] = fields;
  }
  return records;
}
