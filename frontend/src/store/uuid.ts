// Record ids: random (v4) for new records, name-based (v5) for a check, so every device
// makes the same id for "item X on date D" and two ticks of it meet in one record. Both
// come from the `uuid` package; its v5 hashes in plain JS and answers at once, where
// crypto.subtle would answer a task later, behind the re-render a tick causes.
import { v4, v5 } from 'uuid'

// The wire format the server accepts: any 8-4-4-4-12 hex id, whatever its version bits
// (uuid's own validate() also checks them, which the server does not).
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function isUuid(value: string): boolean {
  return UUID_RE.test(value)
}

/** A new random id: crypto.randomUUID where the context is secure, else getRandomValues. */
export function newId(): string {
  return v4()
}

/** The id of the one check of a checklist item on a date: Python's
 * uuid.uuid5(uuid.NAMESPACE_URL, f"{item_id}{date}") over str(UUID), which is lower case. */
export function checkId(itemId: string, date: string): string {
  return v5(itemId.toLowerCase() + date, v5.URL)
}
