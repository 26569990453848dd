import { mkdtemp, writeFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { UserError } from '../../ts-host/errors.js';
import { uploadSarif, resolveTarget, type UploadFlags } from '../../ts-host/github/upload.js';
import { RecordingLogger } from '../../ts-host/log/logger.js';
import { FakeGitHub, type FakeGitHubOptions } from '../helpers/github-server.js';

const token = 'ghs_test_token_0123456789';
const sha = 'c'.repeat(40);
const sarif = JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'oqjob' } }, results: [] }] });

async function sarifFile(text = sarif): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'oqjob-upload-'));
  const file = path.join(folder, 'oqjob.sarif');
  await writeFile(file, text);
  return file;
}

async function upload(fake: FakeGitHub, file: string, flags: Partial<UploadFlags> = {}, env: NodeJS.ProcessEnv = { GITHUB_TOKEN: token }) {
  const logger = new RecordingLogger();
  const run = uploadSarif(file, { repo: 'acme/reminders', sha, ref: 'refs/heads/main', ...flags, apiUrl: flags.apiUrl ?? fake.apiUrl }, {
    cwd: os.tmpdir(), env, signal: new AbortController().signal, logger, firstPollMs: 10, retryDelayMs: 10, requestTimeoutMs: 2000,
  });
  return { run, logger };
}

async function withFake(t: { teardown: (fn: () => Promise<void>) => void }, options: Partial<FakeGitHubOptions> = {}): Promise<FakeGitHub> {
  const fake = await FakeGitHub.start({ token, tokenWithoutScope: 'ghs_no_scope', repository: 'acme/reminders', ...options });
  t.teardown(() => fake.stop());
  return fake;
}

test('upload - sends gzipped base64 SARIF with commit and ref', async (t) => {
  const fake = await withFake(t);
  const { run, logger } = await upload(fake, await sarifFile());
  await run;

  const request = fake.requests[0];
  t.is(request?.method, 'POST');
  t.is(request?.path, '/repos/acme/reminders/code-scanning/sarifs');
  t.is(request?.headers.authorization, `Bearer ${token}`);
  t.is(request?.headers.accept, 'application/vnd.github+json');
  const body = JSON.parse(request?.body ?? '{}') as { commit_sha: string; ref: string; sarif: string };
  t.is(body.commit_sha, sha);
  t.is(body.ref, 'refs/heads/main');
  t.is(gunzipSync(Buffer.from(body.sarif, 'base64')).toString('utf8'), sarif);
  t.true(logger.lines.some((line) => line.message.includes('accepted the upload (id upload-1)')));
});

test('upload --wait - polls until complete', async (t) => {
  const fake = await withFake(t, { pendingPolls: 2 });
  const { run, logger } = await upload(fake, await sarifFile(), { wait: true });
  await run;
  t.is(fake.requests.filter((request) => request.method === 'GET').length, 3);
  t.true(logger.lines.some((line) => line.message.includes('GitHub processed the upload; analyses:')));
});

test('upload --wait - failed processing lists GitHub\'s errors', async (t) => {
  const fake = await withFake(t, { finalStatus: { status: 'failed', errors: ['locationFromSarifResult: expected artifact location'] } });
  const { run } = await upload(fake, await sarifFile(), { wait: true });
  const error = await t.throwsAsync(run, { instanceOf: UserError });
  t.regex(error?.message ?? '', /failed to process upload upload-1:\n {2}- locationFromSarifResult: expected artifact location/);
});

test('upload --wait - times out with a clear message', async (t) => {
  const fake = await withFake(t, { pendingPolls: 1000 });
  const { run } = await upload(fake, await sarifFile(), { wait: true, waitTimeout: '0.05' });
  const error = await t.throwsAsync(run, { instanceOf: UserError });
  t.regex(error?.message ?? '', /still processing upload upload-1 after 0\.05 seconds/);
  t.regex(error?.hint ?? '', /--wait-timeout/);
});

