/**
 * `npm run annotate -- FILE|-`: prints the mentions the matcher finds in a text or HTML
 * file, one JSON object a line: start, end (UTF-16 offsets into the text read; for HTML,
 * into its visible text), text, entity, name, type.
 */
import { readInput, InputError } from './lib/read-input.ts';
import { bundledMatcher } from './lib/bundled-matcher.ts';

const USAGE = 'usage: npm run annotate -- FILE|-   (text or HTML; "-" reads standard input)';

function main(argv: string[]): number {
  const args = argv.filter((a) => a !== '--');
  if (args.length !== 1 || args[0] === '-h' || args[0] === '--help') {
    process.stderr.write(`${USAGE}\n`);
    return args[0] === '-h' || args[0] === '--help' ? 0 : 2;
  }
  try {
    const input = readInput(args[0]!);
    const mentions = bundledMatcher().findMentions(input.text, input.title ? { title: input.title } : undefined);
    process.stdout.write(mentions.map((m) => JSON.stringify(m)).join('\n') + (mentions.length ? '\n' : ''));
    return 0;
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(`annotate: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

process.exitCode = main(process.argv.slice(2));
