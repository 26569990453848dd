import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { applyBaseline, resolveBaselineFile, todayUtc } from '../baseline/apply.js';
import { defaultBaselineName, readBaseline, type BaselineFile } from '../baseline/baseline-file.js';
import { discoverBuildTarget } from '../project/discover.js';
import { runCheck } from '../check/run-check.js';
import type { CheckResult } from '../check/result.js';
import { isAtLeast, type Severity } from '../findings/finding.js';
import { assertWritableTarget, writeFileAtomic } from '../io/atomic-write.js';
import type { Logger } from '../log/logger.js';
import { parseCategory, renderReport, reportFormats, type ReportFormat } from '../report/render.js';
import { InterruptedError, UserError } from '../errors.js';
import { packageRoot, toolVersion } from '../version.js';
import { ExitCode } from './exit-codes.js';

export interface CheckFlags {
  format: ReportFormat;
  category?: string;
  includeSuppressed?: boolean;
  /** --baseline FILE gives a path, --no-baseline false; absent means the default file if it exists. */
  baseline?: string | false;
  showBaselined?: boolean;
  strictBaseline?: boolean;
  /** Set when both --baseline and --no-baseline were given, which commander would resolve silently. */
  baselineConflict?: boolean;
  output?: string;
  failOn: Severity;
  timeout?: string;
  quiet?: boolean;
  debug?: boolean;
}

export interface CommandContext {
  cwd: string;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  signal: AbortSignal;
  createLogger: (flags: { quiet: boolean; debug: boolean }) => Logger;
}

/** Address of oqjob's documentation, which SARIF names as the tool's information address. */
// NOTE: the public repository address is assumed, as in the analyzer's help links.
export const informationUri = 'https://github.com/oqjob/oqjob';

/** Paths of the analyzer and the targets file inside the installed package. */
export const bundledAnalyzerPath = path.join(packageRoot, 'dist', 'analyzer', 'Oqjob.Analyzers.dll');
export const bundledTargetsPath = path.join(packageRoot, 'dist', 'ts-host', 'dotnet', 'oqjob.targets');

export function addCheckCommand(program: Command, context: CommandContext, setExitCode: (code: number) => void): void {
  // Commander keeps only the last of --baseline FILE and --no-baseline; both given is a usage error.
  const baselineFlags = new Set<string>();
  program
    .command('check')
    .description('Build a module solution with the oqjob analyzer and report the scheduled-job findings.')
    .argument('[path]', 'a folder with one solution or project, or a .sln, .slnx or .csproj file', '.')
    .addOption(
      new Option('--format <format>', 'report format: text, json, sarif (GitHub code scanning), github (workflow annotations) or markdown (a step summary)')
        .choices([...reportFormats])
        .default('text'),
    )
    .option('-o, --output <file>', 'write the report to this file instead of standard output')
    .addOption(
      new Option('--fail-on <severity>', 'lowest severity that makes the exit code 1')
        .choices(['error', 'warning', 'note', 'none'])
        .default('error'),
    )
    .option('--category <name>', 'sarif only: the code scanning category of this analysis (default: oqjob/ and the checked folder\'s path in the repository)')
    .option('--include-suppressed', 'sarif only: keep findings suppressed in source, marked as suppressed, for audits')
    .option('--baseline <file>', `accept the findings listed in this baseline file (default: ${defaultBaselineName} in the checked folder, when it exists)`)
    .option('--no-baseline', 'ignore any baseline file and report every finding as new')
    .option('--show-baselined', 'text format: also list the findings that the baseline accepts')
    .option('--strict-baseline', 'exit with code 1 when the baseline has stale entries (findings that are gone)')
    .option('--timeout <seconds>', 'stop the build, with every process it started, after this many seconds')
    .option('-q, --quiet', 'print only the findings, no progress')
    .option('--debug', 'print the dotnet command and the decisions oqjob takes')
    .on('option:baseline', () => {
      baselineFlags.add('--baseline');
    })
    .on('option:no-baseline', () => {
      baselineFlags.add('--no-baseline');
    })
    .action(async (target: string, flags: CheckFlags) => {
      setExitCode(await checkAction(target, { ...flags, baselineConflict: baselineFlags.size > 1 }, context));
    });
}

