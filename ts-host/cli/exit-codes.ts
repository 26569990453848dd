/** Process exit codes; the README and `oqjob --help` document the same table. */
export const ExitCode = {
  /** No finding at or above the --fail-on severity. */
  Success: 0,
  /** At least one finding at or above the --fail-on severity. */
  Findings: 1,
  /** Bad usage or input, a build that failed, or an internal error. The message names the cause. */
  Error: 2,
  /** Stopped by SIGHUP (the terminal was closed). */
  HungUp: 129,
  /** Interrupted by SIGINT (Ctrl-C). */
  Interrupted: 130,
  /** Stopped by SIGTERM. */
  Terminated: 143,
} as const;

export const exitCodeHelp = `Exit codes:
  0    no finding at or above --fail-on
  1    at least one finding at or above --fail-on
  2    bad usage or input, a failed restore or build, or an incomplete analysis
  129  stopped (SIGHUP, the terminal was closed)
  130  interrupted (SIGINT, Ctrl-C)
  143  stopped (SIGTERM)`;

/** The exit codes of the commands without findings to count: baseline, rules and upload. */
export const commandExitCodeHelp = `Exit codes:
  0    done
  2    bad usage or input, or the operation failed (the message names the cause)
  129  stopped (SIGHUP, the terminal was closed)
  130  interrupted (SIGINT, Ctrl-C)
  143  stopped (SIGTERM)`;
