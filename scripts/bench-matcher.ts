/**
 * `npm run bench:matcher`: throughput (MB/s), compile time and memory of the matcher beside
 * a single combined RegExp and modern-ahocorasick, on the bundled packs' aliases and on
 * 10,000 synthetic aliases, over ~10 MB of real text. Options: --size=CHARS --runs=N.
 */
import { runMatcherBench } from './lib/matcher-bench.ts';

const arg = (name: string): number | undefined => {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.split('=')[1]) : undefined;
};

const rows = await runMatcherBench({ size: arg('size'), runs: arg('runs'), log: (l) => console.error(l) });
console.log('| alias set | engine | patterns | compile ms | memory MB | MB/s | matches | chars scanned |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  console.log(`| ${r.aliasSet} | ${r.engine} | ${r.patterns} | ${r.compileMs.toFixed(1)} | ${r.memoryMB.toFixed(1)} | ${r.mbPerSec.toFixed(1)} | ${r.matches} | ${r.textChars} |`);
}
for (const set of [...new Set(rows.map((r) => r.aliasSet))]) {
  const ours = rows.find((r) => r.aliasSet === set && r.engine === 'backstory')!;
  const best = Math.max(...rows.filter((r) => r.aliasSet === set && r.engine !== 'backstory').map((r) => r.mbPerSec));
  console.log(`${set}: backstory ${ours.mbPerSec.toFixed(1)} MB/s vs best other ${best.toFixed(1)} MB/s → ${ours.mbPerSec >= best ? 'OK' : 'SLOWER'}`);
}
