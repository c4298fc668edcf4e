// Time zones offered in the pickers: the common ones, plus the phone's own and the one
// already saved, so nobody's zone is ever missing from the list.
import { t, tMaybe } from '../i18n'

export const COMMON_ZONES = [
  'Asia/Tokyo',
  'Asia/Seoul',
  'Asia/Shanghai',
  'Asia/Taipei',
  'Asia/Hong_Kong',
  'Asia/Singapore',
  'Asia/Bangkok',
  'Asia/Kolkata',
  'Australia/Sydney',
  'Pacific/Honolulu',
  'America/Los_Angeles',
  'America/Chicago',
  'America/New_York',
  'Europe/London',
  'Europe/Paris',
  'Europe/Berlin',
  'UTC',
] as const

export function browserTimeZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null
  } catch {
    return null
  }
}

export function zoneOptions(...extra: (string | null | undefined)[]): { value: string; label: string }[] {
  const zones: string[] = [...COMMON_ZONES]
  for (const zone of extra) if (zone && !zones.includes(zone)) zones.push(zone)
  const here = browserTimeZone()
  return zones.map((zone) => {
    const name = tMaybe(`tz.${zone}`, zone.replace(/_/g, ' '))
    const label = zone === here ? `${name} — ${t('tz.this_device')}` : name
    return { value: zone, label }
  })
}
