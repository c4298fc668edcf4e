// One IndexedDB connection per database, opened on first use and kept: a failed open is
// forgotten so the next call tries again, and a newer version in another tab (`blocking`)
// or the browser ending the connection (`terminated`) drops it.
import { openDB, type DBSchema, type IDBPDatabase, type OpenDBCallbacks } from 'idb'

export interface KeptConnection<S extends DBSchema> {
  get(): Promise<IDBPDatabase<S>>
  close(): void
}

export function keptConnection<S extends DBSchema>(
  name: string,
  version: number,
  upgrade: NonNullable<OpenDBCallbacks<S>['upgrade']>,
): KeptConnection<S> {
  let opening: Promise<IDBPDatabase<S>> | null = null
  const close = () => {
    const current = opening
    opening = null
    current?.then((db) => db.close()).catch(() => undefined)
  }
  const get = () => {
    if (!opening) {
      const attempt = openDB<S>(name, version, {
        upgrade,
        blocking: close,
        terminated() {
          opening = null
        },
      })
      opening = attempt
      attempt.catch(() => {
        if (opening === attempt) opening = null
      })
    }
    return opening
  }
  return { get, close }
}
