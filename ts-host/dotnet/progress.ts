import path from 'node:path';
import type { Logger } from '../log/logger.js';

// MSBuild's minimal verbosity prints "  Project -> /path/output.dll" when a project is built.
const builtLine = /^\s*(\S.*?) -> (.+)$/;
const restoreLine = /Determining projects to restore/;

/** Turns dotnet's output into progress: a status line on a terminal, plain lines in CI. */
export class BuildProgress {
  private builtCount = 0;
  private readonly startedAt = Date.now();

  constructor(private readonly logger: Logger) {
    logger.status('oqjob: starting dotnet build');
  }

  onLine(line: string): void {
    if (restoreLine.test(line)) {
      this.logger.info('oqjob: restoring packages');
      this.logger.status('oqjob: restoring packages');
      return;
    }

    const built = builtLine.exec(line);
    if (built) {
      this.builtCount++;
      const name = built[1]!;
      const output = path.basename(built[2]!);
      this.logger.info(`oqjob: built ${name} (${output})`);
      this.logger.status(`oqjob: building, ${this.builtCount} project${this.builtCount === 1 ? '' : 's'} built, last ${name}`);
    }
  }

  /** Ends the status line. `how` states whether the build ran to its end or was stopped. */
  finish(how: 'finished' | 'stopped' | 'timed out' = 'finished'): void {
    const seconds = ((Date.now() - this.startedAt) / 1000).toFixed(1);
    // Built, not compiled: a project whose compile was up to date is built too.
    const built = `${this.builtCount} project${this.builtCount === 1 ? '' : 's'} built`;
    this.logger.clearStatus();
    if (how === 'finished') {
      this.logger.info(`oqjob: build finished in ${seconds} s, ${built}`);
    } else {
      this.logger.info(`oqjob: build ${how === 'stopped' ? 'stopped' : 'stopped at the timeout'} after ${seconds} s, ${built} by then`);
    }
  }
}
