/** Resolves on the first Ctrl-C or SIGTERM; a second one leaves at once. */
export function signalled(): Promise<void> {
  return new Promise((resolve) => {
    const onSignal = (): void => {
      process.once('SIGINT', () => process.exit(130));
      resolve();
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  });
}
