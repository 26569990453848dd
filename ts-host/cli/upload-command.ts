import type { Command } from 'commander';
import { uploadSarif, type UploadFlags } from '../github/upload.js';
import type { CommandContext } from './check-command.js';
import { ExitCode } from './exit-codes.js';

interface UploadCommandFlags extends UploadFlags {
  quiet?: boolean;
}

export function addUploadCommand(program: Command, context: CommandContext, setExitCode: (code: number) => void): void {
  program
    .command('upload')
    .description('Upload a SARIF file to GitHub code scanning (POST /repos/{owner}/{repo}/code-scanning/sarifs). The token comes from GITHUB_TOKEN only.')
    .argument('<file>', 'a SARIF file written by oqjob check --format sarif')
    .option('--repo <owner/name>', 'the repository (default: GITHUB_REPOSITORY, else the origin remote)')
    .option('--sha <commit>', 'the full commit SHA the analysis ran on (default: GITHUB_SHA, else HEAD)')
    .option('--ref <ref>', 'the git ref, such as refs/heads/main or refs/pull/42/merge (default: GITHUB_REF, else the current branch)')
    .option('--api-url <url>', 'the GitHub API address (default: GITHUB_API_URL, else https://api.github.com)')
    .option('--wait', 'wait until GitHub has processed the upload and print its processing errors')
    .option('--wait-timeout <seconds>', 'how long --wait waits (default: 600)')
    .option('-q, --quiet', 'print nothing but errors')
    .addHelpText('after', '\nEnvironment:\n  GITHUB_TOKEN  token with the security_events scope (required; never taken from a flag)')
    .action(async (file: string, flags: UploadCommandFlags) => {
      const logger = context.createLogger({ quiet: flags.quiet ?? false, debug: false });
      await uploadSarif(file, flags, { cwd: context.cwd, env: context.env, signal: context.signal, logger });
      setExitCode(ExitCode.Success);
    });
}
