import type { Command } from 'commander';
import { syncLocalMirror } from '../../local/local-mirror.ts';
import { localPaths } from '../../core/contracts/layout.ts';
import { inOneLine, LOCAL_RUN_MESSAGES } from '../../core/messages/index.ts';
import { refreshSite } from '../../pipeline/refresh/refresh.ts';
import { dataDirOption } from '../options.ts';

export function register(program: Command): void {
  program
    .command('refresh')
    .description(
      'run the dashboard queries over the local lake and write the site data (<data-dir>/site/data)',
    )
    .addOption(dataDirOption())
    .action(async (opts: { dataDir: string }) => {
      const paths = localPaths(opts.dataDir);
      const synced = await syncLocalMirror(opts.dataDir);
      if (synced) console.error(inOneLine(LOCAL_RUN_MESSAGES.mirrored(synced)));
      const { files } = await refreshSite({ mirrorDir: paths.mirror, outDir: `${paths.site}/data` });
      for (const file of files) console.log(file);
    });
}
