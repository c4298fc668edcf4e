// One sync at a time across every tab of the app: the Web Locks API where it exists, and a
// promise chain within the tab where it does not (tests, old browsers). Without Web Locks two
// tabs may overlap; push and pull still check what they change (see push.ts and pull.ts).

const LOCK_NAME = 'ippo-sync'
let tail: Promise<unknown> = Promise.resolve()

export function withSyncLock<T>(run: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks
  if (locks && typeof locks.request === 'function') {
    return locks.request(LOCK_NAME, () => run()) as Promise<T>
  }
  const result = tail.then(() => run())
  tail = result.catch(() => undefined)
  return result
}
