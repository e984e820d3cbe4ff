/**
 * Whether a process of this machine is still running (signal 0 asks without sending anything): how a temporary
 * file or a browser profile named with its writer's pid is known to be abandoned.
 */
export function processRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
