// The IndexedDB database "ippo": records, the outbox of ops not yet acknowledged by the
// server, ops the server rejected, and a few values about this install (meta).
import { type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb'

import type { RecordType, Rejected } from '../types'
import { keptConnection } from './connection'
import { newId } from './uuid'

export type Fields = Record<string, unknown>

export interface StoredRecord {
  type: RecordType
  id: string
  /** The last server version this device knows of; 0 until the server has the record. */
  version: number
  /** The server's fields at `version`; null while the server has never confirmed it. */
  base: Fields | null
  /** The server's tombstone flag at `version`. */
  server_deleted: boolean
  /** `base` with every queued op (outbox and rejected, in op_seq order) replayed on top. */
  fields: Fields
  deleted: boolean
  updated_at: string | null
  pending: boolean
  rejected: boolean
  /** The full-reload generation that last saw it on the server (see sync/pull.ts). */
  gen: number
}

export interface OutboxOp {
  /** The install's own counter; the wire op_seq is op_seq - meta.seq_base (see sync/push.ts). */
  op_seq: number
  action: 'upsert' | 'delete'
  type: RecordType
  id: string
  base_version: number
  fields: Fields
}

export interface Meta {
  device_id: string
  next_op_seq: number
  /** Subtracted from op_seq on the wire, so a new device_id starts again at 1. */
  seq_base: number
  cursor: number
  last_synced_at: string | null
  user_id: number | null
  gen: number
  reloading: boolean
}

const META_DEFAULTS: Meta = {
  device_id: '', // written when the database is made
  next_op_seq: 1,
  seq_base: 0,
  cursor: 0,
  last_synced_at: null,
  user_id: null,
  gen: 0,
  reloading: false,
}

interface IppoSchema extends DBSchema {
  records: {
    key: [RecordType, string]
    value: StoredRecord
    indexes: { by_type: RecordType }
  }
  outbox: {
    key: number
    value: OutboxOp
    indexes: { by_record: [RecordType, string] }
  }
  rejected: {
    key: number
    value: Rejected
    indexes: { by_record: [RecordType, string] }
  }
  meta: {
    key: keyof Meta
    value: Meta[keyof Meta]
  }
}

export type IppoDB = IDBPDatabase<IppoSchema>
type StoreName = 'records' | 'outbox' | 'rejected' | 'meta'
export type WriteTx = IDBPTransaction<IppoSchema, StoreName[], 'readwrite'>
export type ReadTx = IDBPTransaction<IppoSchema, StoreName[], 'readonly' | 'readwrite'>

export const DB_NAME = 'ippo'
const STORES: StoreName[] = ['records', 'outbox', 'rejected', 'meta']

// One kept connection (src/store/connection.ts); it steps aside when another tab upgrades.
const connection = keptConnection<IppoSchema>(DB_NAME, 1,
  (db, oldVersion) => {
    if (oldVersion < 1) {
      db.createObjectStore('records', { keyPath: ['type', 'id'] }).createIndex('by_type', 'type')
      db.createObjectStore('outbox', { keyPath: 'op_seq' }).createIndex('by_record', ['type', 'id'])
      db.createObjectStore('rejected', { keyPath: 'op_seq' }).createIndex('by_record', ['type', 'id'])
      // Made with the database, i.e. once per install, in the same (upgrade) transaction.
      void db.createObjectStore('meta').put(newId(), 'device_id')
    }
  },
)

export function getDb(): Promise<IppoDB> {
  return connection.get()
}

/** Close the connection; the next call to getDb() opens it again. */
export function closeDb(): void {
  connection.close()
}

/** A transaction over every store. All writes use one, so a write is all or nothing. */
export function writeTx(db: IppoDB): WriteTx {
  const tx = db.transaction(STORES, 'readwrite')
  // Callers await tx.done themselves; this keeps an abort from also surfacing as unhandled.
  tx.done.catch(() => undefined)
  return tx
}

export function readTx(db: IppoDB): ReadTx {
  const tx = db.transaction(STORES, 'readonly')
  tx.done.catch(() => undefined)
  return tx
}

/** Abort after a failed step, so nothing of a half-done write is kept. */
export function abortQuietly(tx: ReadTx): void {
  try {
    tx.abort()
  } catch {
    // already finished or aborted
  }
}

export async function getMeta<K extends keyof Meta>(tx: ReadTx, key: K): Promise<Meta[K]> {
  const value = (await tx.objectStore('meta').get(key)) as Meta[K] | undefined
  return value !== undefined ? value : META_DEFAULTS[key]
}

export async function setMeta<K extends keyof Meta>(tx: WriteTx, key: K, value: Meta[K]): Promise<void> {
  await tx.objectStore('meta').put(value, key)
}

/** Read one meta value in its own transaction. */
export async function readMeta<K extends keyof Meta>(key: K): Promise<Meta[K]> {
  return getMeta(readTx(await getDb()), key)
}
