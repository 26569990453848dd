import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { UserError } from '../errors.js';
import type { Logger } from '../log/logger.js';
import { gitHubLimits } from '../sarif/github-limits.js';
import { parseRepositoryPath, readGitCheckout } from '../vcs/git.js';
import { CodeScanningClient, type ProcessingStatus, type UploadTarget } from './code-scanning-client.js';

export interface UploadFlags {
  repo?: string;
  sha?: string;
  ref?: string;
  apiUrl?: string;
  wait?: boolean;
  waitTimeout?: string;
}

export interface UploadContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
  signal: AbortSignal;
  logger: Logger;
  /** Milliseconds before the first status poll; doubled up to maxPollMs. */
  firstPollMs?: number;
  retryDelayMs?: number;
  requestTimeoutMs?: number;
}

const maxPollMs = 15_000;
const maxSarifFileBytes = 512 * 1024 * 1024;
const defaultWaitSeconds = 600;

/** Reads the SARIF file, resolves where it goes, uploads it and, with --wait, follows its processing. */
export async function uploadSarif(file: string, flags: UploadFlags, context: UploadContext): Promise<void> {
  const token = context.env.GITHUB_TOKEN?.trim();
  if (!token) {
    throw new UserError('The environment variable GITHUB_TOKEN is not set, and oqjob upload needs it.', {
      hint: 'Set GITHUB_TOKEN to a token with the security_events scope (in a workflow: env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }} and permissions: security-events: write). oqjob takes no token flag, so it never shows in a process list.',
    });
  }

  // A token with spaces or control characters is no valid header value. Reject it here, without
  // printing it, because the HTTP client would quote it in its error.
  if (/[^\x21-\x7e]/.test(token)) {
    throw new UserError('The environment variable GITHUB_TOKEN contains spaces, line breaks or other characters that a token never has.', {
      hint: 'Set GITHUB_TOKEN to the token alone, on one line.',
    });
  }

  const waitSeconds = parseWaitTimeout(flags.waitTimeout);
  const payload = await readSarifPayload(file);
  const target = await resolveTarget(flags, context);
  const client = new CodeScanningClient({
    token,
    signal: context.signal,
    ...(context.retryDelayMs === undefined ? {} : { retryDelayMs: context.retryDelayMs }),
    ...(context.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: context.requestTimeoutMs }),
    onRetry: (message) => context.logger.warn(`oqjob: ${message}`),
  });

  context.logger.info(`oqjob: uploading ${file} to ${target.owner}/${target.repo} for ${target.ref} at ${target.commitSha.slice(0, 12)}`);
  const receipt = await client.upload(target, payload);
  context.logger.info(`oqjob: GitHub accepted the upload (id ${receipt.id})`);
  if (!flags.wait) {
    return;
  }

  const status = await waitForProcessing(client, target, receipt.id, waitSeconds, context);
  if (status.status === 'failed') {
    throw new UserError(`GitHub failed to process upload ${receipt.id}:\n${status.errors.map((error) => `  - ${error}`).join('\n') || '  (no reason given)'}`, {
      hint: 'Fix what GitHub lists above and upload again; a file written by oqjob check --format sarif should not fail, so please report it if it does.',
    });
  }

  context.logger.info(`oqjob: GitHub processed the upload${status.analysesUrl ? `; analyses: ${status.analysesUrl}` : ''}`);
}

/** Reads, checks, gzips and base64-encodes the SARIF file, as the endpoint expects. */
async function readSarifPayload(file: string): Promise<string> {
  let text: string;
  try {
    const info = await stat(file);
    if (info.size > maxSarifFileBytes) {
      throw new UserError(`The SARIF file "${file}" is ${info.size} bytes, more than the ${maxSarifFileBytes} oqjob reads.`, {
        hint: 'GitHub accepts at most 10 MB gzipped: fix or baseline findings, or split the check by project with one --category each.',
      });
    }

    text = (await readFile(file, 'utf8')).replace(/^\ufeff/, '');
  } catch (error) {
    if (error instanceof UserError) {
      throw error;
    }

    throw new UserError(`Cannot read the SARIF file "${file}": ${(error as Error).message}.`, {
      hint: 'Write one first with: oqjob check --format sarif --output FILE',
    });
  }

  let log: { version?: unknown; runs?: unknown };
  try {
    log = JSON.parse(text) as typeof log;
  } catch (error) {
    throw new UserError(`The file "${file}" is not JSON: ${(error as Error).message}.`, { hint: 'Pass a file written by oqjob check --format sarif.' });
  }

  if (log.version !== '2.1.0' || !Array.isArray(log.runs)) {
    throw new UserError(`The file "${file}" is not a SARIF 2.1.0 log (it needs "version": "2.1.0" and a runs array).`, {
      hint: 'Pass a file written by oqjob check --format sarif.',
    });
  }

  const gzipped = gzipSync(Buffer.from(text, 'utf8'));
  if (gzipped.length > gitHubLimits.gzippedBytes) {
    throw new UserError(`The SARIF file "${file}" is ${gzipped.length} bytes gzipped, more than the ${gitHubLimits.gzippedBytes} GitHub accepts.`, {
      hint: 'Fix or baseline findings, or split the check by project with one --category each.',
    });
  }

  return gzipped.toString('base64');
}

