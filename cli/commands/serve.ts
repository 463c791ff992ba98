import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { localPaths } from '../../core/contracts/layout.ts';
import { buildSite } from '../../pipeline/site/build.ts';
import { serveSite } from '../../local/site-server.ts';
import { dataDirOption, portOption } from '../options.ts';

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the dashboard on 127.0.0.1 (builds it first if it has not been built)')
    .addOption(dataDirOption())
    .addOption(portOption('port to listen on (0: any free port)'))
    .option('--build', 'rebuild the page and bundle even if already built', false)
    .action(async (opts: { dataDir: string; port: number; build: boolean }) => {
      const port = opts.port;
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
