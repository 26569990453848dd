import { execa } from 'execa';

/** The git checkout that contains a folder, as SARIF's versionControlProvenance and the upload need it. */
export interface GitCheckout {
  /** Absolute path of the work tree's top folder. */
  root: string;
  /** The commit checked out (HEAD). */
  revision: string;
  /** The full ref name of the branch, such as refs/heads/main; absent on a detached HEAD. */
  ref: string | undefined;
  /** The origin remote as an https address without credentials, when there is one. */
  repositoryUri: string | undefined;
}

/**
 * Reads the git checkout around the folder. Returns undefined when the folder is not in a
 * work tree, HEAD has no commit yet, or git is not installed: the caller then leaves the
 * version control details out.
 */
export async function readGitCheckout(folder: string): Promise<GitCheckout | undefined> {
  const root = await git(folder, ['rev-parse', '--show-toplevel']);
  const revision = root === undefined ? undefined : await git(folder, ['rev-parse', '--verify', '-q', 'HEAD']);
  if (root === undefined || revision === undefined) {
    return undefined;
  }

  const ref = await git(folder, ['symbolic-ref', '-q', 'HEAD']);
  const remote = await git(folder, ['config', '--get', 'remote.origin.url']);
  return { root, revision, ref, repositoryUri: remote === undefined ? undefined : toRepositoryUri(remote) };
}

/**
 * Turns a remote address into an https address without user name or token, so that no
 * credential ends up in a report: git@host:owner/name.git and ssh://git@host/owner/name
 * become https://host/owner/name. Returns undefined for a local path.
 */
export function toRepositoryUri(remote: string): string | undefined {
  const scpLike = /^[\w.-]+@([\w.-]+):(?!\/)(.+)$/.exec(remote.trim());
  const address = scpLike ? `https://${scpLike[1]}/${scpLike[2]}` : remote.trim();

  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return undefined;
  }

  if (!['https:', 'http:', 'ssh:', 'git:'].includes(url.protocol)) {
    return undefined;
  }

  const pathname = url.pathname.replace(/\.git$/, '').replace(/\/+$/, '');
  return `https://${url.hostname}${pathname}`;
}

/** Returns owner and name from a GitHub repository address, or undefined when it has no owner/name path. */
export function parseRepositoryPath(repositoryUri: string): { owner: string; name: string } | undefined {
  const match = /^https:\/\/[^/]+\/([^/]+)\/([^/]+)$/.exec(repositoryUri);
  return match ? { owner: match[1] as string, name: match[2] as string } : undefined;
}

async function git(folder: string, args: string[]): Promise<string | undefined> {
  try {
    const result = await execa('git', args, { cwd: folder, reject: false, stdin: 'ignore', env: { GIT_TERMINAL_PROMPT: '0' } });
    const output = String(result.stdout).trim();
    return result.exitCode === 0 && output !== '' ? output : undefined;
  } catch {
    // git is not installed, or the folder is gone: no version control details.
    return undefined;
  }
}
