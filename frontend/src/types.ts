// Shapes shared by the store, the sync client and the screens (see CONTRACT.md).

export type RecordType =
  | 'checklist_item'
  | 'check'
  | 'efficiency_log'
  | 'learning_session'
  | 'contact'
  | 'goal'
  | 'self_check'
  | 'meeting_brief'
  | 'employer'
  | 'career_mode'

export const RECORD_TYPES: readonly RecordType[] = [
  'checklist_item',
  'check',
  'efficiency_log',
  'learning_session',
  'contact',
  'goal',
  'self_check',
  'meeting_brief',
  'employer',
  'career_mode',
]

export interface LocalRecord<F = Record<string, unknown>> {
  type: RecordType
  id: string
  /** The last server version this device knows of (0: never reached the server). */
  version: number
  deleted: boolean
  /** The last server fields with every pending (and every rejected, not yet discarded) op on top. */
  fields: F
  /** The server's updated_at of the version above; null until the server has it. */
  updated_at: string | null
  /** An outbox op for it exists. */
  pending: boolean
  /** An op for it was rejected by the server and waits in `listRejected()` (extra to the contract). */
  rejected?: boolean
}

export interface Rejected {
  op_seq: number
  type: RecordType
  id: string
  action: 'upsert' | 'delete'
  fields: Record<string, unknown>
  errors: Record<string, string[]>
}

export interface SyncStatus {
  pending: number
  rejected: number
  syncing: boolean
  online: boolean
  needsLogin: boolean
  lastSyncedAt: string | null
  error: string | null
  /** Ops of the last sync where another device had changed the same field (extra to the contract). */
  merged?: number
}

/** A push result `merged`: this device's value won over another device's (see onMerged). */
export interface MergedNotice {
  type: RecordType
  id: string
  fields: string[]
}

export interface User {
  id: number
  email: string
  display_name: string
  time_zone: string
  language: 'ja' | 'en'
  monthly_email: boolean
  created_at: string
}
