/**
 * The logger passed into every step. Library code never writes to the console itself;
 * the CLI picks the implementation (terminal, CI, quiet or a recording one in tests).
 */
export interface Logger {
  /** A step of the run worth a line in CI logs; hidden by --quiet. */
  info(message: string): void;
  /** A decision or command, shown only with --debug. */
  debug(message: string): void;
  /** Something the user should see even with --quiet. */
  warn(message: string): void;
  /** Live progress: a rewritten status line on a terminal, nothing elsewhere. */
  status(message: string): void;
  /** Removes the status line before other output is written. */
  clearStatus(): void;
}

export interface ConsoleLoggerOptions {
  quiet: boolean;
  debug: boolean;
  /** True when stderr is a terminal and CI is not set: the status line is drawn in place. */
  interactive: boolean;
  stream: NodeJS.WritableStream;
}

export function createConsoleLogger(options: ConsoleLoggerOptions): Logger {
  let statusShown = false;

  const clearStatus = (): void => {
    if (statusShown) {
      options.stream.write('\r\x1b[2K');
      statusShown = false;
    }
  };

  const writeLine = (line: string): void => {
    clearStatus();
    options.stream.write(`${line}\n`);
  };

  return {
    info(message) {
      if (!options.quiet) {
        writeLine(message);
      }
    },
    debug(message) {
      if (options.debug) {
        writeLine(`debug: ${message}`);
      }
    },
    warn(message) {
      writeLine(message);
    },
    status(message) {
      if (options.quiet || !options.interactive) {
        return;
      }

      const width = 'columns' in options.stream ? Number(options.stream.columns) || 80 : 80;
      options.stream.write(`\r\x1b[2K${message.slice(0, width - 1)}`);
      statusShown = true;
    },
    clearStatus,
  };
}

/** A logger that keeps every call, for tests. */
export class RecordingLogger implements Logger {
  readonly lines: Array<{ level: 'info' | 'debug' | 'warn' | 'status'; message: string }> = [];

  info(message: string): void {
    this.lines.push({ level: 'info', message });
  }

  debug(message: string): void {
    this.lines.push({ level: 'debug', message });
  }

  warn(message: string): void {
    this.lines.push({ level: 'warn', message });
  }

  status(message: string): void {
    this.lines.push({ level: 'status', message });
  }

  clearStatus(): void {}
}

/** A logger that drops everything. */
export const silentLogger: Logger = {
  info() {},
  debug() {},
  warn() {},
  status() {},
  clearStatus() {},
};
