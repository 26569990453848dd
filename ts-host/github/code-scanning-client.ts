import { UserError } from '../errors.js';

/** The repository, commit, ref and API address of an upload. */
export interface UploadTarget {
  apiUrl: string;
  owner: string;
  repo: string;
  commitSha: string;
  ref: string;
}

export interface UploadReceipt {
  id: string;
  url: string | undefined;
}

export interface ProcessingStatus {
  status: 'pending' | 'complete' | 'failed';
  errors: string[];
  analysesUrl: string | undefined;
}

export interface ClientOptions {
  token: string;
  /** Attempts for a request that fails with 5xx or a network error (first try included). */
  attempts?: number;
  /** Milliseconds before the first retry; doubled for each further one. */
  retryDelayMs?: number;
  /** Milliseconds one request may take. */
  requestTimeoutMs?: number;
  signal?: AbortSignal;
  onRetry?: (message: string) => void;
}

const apiVersion = '2022-11-28';

/**
 * A small client for GitHub's code scanning SARIF endpoints: upload a gzipped, base64
 * encoded log, and read its processing status. Errors become UserErrors that name the fix,
 * and the token never appears in one.
 */
export class CodeScanningClient {
  private readonly attempts: number;
  private readonly retryDelayMs: number;
  private readonly requestTimeoutMs: number;

  constructor(private readonly options: ClientOptions) {
    this.attempts = options.attempts ?? 3;
    this.retryDelayMs = options.retryDelayMs ?? 1000;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 60_000;
  }

  /** Sends POST /repos/{owner}/{repo}/code-scanning/sarifs and returns the upload's id. */
  async upload(target: UploadTarget, sarifGzipBase64: string): Promise<UploadReceipt> {
    const url = `${repositoryApi(target)}/code-scanning/sarifs`;
    const body = JSON.stringify({ commit_sha: target.commitSha, ref: target.ref, sarif: sarifGzipBase64, tool_name: 'oqjob' });
    const data = readJson(await this.send('POST', url, body), url);
    if (typeof data.id !== 'string' || data.id === '') {
      throw new UserError(`GitHub accepted the upload at ${url} but returned no upload id.`, {
        hint: 'Check that --api-url points to the GitHub API (for GitHub Enterprise Server, https://HOST/api/v3).',
      });
    }

    return { id: data.id, url: typeof data.url === 'string' ? data.url : undefined };
  }

  /** Reads GET /repos/{owner}/{repo}/code-scanning/sarifs/{id}. */
  async status(target: UploadTarget, id: string): Promise<ProcessingStatus> {
    const url = `${repositoryApi(target)}/code-scanning/sarifs/${encodeURIComponent(id)}`;
    const data = readJson(await this.send('GET', url, undefined), url);
    const status = data.processing_status;
    if (status !== 'pending' && status !== 'complete' && status !== 'failed') {
      throw new UserError(`GitHub returned the unknown processing status "${this.clean(String(status))}" for upload ${id}.`, {
        hint: 'Open the repository\'s code scanning page to see the upload\'s state.',
      });
    }

    const listed: unknown[] = Array.isArray(data.errors) ? data.errors : [];
    const errors = listed.map((error) => this.clean(typeof error === 'string' ? error : JSON.stringify(error)));
    return { status, errors, analysesUrl: typeof data.analyses_url === 'string' ? data.analyses_url : undefined };
  }

  private async send(method: string, url: string, body: string | undefined): Promise<HttpAnswer> {
    let lastProblem = '';
    for (let attempt = 1; attempt <= this.attempts; attempt += 1) {
      if (attempt > 1) {
        this.options.onRetry?.(`${lastProblem}; retrying (${attempt} of ${this.attempts})`);
        await delay(this.retryDelayMs * 2 ** (attempt - 2), this.options.signal);
      }

      let answer: HttpAnswer;
      try {
        answer = await this.fetchOnce(method, url, body);
      } catch (error) {
        if (this.options.signal?.aborted) {
          throw error;
        }

        if (!isNetworkError(error)) {
          throw unsendable(method, url, this.clean(sendFailureReason(error)));
        }

        lastProblem = `cannot reach ${new URL(url).origin}: ${this.clean(networkReason(error))}`;
        continue;
      }

      // 5xx and 429 are passing conditions on GitHub's side, so the request is tried again.
      if (answer.status >= 500 || answer.status === 429) {
        lastProblem = `the server answered ${answer.status} ${answer.statusText} for ${method} ${url}`;
        continue;
      }

      if (answer.status < 200 || answer.status > 299) {
        throw httpError(answer, method, url, (text) => this.clean(text));
      }

      return answer;
    }

    throw new UserError(`The request failed ${this.attempts} times; the last time ${lastProblem}.`, {
      hint: 'Check the network and --api-url; GitHub may also be unavailable or rate-limiting for a while (https://www.githubstatus.com).',
    });
  }

