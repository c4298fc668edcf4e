// Yen for people: "12,720,616円" in full, and "約1,272万円" / "about ¥12.7M" at a glance.
// English uses en-US currency style: en-GB writes the yen sign as "JP¥".
import type { Lang } from '../i18n'

const full = new Map<Lang, Intl.NumberFormat>()

function formatter(lang: Lang): Intl.NumberFormat {
  let f = full.get(lang)
  if (!f) {
    f =
      lang === 'ja'
        ? new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 0 })
        : new Intl.NumberFormat('en-US', { style: 'currency', currency: 'JPY', maximumFractionDigits: 0 })
    full.set(lang, f)
  }
  return f
}

/** 12720616 → "12,720,616円" (ja) / "¥12,720,616" (en). */
export function yen(amount: number, lang: Lang): string {
  return lang === 'ja' ? `${formatter('ja').format(amount)}円` : formatter('en').format(amount)
}

/** 12720616 → "1,272万円"; 123456789 → "1億2,346万円" (ja); "¥12.7M" (en). */
export function roughYen(amount: number, lang: Lang): string {
  if (lang === 'en') {
    return new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: 'JPY',
      notation: 'compact',
      maximumSignificantDigits: 3,
    }).format(amount)
  }
  const sign = amount < 0 ? '−' : ''
  const man = Math.round(Math.abs(amount) / 10_000)
  const number = new Intl.NumberFormat('ja-JP')
  if (man >= 10_000) {
    const oku = Math.floor(man / 10_000)
    const rest = man % 10_000
    return `${sign}${number.format(oku)}億${rest ? `${number.format(rest)}万` : ''}円`
  }
  if (man === 0) return `${sign}${number.format(Math.round(Math.abs(amount)))}円`
  return `${sign}${number.format(man)}万円`
}

/** For a table on a phone: 4,920,000 → "492.0" (万円, ja) / "4,920" (thousands of yen, en). */
export function tableYen(amount: number, lang: Lang): string {
  return lang === 'ja'
    ? new Intl.NumberFormat('ja-JP', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(amount / 10_000)
    : new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }).format(amount / 1_000)
}

/** A chart axis label: 15,000,000 → "1,500万" (ja) / "¥15M" (en). */
export function tickYen(amount: number, lang: Lang): string {
  if (lang === 'en') {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'JPY', notation: 'compact' }).format(amount)
  }
  if (amount === 0) return '0'
  const man = amount / 10_000
  return man >= 10_000
    ? `${new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 1 }).format(man / 10_000)}億`
    : `${new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 0 }).format(man)}万`
}
