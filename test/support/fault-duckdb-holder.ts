/**
 * A second process holding DuckDB database files open for writing, which takes DuckDB's lock on
 * each, as another `vss` command working on the same data directory would. Opens every path in
 * argv, prints "held" and keeps them until its stdin closes.
 */
import { DuckDBInstance } from '@duckdb/node-api';

const held: DuckDBInstance[] = [];
for (const path of process.argv.slice(2)) {
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  await connection.run('CREATE TABLE IF NOT EXISTS held_by_another (n INTEGER)');
  held.push(instance);
}
process.stdout.write('held\n');
process.stdin.resume();
process.stdin.on('end', () => {
  for (const instance of held) instance.closeSync();
  process.exit(0);
});