  /**
   * Sends one request and reads the whole response within the request timeout. The timer is
   * an own AbortController, because a timeout signal combined with AbortSignal.any can be
   * garbage-collected during the request on Node 20 and then never fires.
   */
  private async fetchOnce(method: string, url: string, body: string | undefined): Promise<HttpAnswer> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new TimeoutError()), this.requestTimeoutMs);
    const stop = () => controller.abort(this.options.signal?.reason);
    this.options.signal?.addEventListener('abort', stop, { once: true });
    try {
      const response = await fetch(url, {
        method,
        headers: {
          Accept: 'application/vnd.github+json',
          Authorization: `Bearer ${this.options.token}`,
          'X-GitHub-Api-Version': apiVersion,
          'User-Agent': 'oqjob',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body,
        signal: controller.signal,
      });
      const text = await response.text();
      return { status: response.status, statusText: response.statusText, text };
    } catch (error) {
      throw controller.signal.reason instanceof TimeoutError ? controller.signal.reason : error;
    } finally {
      clearTimeout(timer);
      this.options.signal?.removeEventListener('abort', stop);
    }
  }

  /** Removes the token, control characters and excess length from text that came from the server or the network. */
  private clean(text: string): string {
    const redacted = this.options.token ? text.split(this.options.token).join('***') : text;
    const printable = redacted.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
    return printable.length > 500 ? `${printable.slice(0, 500)}...` : printable;
  }
}

/** A response read in full. */
interface HttpAnswer {
  status: number;
  statusText: string;
  text: string;
}

class TimeoutError extends Error {
  constructor() {
    super('no answer in time');
    this.name = 'TimeoutError';
  }
}

/** True for a failure to reach the server (refused, reset, DNS, timeout), which is worth retrying. */
function isNetworkError(error: unknown): boolean {
  if (error instanceof TimeoutError) {
    return true;
  }

  // fetch reports a socket failure as a TypeError whose cause carries a system error code.
  const cause = (error as { cause?: { code?: unknown } }).cause;
  return error instanceof TypeError && typeof cause?.code === 'string';
}

/** Returns fetch's own reason for not sending a request, which sits in the error's cause. */
function sendFailureReason(error: unknown): string {
  const cause = (error as { cause?: { message?: unknown } }).cause;
  if (typeof cause?.message === 'string' && cause.message !== '') {
    return cause.message;
  }

  return error instanceof Error ? error.message : String(error);
}

function unsendable(method: string, url: string, reason: string): UserError {
  // fetch blocks ports of other protocols (6000, 6667, ...) before it connects, so a retry cannot help.
  const hint = reason === 'bad port'
    ? `The port in --api-url is one that Node's fetch blocks for safety. Use the API's real address, such as https://api.github.com.`
    : 'Check GITHUB_TOKEN (one line, no spaces) and --api-url.';
  return new UserError(`The request ${method} ${url} could not be sent: ${reason}.`, { hint });
}

/** Builds the repository's API address from the API root, without a doubled slash. */
function repositoryApi(target: UploadTarget): string {
  return `${target.apiUrl.replace(/\/+$/, '')}/repos/${encodeURIComponent(target.owner)}/${encodeURIComponent(target.repo)}`;
}

function readJson(answer: HttpAnswer, url: string): Record<string, unknown> {
  try {
    const data = JSON.parse(answer.text) as unknown;
    if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
      return data as Record<string, unknown>;
    }
  } catch {
    // Reported below with the status.
  }

  throw new UserError(`The response from ${url} (status ${answer.status}) is not a JSON object.`, {
    hint: 'Check that --api-url points to the GitHub API (for GitHub Enterprise Server, https://HOST/api/v3).',
  });
}

/** Maps an error status to a message that names the likely cause and the fix. */
function httpError(answer: HttpAnswer, method: string, url: string, clean: (text: string) => string): UserError {
  const detail = clean(errorMessage(answer.text));
  const summary = `GitHub rejected ${method} ${url} with ${answer.status} ${answer.statusText}${detail ? `: ${detail}` : ''}`;
  switch (answer.status) {
    case 401:
      return new UserError(`${summary}.`, { hint: 'The token in GITHUB_TOKEN is invalid or expired; create a new one.' });
    case 403:
      return new UserError(`${summary}.`, {
        hint: 'The token needs the security_events scope (in a workflow: permissions: security-events: write), and code scanning must be enabled for the repository (GitHub Advanced Security for private repositories).',
      });
    case 404:
      return new UserError(`${summary}.`, { hint: 'Check --repo (owner/name) and --api-url, and that the token can see the repository.' });
    case 413:
      return new UserError(`${summary}.`, { hint: 'The SARIF file is too large for GitHub: fix or baseline findings, or split the check by project with one --category each.' });
    case 400:
    case 422:
      return new UserError(`${summary}.`, { hint: 'GitHub found the SARIF or the commit and ref invalid: check --sha (a full 40-character commit) and --ref (such as refs/heads/main), and that the file is one written by oqjob check --format sarif.' });
    default:
      return new UserError(`${summary}.`, { hint: 'See the message above; run again with a corrected request.' });
  }
}

function errorMessage(text: string): string {
  try {
    const data = JSON.parse(text) as { message?: unknown };
    return typeof data.message === 'string' ? data.message : '';
  } catch {
    return '';
  }
}

function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (error instanceof TimeoutError) {
    return 'no answer in time';
  }

  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

function delay(milliseconds: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, milliseconds);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });
}
