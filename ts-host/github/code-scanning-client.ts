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
    const response = await this.send('POST', url, body);
    const data = await readJson(response, url);
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
    const data = await readJson(await this.send('GET', url, undefined), url);
    const status = data.processing_status;
    if (status !== 'pending' && status !== 'complete' && status !== 'failed') {
      throw new UserError(`GitHub returned the unknown processing status "${String(status)}" for upload ${id}.`, {
        hint: 'Open the repository\'s code scanning page to see the upload\'s state.',
      });
    }

    const errors = Array.isArray(data.errors) ? data.errors.map(String) : [];
    return { status, errors, analysesUrl: typeof data.analyses_url === 'string' ? data.analyses_url : undefined };
  }

  private async send(method: string, url: string, body: string | undefined): Promise<Response> {
    let lastProblem = '';
    for (let attempt = 1; attempt <= this.attempts; attempt += 1) {
      if (attempt > 1) {
        this.options.onRetry?.(`${lastProblem}; retrying (${attempt} of ${this.attempts})`);
        await delay(this.retryDelayMs * 2 ** (attempt - 2), this.options.signal);
      }

      let response: Response;
      try {
        response = await fetch(url, {
          method,
          headers: {
            Accept: 'application/vnd.github+json',
            Authorization: `Bearer ${this.options.token}`,
            'X-GitHub-Api-Version': apiVersion,
            'User-Agent': 'oqjob',
            ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          },
          body,
          signal: this.requestSignal(),
        });
      } catch (error) {
        if (this.options.signal?.aborted) {
          throw error;
        }

        lastProblem = `cannot reach ${new URL(url).origin}: ${networkReason(error)}`;
        continue;
      }

      if (response.status >= 500) {
        lastProblem = `GitHub answered ${response.status} ${response.statusText} for ${method} ${url}`;
        await response.body?.cancel();
        continue;
      }

      if (!response.ok) {
        throw await httpError(response, method, url);
      }

      return response;
    }

    throw new UserError(`The request failed ${this.attempts} times; the last time ${lastProblem}.`, {
      hint: 'Check the network and --api-url; GitHub may also be unavailable for a while (https://www.githubstatus.com).',
    });
  }

  private requestSignal(): AbortSignal {
    const timeout = AbortSignal.timeout(this.requestTimeoutMs);
    return this.options.signal ? AbortSignal.any([this.options.signal, timeout]) : timeout;
  }
}

/** Builds the repository's API address from the API root, without a doubled slash. */
function repositoryApi(target: UploadTarget): string {
  return `${target.apiUrl.replace(/\/+$/, '')}/repos/${encodeURIComponent(target.owner)}/${encodeURIComponent(target.repo)}`;
}

async function readJson(response: Response, url: string): Promise<Record<string, unknown>> {
  const text = await response.text();
  try {
    const data = JSON.parse(text) as unknown;
    if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
      return data as Record<string, unknown>;
    }
  } catch {
    // Reported below with the status.
  }

  throw new UserError(`The response from ${url} (status ${response.status}) is not a JSON object.`, {
    hint: 'Check that --api-url points to the GitHub API (for GitHub Enterprise Server, https://HOST/api/v3).',
  });
}

/** Maps an error status to a message that names the likely cause and the fix. */
async function httpError(response: Response, method: string, url: string): Promise<UserError> {
  const detail = await errorMessage(response);
  const what = `GitHub rejected ${method} ${url} with ${response.status} ${response.statusText}${detail ? `: ${detail}` : ''}`;
  switch (response.status) {
    case 401:
      return new UserError(`${what}.`, { hint: 'The token in GITHUB_TOKEN is invalid or expired; create a new one.' });
    case 403:
      return new UserError(`${what}.`, {
        hint: 'The token needs the security_events scope (in a workflow: permissions: security-events: write), and code scanning must be enabled for the repository (GitHub Advanced Security for private repositories).',
      });
    case 404:
      return new UserError(`${what}.`, { hint: 'Check --repo (owner/name) and --api-url, and that the token can see the repository.' });
    case 413:
      return new UserError(`${what}.`, { hint: 'The SARIF file is too large for GitHub: fix or baseline findings, or split the check by project with one --category each.' });
    case 400:
    case 422:
      return new UserError(`${what}.`, { hint: 'GitHub found the SARIF or the commit and ref invalid: check --sha (a full 40-character commit) and --ref (such as refs/heads/main), and that the file is one written by oqjob check --format sarif.' });
    default:
      return new UserError(`${what}.`, { hint: 'See the message above; run again with a corrected request.' });
  }
}

async function errorMessage(response: Response): Promise<string> {
  try {
    const data = JSON.parse(await response.text()) as { message?: unknown };
    return typeof data.message === 'string' ? data.message : '';
  } catch {
    return '';
  }
}

function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (error instanceof Error && error.name === 'TimeoutError') {
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
