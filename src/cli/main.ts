#!/usr/bin/env node
/** `npm run sim -- <command>`: headless runs and wire decoding. See README "Command line". */
import { createInterface } from 'node:readline';
import { runDecode } from './decode';
import { runExportCommand } from './export';
import { runLessonCommand } from './lesson';
import { runScenarioCommand } from './run';

const USAGE = `usage:
  npm run --silent sim -- run <scenario.json> [--json] [--server-view] [--trace]
  npm run --silent sim -- decode <mqtt|ws|http> <hex|->
  npm run --silent sim -- export <scenario> --at <seconds> --format mermaid|svg|jsonl|csv
  npm run --silent sim -- lesson <content/lessons/NN-slug.md> [--json]`;

// A reader that stops early (`| head`) closes the pipe; that is not an error of ours.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

async function main(argv: string[]): Promise<number> {
  const io = {
    stdout: (line: string) => process.stdout.write(`${line}\n`),
    stderr: (line: string) => process.stderr.write(`${line}\n`),
    readStdinLines: () => createInterface({ input: process.stdin, crlfDelay: Infinity }),
  };
  const [command, ...rest] = argv;
  switch (command) {
    case 'decode':
      return runDecode(rest, io);
    case 'export':
      return runExportCommand(rest, io);
    case 'lesson':
      return runLessonCommand(rest, io);
    case 'run':
      return runScenarioCommand(rest, io);
    case '--help':
    case '-h':
    case 'help':
      io.stdout(USAGE);
      return 0;
    default:
      io.stderr(command ? `unknown command "${command}"\n${USAGE}` : USAGE);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`sim: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
