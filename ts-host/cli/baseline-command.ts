import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { todayUtc } from '../baseline/apply.js';
import { defaultBaselineName, describeEntryPlace, readBaseline, writeBaseline, type BaselineEntry } from '../baseline/baseline-file.js';
import { identifyFindings } from '../baseline/identity.js';
import { nextBaseline, type BaselineChanges, type BaselineMode } from '../baseline/update.js';
import { runCheck } from '../check/run-check.js';
import { InterruptedError, UserError } from '../errors.js';
import { assertWritableTarget } from '../io/atomic-write.js';
import { discoverBuildTarget } from '../project/discover.js';
import { bundledAnalyzerPath, bundledTargetsPath, parseTimeout, type CommandContext } from './check-command.js';
import { ExitCode } from './exit-codes.js';

interface BaselineFlags {
  file?: string;
  update?: boolean;
  prune?: boolean;
  timeout?: string;
  quiet?: boolean;
  debug?: boolean;
}

export function addBaselineCommand(program: Command, context: CommandContext, setExitCode: (code: number) => void): void {
  program
    .command('baseline')
    .description('Write a baseline of the current findings, so that oqjob check fails only on new ones.')
    .argument('[path]', 'a folder with one solution or project, or a .sln, .slnx or .csproj file', '.')
    .option('--file <file>', `the baseline file (default: ${defaultBaselineName} in the checked folder)`)
    .option('--update', 'accept the new findings and drop the entries of fixed ones (creates the file when it is missing)')
    .option('--prune', 'only drop the entries of fixed findings, never add (the file must exist)')
    .option('--timeout <seconds>', 'stop the build, with every process it started, after this many seconds')
    .option('-q, --quiet', 'print only the changes, no progress')
    .option('--debug', 'print the dotnet command and the decisions oqjob takes')
    .action(async (target: string, flags: BaselineFlags) => {
      setExitCode(await baselineAction(target, flags, context));
    });
}

async function baselineAction(target: string, flags: BaselineFlags, context: CommandContext): Promise<number> {
  if (flags.update && flags.prune) {
    throw new UserError('The flags --update and --prune cannot be used together: --update adds new findings, --prune never adds.', { hint: 'Pass only one of them.' });
  }

  if (flags.quiet && flags.debug) {
    throw new UserError('The flags --quiet and --debug cannot be used together: --quiet hides the output that --debug adds.', { hint: 'Pass only one of them.' });
  }

  const timeoutSeconds = parseTimeout(flags.timeout);
  const buildTarget = await discoverBuildTarget(target, context.cwd);
  const file = flags.file ? path.resolve(context.cwd, flags.file) : path.join(buildTarget.root, defaultBaselineName);
  const mode = await chooseMode(file, flags);

  // Read before the build: an invalid file fails fast and is never overwritten.
  const existing = mode === 'create' ? undefined : await readBaseline(file);
  const before = await fileSnapshot(file);
  await assertWritableTarget(file);

  const logger = context.createLogger({ quiet: flags.quiet ?? false, debug: flags.debug ?? false });
  const result = await runCheck({
    path: target,
    cwd: context.cwd,
    failOn: 'none',
    analyzerPath: bundledAnalyzerPath,
    targetsPath: bundledTargetsPath,
    logger,
    signal: context.signal,
    ...(timeoutSeconds === undefined ? {} : { timeoutSeconds }),
  });
  if (!result.build.succeeded || !result.build.complete) {
    throw new UserError('The build failed or some code did not compile, so the findings are incomplete; the baseline was not written.', {
      hint: 'Run oqjob check on the same path to see the build errors, fix them, and run oqjob baseline again.',
    });
  }

  const findings = await identifyFindings(result.findings, result.root);
  const changes = nextBaseline(findings, existing, mode, todayUtc());
  if (context.signal.aborted) {
    throw new InterruptedError();
  }

  await assertUnchangedSince(file, before);
  await writeBaseline(file, changes.baseline);

  context.stdout.write(describeChanges(path.relative(context.cwd, file) || file, changes));
  return ExitCode.Success;
}

/** Reads the file's content now, or returns undefined when there is none. */
async function fileSnapshot(file: string): Promise<string | undefined> {
  return readFile(file, 'utf8').catch(() => undefined);
}

/**
 * Fails when the baseline changed during the build, for example when another oqjob baseline
 * or a person wrote it: writing now would silently drop that change.
 */
async function assertUnchangedSince(file: string, before: string | undefined): Promise<void> {
  if ((await fileSnapshot(file)) !== before) {
    throw new UserError(`The baseline "${file}" changed while oqjob was building, so it was not written.`, {
      hint: 'Another oqjob baseline run or an edit changed it. Run oqjob baseline again to start from the new content.',
    });
  }
}

async function chooseMode(file: string, flags: BaselineFlags): Promise<BaselineMode> {
  // lstat, so that a link to nowhere or to itself counts as existing and reaches readBaseline's error.
  const info = await lstat(file).catch(() => undefined);
  if (info?.isDirectory()) {
    throw new UserError(`The baseline path "${file}" is a folder.`, { hint: 'Pass a file name to --file.' });
  }

  if (!info) {
    if (flags.prune) {
      throw new UserError(`There is no baseline "${file}" to prune.`, { hint: 'Create one first with: oqjob baseline' });
    }

    return 'create';
  }

  if (flags.update) {
    return 'update';
  }

  if (flags.prune) {
    return 'prune';
  }

  throw new UserError(`The baseline "${file}" already exists, and oqjob baseline does not replace it.`, {
    hint: 'Pass --update to accept the new findings and drop the fixed ones, or --prune to only drop the fixed ones.',
  });
}

function describeChanges(file: string, changes: BaselineChanges): string {
  const describe = (entry: BaselineEntry) => `  ${entry.file}  ${entry.rule}  ${describeEntryPlace(entry)}`;
  const lines = [`Wrote ${file}: ${changes.added.length} added, ${changes.removed.length} removed, ${changes.kept} kept.`];
  if (changes.added.length > 0) {
    lines.push('Added:', ...changes.added.map(describe));
  }

  if (changes.removed.length > 0) {
    lines.push('Removed (no matching finding):', ...changes.removed.map(describe));
  }

  if (changes.expired > 0) {
    lines.push(`${changes.expired} kept ${changes.expired === 1 ? 'entry has' : 'entries have'} expired, so ${changes.expired === 1 ? 'its finding stays' : 'their findings stay'} new; change or remove "expires" in the file to accept ${changes.expired === 1 ? 'it' : 'them'} again.`);
  }

  return `${lines.join('\n')}\n`;
}