for (const [name, options, flags, env, message, hint] of [
  ['401 bad token', {}, {}, { GITHUB_TOKEN: 'wrong' }, /401 Unauthorized: Bad credentials/, /invalid or expired/],
  ['403 missing scope', {}, {}, { GITHUB_TOKEN: 'ghs_no_scope' }, /403 Forbidden: Resource not accessible by integration/, /security_events/],
  ['404 unknown repository', {}, { repo: 'acme/other' }, { GITHUB_TOKEN: token }, /404 Not Found/, /--repo/],
  ['413 too large', { maxSarifBytes: 10 }, {}, { GITHUB_TOKEN: token }, /413 Payload Too Large/, /too large/],
  ['400 invalid body', { rejectUploads: { status: 400, message: 'Invalid request' } }, {}, { GITHUB_TOKEN: token }, /400 Bad Request: Invalid request/, /--sha/],
  ['422 invalid SARIF', { rejectUploads: { status: 422, message: 'Invalid SARIF' } }, {}, { GITHUB_TOKEN: token }, /422 Unprocessable Entity: Invalid SARIF/, /--ref/],
] as const) {
  test(`upload - ${name}`, async (t) => {
    const fake = await withFake(t, options);
    const { run } = await upload(fake, await sarifFile(), flags, env);
    const error = await t.throwsAsync(run, { instanceOf: UserError });
    t.regex(error?.message ?? '', message);
    t.regex(error?.hint ?? '', hint);
    t.false(`${error?.message}${error?.hint}`.includes(token));
  });
}

test('upload - a short ref never leaves oqjob', async (t) => {
  const fake = await withFake(t);
  const { run } = await upload(fake, await sarifFile(), { ref: 'main' });
  const error = await t.throwsAsync(run, { instanceOf: UserError });
  t.regex(error?.message ?? '', /The ref "main" is not a full git ref/);
  t.is(fake.requests.length, 0);
});

test('upload - 5xx is retried, then succeeds', async (t) => {
  const fake = await withFake(t, { failFirstUploads: { count: 2, status: 503 } });
  const { run, logger } = await upload(fake, await sarifFile());
  await run;
  t.is(fake.requests.length, 3);
  t.is(logger.lines.filter((line) => line.level === 'warn' && /503/.test(line.message)).length, 2);
});

test('upload - 5xx every time gives up after three attempts', async (t) => {
  const fake = await withFake(t, { failFirstUploads: { count: 10, status: 502 } });
  const { run } = await upload(fake, await sarifFile());
  const error = await t.throwsAsync(run, { instanceOf: UserError });
  t.regex(error?.message ?? '', /failed 3 times; the last time the server answered 502/);
  t.is(fake.requests.length, 3);
});

test('upload - network error names the address', async (t) => {
  const fake = await withFake(t);
  const apiUrl = fake.apiUrl;
  await fake.stop();
  const { run } = await upload(fake, await sarifFile(), { apiUrl });
  const error = await t.throwsAsync(run, { instanceOf: UserError });
  t.regex(error?.message ?? '', new RegExp(`cannot reach ${apiUrl.replace(/[.]/g, '\\.')}: ECONNREFUSED`));
});

test('upload - missing token is an error before any request', async (t) => {
  const fake = await withFake(t);
  const { run } = await upload(fake, await sarifFile(), {}, {});
  const error = await t.throwsAsync(run, { instanceOf: UserError });
  t.regex(error?.message ?? '', /GITHUB_TOKEN is not set/);
  t.is(fake.requests.length, 0);
});

for (const [name, text, message] of [
  ['not JSON', '{', /is not JSON/],
  ['not SARIF', '{"version":"1.0.0"}', /is not a SARIF 2\.1\.0 log/],
] as const) {
  test(`upload - rejects a file that is ${name}`, async (t) => {
    const fake = await withFake(t);
    const { run } = await upload(fake, await sarifFile(text));
    const error = await t.throwsAsync(run, { instanceOf: UserError });
    t.regex(error?.message ?? '', message);
    t.is(fake.requests.length, 0);
  });
}

test('resolveTarget - GitHub Actions variables fill the defaults', async (t) => {
  const target = await resolveTarget({}, {
    cwd: os.tmpdir(),
    env: { GITHUB_REPOSITORY: 'acme/reminders', GITHUB_SHA: sha, GITHUB_REF: 'refs/pull/7/merge', GITHUB_API_URL: 'https://ghe.example.invalid/api/v3' },
  });
  t.deepEqual(target, { owner: 'acme', repo: 'reminders', commitSha: sha, ref: 'refs/pull/7/merge', apiUrl: 'https://ghe.example.invalid/api/v3' });
});

