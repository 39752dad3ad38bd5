/**
 * `npm run bench`: every performance figure beside a baseline measured in the same run, as a
 * ratio. Machines here are 2 noisy cores: read ratios, not absolute times, and never gate a test
 * on them. `npm run bench -- engine|workers|ui|share|embed|lab|lessons` runs one group.
 */
import { formatBenchRows, type BenchRow } from './bench-row';
import { benchEmbed } from './bench-embed';
import { benchLab } from './bench-lab';
import { benchLessons } from './bench-lessons';
import { benchEngine } from './bench-engine';
import { benchShare } from './bench-share';
import { benchUi } from './bench-ui';
import { benchWorkers } from './bench-workers';

const GROUPS: Record<string, () => Promise<BenchRow[]>> = {
  engine: () => benchEngine(),
  workers: () => benchWorkers(),
  ui: () => benchUi(),
  embed: () => benchEmbed(),
  share: () => benchShare(),
  lab: () => benchLab(),
  lessons: () => benchLessons(),
};

async function main(): Promise<void> {
  const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = asked.filter((g) => !(g in GROUPS));
  if (unknown.length) {
    console.error(
      `unknown bench group ${unknown.join(', ')} (known: ${Object.keys(GROUPS).join(', ')})`,
    );
    process.exitCode = 2;
    return;
  }
  for (const name of asked.length ? asked : Object.keys(GROUPS)) {
    console.log(`\n${name}`);
    const rows = await GROUPS[name]!();
    for (const line of formatBenchRows(rows)) console.log(line);
  }
}

main().catch((e: unknown) => {
  console.error((e as Error).stack ?? e);
  process.exitCode = 1;
});