async function checkAction(target: string, flags: CheckFlags, context: CommandContext): Promise<number> {
  const timeoutSeconds = parseTimeout(flags.timeout);
  if (flags.quiet && flags.debug) {
    throw new UserError('The flags --quiet and --debug cannot be used together: --quiet hides the output that --debug adds.', {
      hint: 'Pass only one of them.',
    });
  }

  const category = flags.category === undefined ? undefined : parseCategory(flags.category);
  const sarifOnly = [flags.category !== undefined ? '--category' : '', flags.includeSuppressed ? '--include-suppressed' : ''].filter(Boolean);
  if (flags.format !== 'sarif' && sarifOnly.length > 0) {
    throw new UserError(`The flag ${sarifOnly.join(' and ')} applies only to --format sarif, not to --format ${flags.format}.`, {
      hint: 'Add --format sarif, or leave the flag out.',
    });
  }

  if (flags.format !== 'text' && flags.showBaselined) {
    throw new UserError(`The flag --show-baselined applies only to --format text, not to --format ${flags.format}.`, {
      hint: flags.format === 'json' ? 'The JSON report always lists accepted findings, with baselineState "unchanged".' : 'Use --format text, or leave the flag out.',
    });
  }

  if (flags.output) {
    await assertWritableTarget(path.resolve(context.cwd, flags.output), flags.output);
  }

  // The baseline is read before the build, so a missing or invalid file fails in seconds.
  const baseline = await loadChosenBaseline(target, flags, context);
  if (flags.output) {
    await assertNotAnInput(path.resolve(context.cwd, flags.output), flags.output, target, baseline?.file, context);
  }

  const logger = context.createLogger({ quiet: flags.quiet ?? false, debug: flags.debug ?? false });
  const result = await runCheck({
    path: target,
    cwd: context.cwd,
    failOn: flags.failOn,
    analyzerPath: bundledAnalyzerPath,
    targetsPath: bundledTargetsPath,
    logger,
    signal: context.signal,
    ...(timeoutSeconds === undefined ? {} : { timeoutSeconds }),
  });

  if (baseline) {
    const applied = await applyBaseline(result.findings, result.root, baseline.file, baseline.content, todayUtc());
    result.findings = applied.fresh;
    result.baseline = applied.outcome;
    result.strictBaseline = flags.strictBaseline ?? false;
    result.baseline.pruneCommand = pruneCommand(target, typeof flags.baseline === 'string' ? flags.baseline : undefined);
  }

  const useColor = !flags.output && context.stdout.isTTY === true && !('NO_COLOR' in context.env);
  const report = await renderReport(result, {
    format: flags.format,
    color: useColor,
    toolVersion,
    informationUri,
    includeSuppressed: flags.includeSuppressed ?? false,
    showBaselined: flags.showBaselined ?? false,
    ...(category === undefined ? {} : { category }),
  });
  if (context.signal.aborted) {
    throw new InterruptedError();
  }

  if (flags.output) {
    await writeFileAtomic(path.resolve(context.cwd, flags.output), report);
    logger.info(`oqjob: report written to ${flags.output}`);
  } else {
    // Written without waiting for the stream, so that the exit code is set at once and a
    // reader that closes the pipe early (oqjob check | head) still gets it.
    for (const piece of typeof report === 'string' ? [report] : report) {
      context.stdout.write(piece);
    }
  }

  return exitCodeFor(result);
}

/** Returns the baseline command that removes stale entries, with the same path and file as this run. */
export function pruneCommand(target: string, file: string | undefined): string {
  const quote = (value: string) => (/^[\w./:@-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`);
  return ['oqjob', 'baseline', quote(target), '--prune', ...(file === undefined ? [] : ['--file', quote(file)])].join(' ');
}

/**
 * Refuses an --output that names the baseline in use or the solution or project checked,
 * which a report would overwrite.
 */
async function assertNotAnInput(output: string, shown: string, target: string, baselineFile: string | undefined, context: CommandContext): Promise<void> {
  const { file } = await discoverBuildTarget(target, context.cwd);
  const same = async (other: string) => (await realpath(output).catch(() => output)) === (await realpath(other).catch(() => other));
  if (baselineFile !== undefined && (await same(baselineFile))) {
    throw new UserError(`The output file "${shown}" is the baseline that this check reads, and the report would replace it.`, { hint: 'Choose another --output path.' });
  }

  if (await same(file)) {
    throw new UserError(`The output file "${shown}" is the solution or project being checked, and the report would replace it.`, { hint: 'Choose another --output path.' });
  }
}

/** Finds and reads the baseline that the flags choose, if any. */
async function loadChosenBaseline(target: string, flags: CheckFlags, context: CommandContext): Promise<{ file: string; content: BaselineFile } | undefined> {
  if (flags.baselineConflict) {
    throw new UserError('The flags --baseline and --no-baseline cannot be used together: one names a baseline, the other ignores every baseline.', {
      hint: 'Pass only one of them.',
    });
  }

  const choice = { disabled: flags.baseline === false, ...(typeof flags.baseline === 'string' ? { file: flags.baseline } : {}) };
  const { root } = await discoverBuildTarget(target, context.cwd);
  const file = await resolveBaselineFile(choice, context.cwd, root);
  return file === undefined ? undefined : { file, content: await readBaseline(file) };
}

/** Maps a result to the documented exit code. */
export function exitCodeFor(result: CheckResult): number {
  // A partial analysis must not pass as a clean one, whatever the findings are.
  if (!result.build.succeeded || !result.build.complete) {
    return ExitCode.Error;
  }

  if (result.strictBaseline && (result.baseline?.stale.length ?? 0) > 0) {
    return ExitCode.Findings;
  }

  if (result.failOn !== 'none' && result.findings.some((finding) => isAtLeast(finding.severity, result.failOn))) {
    return ExitCode.Findings;
  }

  return ExitCode.Success;
}

// Node's timers hold at most 2^31 - 1 milliseconds; a longer delay fires at once.
const maxTimeoutSeconds = 2_147_483;

export function parseTimeout(value: string | undefined): number | undefined {
  if (value === undefined) {
    return undefined;
  }

  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > maxTimeoutSeconds) {
    throw new UserError(`The value "${value}" of --timeout is not a number of seconds between 0 and ${maxTimeoutSeconds}.`, {
      hint: 'Pass a number of seconds, for example --timeout 600.',
    });
  }

  return seconds;
}