/** Fills repository, commit, ref and API address from flags, then the GitHub Actions variables, then the git checkout. */
export async function resolveTarget(flags: UploadFlags, context: Pick<UploadContext, 'cwd' | 'env'>): Promise<UploadTarget> {
  const needsGit = !(flags.repo ?? context.env.GITHUB_REPOSITORY) || !(flags.sha ?? context.env.GITHUB_SHA) || !(flags.ref ?? context.env.GITHUB_REF);
  const checkout = needsGit ? await readGitCheckout(context.cwd) : undefined;

  const repo = flags.repo ?? context.env.GITHUB_REPOSITORY ?? repositoryFromCheckout(checkout?.repositoryUri);
  const commitSha = flags.sha ?? context.env.GITHUB_SHA ?? checkout?.revision;
  const ref = flags.ref ?? context.env.GITHUB_REF ?? checkout?.ref;
  const apiUrl = flags.apiUrl ?? context.env.GITHUB_API_URL ?? 'https://api.github.com';

  const [owner, name] = parseRepo(repo);
  return { owner, repo: name, commitSha: parseSha(commitSha), ref: parseRef(ref), apiUrl: parseApiUrl(apiUrl) };
}

function repositoryFromCheckout(repositoryUri: string | undefined): string | undefined {
  const parsed = repositoryUri ? parseRepositoryPath(repositoryUri) : undefined;
  return parsed ? `${parsed.owner}/${parsed.name}` : undefined;
}

function parseRepo(value: string | undefined): [string, string] {
  const match = value === undefined ? null : /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(value.trim());
  if (!match || ['.', '..'].includes(match[1] as string) || ['.', '..'].includes(match[2] as string)) {
    throw new UserError(value === undefined ? 'The repository is not known.' : `The repository "${value}" is not of the form owner/name.`, {
      hint: 'Pass --repo owner/name, or run in GitHub Actions (GITHUB_REPOSITORY) or in a checkout whose origin remote is on GitHub.',
    });
  }

  return [match[1] as string, match[2] as string];
}

function parseSha(value: string | undefined): string {
  if (value === undefined || !/^[0-9a-fA-F]{40}$/.test(value.trim())) {
    throw new UserError(value === undefined ? 'The commit is not known.' : `The commit "${value}" is not a full 40-character commit SHA.`, {
      hint: 'Pass --sha with the full commit the analysis ran on, or run in GitHub Actions (GITHUB_SHA) or in a git checkout.',
    });
  }

  return value.trim().toLowerCase();
}

function parseRef(value: string | undefined): string {
  if (value === undefined || !/^refs\/(heads|pull|tags)\/\S+$/.test(value.trim())) {
    throw new UserError(value === undefined ? 'The git ref is not known (a detached HEAD has none).' : `The ref "${value}" is not a full git ref.`, {
      hint: 'Pass --ref such as refs/heads/main or refs/pull/42/merge, or run in GitHub Actions (GITHUB_REF).',
    });
  }

  return value.trim();
}

function parseApiUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    url = new URL('invalid:');
  }

  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UserError(`The API address "${value}" is not an http or https URL.`, {
      hint: 'Pass --api-url https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server.',
    });
  }

  // Credentials belong in GITHUB_TOKEN, and a query or fragment would end up in the middle of every path.
  if (url.username || url.password || url.search || url.hash) {
    throw new UserError('The API address given with --api-url or GITHUB_API_URL contains a user name, password, query or fragment.', {
      hint: 'Pass only the address, such as https://HOST/api/v3, and the token in GITHUB_TOKEN.',
    });
  }

  return value;
}

function parseWaitTimeout(value: string | undefined): number {
  if (value === undefined) {
    return defaultWaitSeconds;
  }

  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new UserError(`The value "${value}" of --wait-timeout is not a positive number of seconds.`, { hint: 'Pass a number of seconds, for example --wait-timeout 300.' });
  }

  return seconds;
}

/** Polls the status with doubling intervals until GitHub finishes or the time runs out. */
async function waitForProcessing(client: CodeScanningClient, target: UploadTarget, id: string, waitSeconds: number, context: UploadContext): Promise<ProcessingStatus> {
  const deadline = Date.now() + waitSeconds * 1000;
  let interval = context.firstPollMs ?? 2000;
  for (;;) {
    const status = await client.status(target, id);
    if (status.status !== 'pending') {
      return status;
    }

    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      throw new UserError(`GitHub was still processing upload ${id} after ${waitSeconds} seconds.`, {
        hint: 'Raise --wait-timeout, or look at the repository\'s code scanning page later; the upload itself was accepted.',
      });
    }

    // The last pause ends at the deadline, so the final poll happens when the time is up.
    const pause = Math.min(interval, remaining);
    context.logger.info(`oqjob: GitHub is processing the upload; checking again in ${Math.ceil(pause / 1000)} s`);
    await new Promise((resolve) => setTimeout(resolve, pause));
    interval = Math.min(interval * 2, maxPollMs);
  }
}
