// The network log's rules: who counts as the same person, and the "keep in touch" list.
// A follow-up is due on its date; it clears when she logs a newer contact with that person
// (dated after the contact that set it) or taps "done" (which empties follow_up_on).
import type { RecordFields } from '../gen/records'
import type { LocalRecord } from '../types'
import { addDays, daysBetween } from '../time'

import { CONTACT_KINDS } from '../records/schema'

export { CONTACT_KINDS }
export type NetworkContactFields = RecordFields['contact']
export type ContactKind = NetworkContactFields['kind']

export type Contact = LocalRecord<NetworkContactFields>

/** Follow-ups this many days ahead are listed as "coming up". */
export const COMING_UP_DAYS = 7

/**
 * The key two names share when they are the same person: width-folded (Ｓａｔｏ → sato),
 * case-folded, with every space (also the full-width one) removed.
 */
export function personKey(name: string): string {
  return (name ?? '').normalize('NFKC').toLowerCase().replace(/\s+/gu, '')
}

export function samePerson(a: string, b: string): boolean {
  const key = personKey(a)
  return key !== '' && key === personKey(b)
}

export type FollowUpState = 'due' | 'coming'

/** 'due' on or after the date, 'coming' within the next seven days, else null. */
export function followUpState(followUpOn: string | null | undefined, day: string): FollowUpState | null {
  if (!followUpOn) return null
  if (followUpOn <= day) return 'due'
  if (followUpOn <= addDays(day, COMING_UP_DAYS)) return 'coming'
  return null
}

export interface KeepInTouch<C> {
  contact: C
  state: FollowUpState
  /** Days past the follow-up date (0 on the day, negative while it is coming up). */
  daysLate: number
}

type ContactLike = { id: string; fields: Pick<NetworkContactFields, 'date' | 'name' | 'follow_up_on'> }

/** True when a contact with the same person is dated after `contact`. */
export function clearedByLaterContact(contact: ContactLike, all: readonly ContactLike[]): boolean {
  const key = personKey(contact.fields.name)
  if (!key) return false
  return all.some((other) => other.id !== contact.id && other.fields.date > contact.fields.date && personKey(other.fields.name) === key)
}

/**
 * The follow-ups to act on: due ones first (the longest waiting first), then those
 * coming up within a week. One line per person: if two of her contacts with the same
 * person on the same day both ask for a follow-up, the earlier date is shown.
 */
export function keepInTouch<C extends ContactLike>(contacts: readonly C[], day: string): KeepInTouch<C>[] {
  const byPerson = new Map<string, KeepInTouch<C>>()
  for (const contact of contacts) {
    const state = followUpState(contact.fields.follow_up_on, day)
    if (!state || clearedByLaterContact(contact, contacts)) continue
    const key = personKey(contact.fields.name) || contact.id
    const item = { contact, state, daysLate: daysBetween(contact.fields.follow_up_on as string, day) }
    const seen = byPerson.get(key)
    if (!seen || (item.contact.fields.follow_up_on as string) < (seen.contact.fields.follow_up_on as string)) {
      byPerson.set(key, item)
    }
  }
  return [...byPerson.values()].sort(
    (a, b) =>
      (a.contact.fields.follow_up_on as string).localeCompare(b.contact.fields.follow_up_on as string) ||
      a.contact.fields.name.localeCompare(b.contact.fields.name),
  )
}

/**
 * The follow-ups a new contact settles that the date rule cannot: those with the same
 * person logged on the same day (a contact "dated after" clears by itself). The screen
 * empties their follow_up_on, so a second talk the same day also takes the person off
 * the list.
 */
export function sameDayFollowUps<C extends ContactLike>(contacts: readonly C[], added: ContactLike): C[] {
  const key = personKey(added.fields.name)
  if (!key) return []
  return contacts.filter(
    (c) => c.id !== added.id && Boolean(c.fields.follow_up_on) && c.fields.date === added.fields.date && personKey(c.fields.name) === key,
  )
}

/** Her contacts newest first, grouped by kind in the order of CONTACT_KINDS (empty kinds left out). */
export function groupByKind<C extends { id: string; updated_at: string | null; fields: Pick<NetworkContactFields, 'date' | 'kind'> }>(
  contacts: readonly C[],
): { kind: ContactKind; contacts: C[] }[] {
  const sorted = [...contacts].sort((a, b) => {
    if (a.fields.date !== b.fields.date) return a.fields.date < b.fields.date ? 1 : -1
    const ua = a.updated_at ?? '\uffff'
    const ub = b.updated_at ?? '\uffff'
    return ua < ub ? 1 : ua > ub ? -1 : a.id.localeCompare(b.id)
  })
  const known = new Set<string>(CONTACT_KINDS)
  return CONTACT_KINDS.map((kind) => ({
    kind,
    contacts: sorted.filter((c) => (known.has(c.fields.kind) ? c.fields.kind : 'other') === kind),
  })).filter((group) => group.contacts.length > 0)
}
