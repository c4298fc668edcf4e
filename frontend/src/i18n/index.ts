// Two complete dictionaries; Japanese is the source of the key list, so a key missing
// from English is a type error. `t()` reads the current language, which the app sets
// from the signed-in user's profile (or, before login, from the browser).
import { en } from './en'
import { ja, type MsgKey } from './ja'

export type { MsgKey }
export type Lang = 'ja' | 'en'

const dictionaries: Record<Lang, Record<MsgKey, string>> = { ja, en }
const listeners = new Set<(lang: Lang) => void>()
let current: Lang = browserLanguage()

/** ja or en from the browser's preferences; Japanese when neither is listed. */
export function browserLanguage(): Lang {
  const prefs = typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language]
  for (const tag of prefs) {
    const base = (tag || '').toLowerCase().split('-')[0]
    if (base === 'ja' || base === 'en') return base
  }
  return 'ja'
}

export function getLang(): Lang {
  return current
}

export function setLang(lang: Lang): void {
  if (lang !== 'ja' && lang !== 'en') lang = 'ja'
  document.documentElement.lang = lang
  if (lang === current) return
  current = lang
  for (const listener of [...listeners]) listener(lang)
}

export function onLangChange(listener: (lang: Lang) => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

function fill(text: string, vars?: Record<string, string | number>): string {
  if (!vars) return text
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  )
}

/** The message for `key` in the current language, with {name} placeholders filled. */
export function t(key: MsgKey, vars?: Record<string, string | number>): string {
  return fill(dictionaries[current][key] ?? ja[key] ?? key, vars)
}

/**
 * A t() that also knows the strings of a lazily loaded screen, passed here from that
 * screen's chunk, so they do not weigh on the first load (e.g. ./guide.ts). Both
 * dictionaries are typed by the Japanese one, so a missing English key is a type error.
 */
export function withMessages<K extends string>(extra: Record<Lang, Record<K, string>>) {
  return (key: K | MsgKey, vars?: Record<string, string | number>): string => {
    const own = (extra[current] as Record<string, string>)[key] ?? (extra.ja as Record<string, string>)[key]
    return own === undefined ? t(key as MsgKey, vars) : fill(own, vars)
  }
}

/** A lookup for keys built at run time (a field name, a choice value); falls back to `fallback`. */
export function tMaybe(key: string, fallback: string): string {
  const dict = dictionaries[current] as Record<string, string>
  return dict[key] ?? fallback
}

const LOCALES: Record<Lang, string> = { ja: 'ja-JP', en: 'en-GB' }

export function locale(): string {
  return LOCALES[current]
}

/** "08:15" for an ISO timestamp, in the given time zone. */
export function formatTime(iso: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat(locale(), {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
    }).format(new Date(iso))
  } catch {
    return iso.slice(11, 16)
  }
}

/** "11月24日(月)" / "Mon 24 Nov" for a YYYY-MM-DD date (a calendar day, no zone). */
export function formatDay(date: string, withYear = false): string {
  const [y, m, d] = date.split('-').map(Number)
  const options: Intl.DateTimeFormatOptions = {
    month: current === 'ja' ? 'numeric' : 'short',
    day: 'numeric',
    weekday: 'short',
    timeZone: 'UTC',
  }
  if (withYear) options.year = 'numeric'
  return new Intl.DateTimeFormat(locale(), options).format(new Date(Date.UTC(y, m - 1, d)))
}

/** 90 → "1時間30分" / "1 h 30 min". */
export function formatMinutes(total: number): string {
  const h = Math.floor(total / 60)
  const m = total % 60
  if (h && m) return t('unit.hours_minutes', { h, m })
  if (h) return t('unit.hours', { h })
  return t('unit.minutes', { m })
}
