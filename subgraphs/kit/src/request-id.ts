import { AsyncLocalStorage } from 'node:async_hooks';

/** The current request's id, readable anywhere below the HTTP handler (errors, logs). */
const store = new AsyncLocalStorage<string>();

export function withRequestId<T>(requestId: string, fn: () => Promise<T>): Promise<T> {
  return store.run(requestId, fn);
}

export function currentRequestId(): string | undefined {
  return store.getStore();
}