for (const [name, flags, message] of [
  ['repository', { repo: 'acme' }, /"acme" is not of the form owner\/name/],
  ['commit', { sha: 'abc' }, /"abc" is not a full 40-character commit SHA/],
  ['API address', { apiUrl: 'ftp://example.invalid' }, /"ftp:\/\/example\.invalid" is not an http or https URL/],
] as const) {
  test(`resolveTarget - rejects an invalid ${name}`, async (t) => {
    const error = await t.throwsAsync(resolveTarget({ repo: 'acme/reminders', sha, ref: 'refs/heads/main', ...flags }, { cwd: os.tmpdir(), env: {} }), { instanceOf: UserError });
    t.regex(error?.message ?? '', message);
  });
}

test('upload - a server that never answers times out and is retried', async (t) => {
  const fake = await withFake(t, { hang: true });
  const { run } = await upload(fake, await sarifFile());
  const error = await t.throwsAsync(run, { instanceOf: UserError });
  t.regex(error?.message ?? '', /failed 3 times; the last time cannot reach http:\/\/127\.0\.0\.1:\d+: no answer in time/);
});

test('upload - 429 is retried like a server error', async (t) => {
  const fake = await withFake(t, { rateLimitFirstUploads: 1 });
  const { run, logger } = await upload(fake, await sarifFile());
  await run;
  t.true(logger.lines.some((line) => line.level === 'warn' && /429/.test(line.message)));
});

test('upload - a token with a line break is rejected without printing it', async (t) => {
  const fake = await withFake(t);
  const secret = 'ghp_SECRET_VALUE';
  const { run } = await upload(fake, await sarifFile(), {}, { GITHUB_TOKEN: `${secret}\nInjected: x` });
  const error = await t.throwsAsync(run, { instanceOf: UserError });
  t.regex(error?.message ?? '', /GITHUB_TOKEN contains spaces, line breaks/);
  t.false(`${error?.message}${error?.hint}`.includes(secret));
  t.is(fake.requests.length, 0);
});

test('upload - a server message that quotes the token is redacted', async (t) => {
  const fake = await withFake(t, { rejectUploads: { status: 422, message: `bad request for ${token}` } });
  const { run } = await upload(fake, await sarifFile());
  const error = await t.throwsAsync(run, { instanceOf: UserError });
  t.regex(error?.message ?? '', /bad request for \*\*\*/);
  t.false(error?.message.includes(token));
});

for (const [name, flags, message] of [
  ['a dot-dot repository', { repo: 'acme/..' }, /"acme\/\.\." is not of the form owner\/name/],
  ['an API address with credentials', { apiUrl: 'http://user:pw@127.0.0.1:1' }, /contains a user name, password, query or fragment/],
  ['an API address with a query', { apiUrl: 'http://127.0.0.1:1/?x=1' }, /contains a user name, password, query or fragment/],
] as const) {
  test(`upload - rejects ${name} before any request`, async (t) => {
    const fake = await withFake(t);
    const { run } = await upload(fake, await sarifFile(), flags);
    const error = await t.throwsAsync(run, { instanceOf: UserError });
    t.regex(error?.message ?? '', message);
    t.false(`${error?.message}`.includes('pw@'));
    t.is(fake.requests.length, 0);
  });
}

test('resolveTarget - an upper-case commit is accepted in lower case', async (t) => {
  const target = await resolveTarget({ repo: 'acme/reminders', sha: 'C'.repeat(40), ref: 'refs/heads/main' }, { cwd: os.tmpdir(), env: {} });
  t.is(target.commitSha, sha);
});

test('upload - a port fetch blocks fails at once', async (t) => {
  const fake = await withFake(t);
  // Port 6000 (X11) is on fetch's list of blocked ports, so no connection is ever attempted.
  const { run, logger } = await upload(fake, await sarifFile(), { apiUrl: 'http://127.0.0.1:6000' });

  const error = await t.throwsAsync(run, { instanceOf: UserError });

  t.is(error?.message, 'The request POST http://127.0.0.1:6000/repos/acme/reminders/code-scanning/sarifs could not be sent: bad port.');
  t.regex(error?.hint ?? '', /blocks for safety/);
  t.false(logger.lines.some((line) => line.message.includes('retrying')), 'not retried');
});
