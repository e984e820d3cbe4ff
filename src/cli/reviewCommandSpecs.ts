import type * as Review from './commands/review';
import type { OutputMode } from './exitCodes';
import type { Io } from './io';
import { load, type CommandSpec } from './commandSpecs';

/** `jixiao review <forms…>` (its default sub-command `run`) and `jixiao review import <复核.xlsx>`. */
export const REVIEW_COMMANDS: CommandSpec[] = [
  {
    name: 'run',
    help: 'help.review.run',
    isDefault: true,
    args: [{ spec: '<forms...>', help: 'help.review.forms' }],
    options: [
      { flags: '-o, --output <folder>', help: 'help.review.output', required: true },
      { flags: '--rules <ruleset>', help: 'help.review.rules' },
      { flags: '--trust <pem>', help: 'help.review.trust', repeatable: true },
      { flags: '--previous <folder>', help: 'help.review.previous', repeatable: true },
      { flags: '--sample <n|percent>', help: 'help.review.sample' },
      { flags: '--seed <seed>', help: 'help.review.seed' },
      { flags: '--by <stratum>', help: 'help.review.by' },
      { flags: '--without-p0', help: 'help.review.withoutP0' },
      { flags: '--workers <n>', help: 'help.review.workers' },
      { flags: '--no-pdf', help: 'help.review.noPdf' },
      { flags: '--cache <dir>', help: 'help.review.cache' },
      { flags: '--no-cache', help: 'help.review.noCache' },
    ],
    run: (forms: string[], options: Review.ReviewCommandOptions, io: Io, mode: OutputMode) =>
      load<typeof Review>('./commands/review').reviewCommand(forms, options, io, mode),
  },
  {
    name: 'import',
    help: 'help.review.import',
    args: [{ spec: '<workbook>', help: 'help.review.import.workbook' }],
    options: [{ flags: '--review-json <file>', help: 'help.review.import.json' }],
    run: (file: string, options: { json?: boolean; reviewJson?: string }, io: Io, mode: OutputMode) =>
      load<typeof Review>('./commands/review').reviewImportCommand(file, options, io, mode),
  },
];
