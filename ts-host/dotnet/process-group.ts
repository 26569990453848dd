/**
 * Sends a signal to the process group that the process `leader` leads. On Windows, where
 * there are no process groups, only the leader receives it.
 */
export function signalGroup(leader: number, signal: NodeJS.Signals): void {
  try {
    process.kill(process.platform === 'win32' ? leader : -leader, signal);
  } catch {
    // The group has already ended.
  }
}

/** Returns true while any process of the group that `leader` leads still runs. */
export function groupExists(leader: number): boolean {
  try {
    process.kill(-leader, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
