// The saved copies of her summaries, so a month she has seen reads offline too. They live
// in their own small IndexedDB database (not "ippo": that one is the sync store's), every
// copy under the signed-in user's id, so someone else signing in on the same phone never
// reads hers; logging out clears them all (src/app.tsx).
import { type DBSchema } from 'idb'

import { keptConnection } from '../store/connection'

export interface SavedCopy<T = unknown> {
  user: number
  /** "list", or a month "2026-11". */
  key: string
  data: T
  /** When the copy was taken (ISO). */
  saved_at: string
}

interface CacheSchema extends DBSchema {
  copies: {
    key: [number, string]
    value: SavedCopy
    indexes: { by_user: number }
  }
}

export const CACHE_DB = 'ippo-summaries'
export const LIST_KEY = 'list'

const connection = keptConnection<CacheSchema>(CACHE_DB, 1, (db) => {
  db.createObjectStore('copies', { keyPath: ['user', 'key'] }).createIndex('by_user', 'user')
})
const open = connection.get

/** Close the connection; the next call opens it again. */
export function closeSummaryCache(): void {
  connection.close()
}

/** Keep (or replace) her copy of `key`. A copy is a convenience: failures are only logged. */
export async function keepCopy<T>(user: number, key: string, data: T, now: Date = new Date()): Promise<void> {
  try {
    const db = await open()
    await db.put('copies', { user, key, data, saved_at: now.toISOString() })
  } catch (err) {
    console.warn('ippo: keeping a summary copy', err)
  }
}

/** Her copy of `key`, if this phone has one. */
export async function readCopy<T>(user: number, key: string): Promise<SavedCopy<T> | undefined> {
  try {
    const db = await open()
    return (await db.get('copies', [user, key])) as SavedCopy<T> | undefined
  } catch (err) {
    console.warn('ippo: reading a summary copy', err)
    return undefined
  }
}

/** Forget one copy (the server no longer has that month). */
export async function dropCopy(user: number, key: string): Promise<void> {
  try {
    const db = await open()
    await db.delete('copies', [user, key])
  } catch (err) {
    console.warn('ippo: dropping a summary copy', err)
  }
}

/** Forget every copy: one user's, or everybody's (logout, another user on this phone). */
export async function clearCopies(user?: number): Promise<void> {
  try {
    const db = await open()
    if (user === undefined) {
      await db.clear('copies')
      return
    }
    const tx = db.transaction('copies', 'readwrite')
    const keys = await tx.store.index('by_user').getAllKeys(user)
    await Promise.all([...keys.map((key) => tx.store.delete(key)), tx.done])
  } catch (err) {
    console.warn('ippo: clearing summary copies', err)
  }
}
