/**
 * Runs the matcher benchmark (scripts/lib/matcher-bench.ts) and prints its rows as JSON on
 * stdout, so `npm run bench` can run it in a child process with a time limit.
 * Options: --size=CHARS --runs=N.
 */
import { runMatcherBench } from './matcher-bench.ts';

const arg = (name: string): number | undefined => {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.split('=')[1]) : undefined;
};

const rows = await runMatcherBench({ size: arg('size'), runs: arg('runs'), log: (l) => console.error(l) });
console.log(JSON.stringify(rows));
