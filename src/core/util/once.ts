/**
 * A lazily loaded module (or any load), started once: a settled `import()` is kept, so a warm verification does not
 * pay for module resolution again. A failed load (a chunk that could not be fetched) is tried again next time.
 */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () =>
    (loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    }));
}
