/**
 * Async iterators over a live source that pass `return()` straight down. A wrapping async
 * generator waiting on its source only sees `return()` once the source yields again, so a
 * client that unsubscribes from a quiet feed would stay subscribed until the next event.
 */
export function mapPromptly<T, R>(
  source: AsyncIterator<T>,
  map: (value: T) => R | Promise<R>,
): AsyncIterableIterator<R> {
  return flatMapPromptly(source, async (value) => [await map(value)]);
}

/** Each source value becomes several (none, one, many) values, in order. */
export function flatMapPromptly<T, R>(
  source: AsyncIterator<T>,
  map: (value: T) => readonly R[] | Promise<readonly R[]>,
): AsyncIterableIterator<R> {
  let ready: R[] = [];
  return {
    async next(): Promise<IteratorResult<R>> {
      while (!ready.length) {
        const step = await source.next();
        if (step.done) return { done: true, value: undefined };
        ready = [...(await map(step.value))];
      }
      return { done: false, value: ready.shift() as R };
    },
    async return(): Promise<IteratorResult<R>> {
      ready = [];
      await source.return?.();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
