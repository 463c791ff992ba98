import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Option, type Command } from 'commander';
import { UsageError } from '../../core/errors.ts';
import { FLAG_ERRORS } from '../../core/messages/index.ts';
import { localPaths } from '../../core/contracts/layout.ts';
import { buildSite } from '../../pipeline/site/build.ts';
import { serveSite } from '../../local/site-server.ts';
import { dataDirOption } from '../options.ts';

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535) throw new UsageError(FLAG_ERRORS.badPort(value));
  return port;
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the dashboard on 127.0.0.1 (builds it first if it has not been built)')
    .addOption(dataDirOption())
    .addOption(
      new Option('--port <n>', 'port to listen on (0: any free port)').default(process.env.PORT ?? '8080'),
    )
    .option('--build', 'rebuild the page and bundle even if already built', false)
    .action(async (opts: { dataDir: string; port: string; build: boolean }) => {
      const port = parsePort(opts.port);
      const dir = localPaths(opts.dataDir).site;
      if (opts.build || !existsSync(join(dir, 'index.html'))) await buildSite({ outDir: dir });
      const server = await serveSite({ dir, port });
      console.log(`Dashboard: ${server.url}`);
      await new Promise<void>((done) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void server.close().then(done);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
