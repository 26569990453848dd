import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

/** What the fake GitHub received for one request. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface FakeGitHubOptions {
  /** The token the fake accepts; any other gets 401. */
  token: string;
  /** A token that is valid but lacks the security_events scope: 403. */
  tokenWithoutScope?: string;
  /** The only repository that exists, as owner/name; others get 404. */
  repository: string;
  /** Respond to the first n upload requests with this 5xx status. */
  failFirstUploads?: { count: number; status: number };
  /** Never respond: the request hangs until the client gives up. */
  hang?: boolean;
  /** Respond to the first n uploads with 429 Too Many Requests. */
  rateLimitFirstUploads?: number;
  /** Answer every upload with this status and message, as GitHub does for a body it rejects. */
  rejectUploads?: { status: number; message: string };
  /** Decoded SARIF larger than this many bytes gets 413. */
  maxSarifBytes?: number;
  /** Status polls answered "pending" before the final status. */
  pendingPolls?: number;
  /** The final processing status and its errors. */
  finalStatus?: { status: 'complete' | 'failed'; errors?: string[] };
}

/**
 * A local stand-in for GitHub's code scanning SARIF endpoints, listening on 127.0.0.1 only.
 * It follows the documented contract: 202 with id and url for an accepted upload, 400 for a
 * body that is not valid, 401, 403, 404 and 413 as documented, and the status endpoint with
 * processing_status pending, complete or failed.
 */
export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  private readonly server: Server;
  private uploads = 0;
  private polls = 0;

  private constructor(private readonly options: FakeGitHubOptions) {
    this.server = createServer((request, response) => {
      void this.handle(request, response);
    });
  }

  static async start(options: FakeGitHubOptions): Promise<FakeGitHub> {
    const fake = new FakeGitHub(options);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const path = request.url ?? '';
    this.requests.push({ method: request.method ?? '', path, headers: request.headers, body });

    const authorization = request.headers.authorization ?? '';
    if (authorization === `Bearer ${this.options.tokenWithoutScope}`) {
      return reply(response, 403, { message: 'Resource not accessible by integration' });
    }

    if (authorization !== `Bearer ${this.options.token}`) {
      return reply(response, 401, { message: 'Bad credentials' });
    }

    if (this.options.hang) {
      return;
    }

    const upload = /^\/repos\/([^/]+)\/([^/]+)\/code-scanning\/sarifs$/.exec(path);
    const status = /^\/repos\/([^/]+)\/([^/]+)\/code-scanning\/sarifs\/([^/]+)$/.exec(path);
    const match = upload ?? status;
    if (!match || `${match[1]}/${match[2]}` !== this.options.repository) {
      return reply(response, 404, { message: 'Not Found' });
    }

    if (upload && request.method === 'POST') {
      return this.upload(body, response);
    }

    if (status && request.method === 'GET') {
      return this.status(status[3] as string, response);
    }

    return reply(response, 404, { message: 'Not Found' });
  }

  private upload(body: string, response: ServerResponse): void {
    this.uploads += 1;
    const failure = this.options.failFirstUploads;
    if (failure && this.uploads <= failure.count) {
      return reply(response, failure.status, { message: 'Service unavailable' });
    }

    if (this.uploads <= (this.options.rateLimitFirstUploads ?? 0)) {
      return reply(response, 429, { message: 'API rate limit exceeded' });
    }

    if (this.options.rejectUploads) {
      return reply(response, this.options.rejectUploads.status, { message: this.options.rejectUploads.message });
    }

    let sarif: Buffer;
    let request: { commit_sha?: unknown; ref?: unknown; sarif?: unknown };
    try {
      request = JSON.parse(body) as typeof request;
      sarif = gunzipSync(Buffer.from(String(request.sarif), 'base64'));
      JSON.parse(sarif.toString('utf8'));
    } catch {
      return reply(response, 400, { message: 'Invalid request: sarif must be gzipped and base64 encoded SARIF' });
    }

    if (typeof request.commit_sha !== 'string' || !/^[0-9a-f]{40}$/.test(request.commit_sha) || typeof request.ref !== 'string' || !request.ref.startsWith('refs/')) {
      return reply(response, 400, { message: 'Invalid request: commit_sha and ref are required' });
    }

    if (this.options.maxSarifBytes !== undefined && sarif.length > this.options.maxSarifBytes) {
      return reply(response, 413, { message: 'Payload Too Large' });
    }

    const id = `upload-${this.uploads}`;
    return reply(response, 202, { id, url: `${this.apiUrl}/repos/${this.options.repository}/code-scanning/sarifs/${id}` });
  }

  private status(id: string, response: ServerResponse): void {
    this.polls += 1;
    if (this.polls <= (this.options.pendingPolls ?? 0)) {
      return reply(response, 200, { processing_status: 'pending', analyses_url: null });
    }

    const final = this.options.finalStatus ?? { status: 'complete' };
    return reply(response, 200, {
      processing_status: final.status,
      analyses_url: `${this.apiUrl}/repos/${this.options.repository}/code-scanning/analyses?sarif_id=${id}`,
      ...(final.errors ? { errors: final.errors } : {}),
    });
  }
}

function reply(response: ServerResponse, status: number, body: object): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }

  return Buffer.concat(chunks).toString('utf8');
}
