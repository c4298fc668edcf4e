// The guide's chapters as the build rendered them (vite-content.ts): the table of contents
// with each chapter's tools and steps is a small module the guide's screens import, and each
// language's texts (HTML) a chunk of its own, loaded when a chapter opens. Both are
// precached by the service worker with every other chunk, so every chapter reads offline
// once the app has loaded, without having been opened before.
import index from 'virtual:ippo-guide'

import type { GuideChapter, GuideLang, GuideStep, Schedule } from '../../vite-content'
import { getLang } from '../i18n'

export type { GuideLang, GuideStep, Schedule }
export type Chapter = Omit<GuideChapter, 'html'>

// Checked against content/README.md's rules when the build made it.
const guide = index as Record<GuideLang, Chapter[]>

/** The guide's languages, as the build found them (vite-content.ts's GUIDE_LANGS). */
export const GUIDE_LANGS = Object.keys(guide) as readonly GuideLang[]

/**
 * The language to read the guide in: the link's ?lang= (the server's canonical and hreflang
 * links name one), else the app's. The rest of the screen stays in the app's language.
 */
export function readingLang(query: URLSearchParams): GuideLang {
  const asked = query.get('lang')
  return GUIDE_LANGS.find((lang) => lang === asked) ?? getLang()
}

/** `href` keeping the ?lang= the visitor's link asked for, as the server's pages do. */
export function keepLang(href: string, query: URLSearchParams): string {
  const asked = query.get('lang')
  return asked && GUIDE_LANGS.includes(asked as GuideLang) ? `${href}?lang=${asked}` : href
}

/** The table of contents in `lang`, in reading order. */
export function chapters(lang: GuideLang): Chapter[] {
  return guide[lang]
}

/** One chapter; in the other language when it has not been translated yet. */
export function findChapter(lang: GuideLang, slug: string): Chapter | undefined {
  return guide[lang].find((c) => c.slug === slug) ?? guide[lang === 'ja' ? 'en' : 'ja'].find((c) => c.slug === slug)
}

/** The chapters before and after `slug` in `lang`'s reading order. */
export function neighbours(lang: GuideLang, slug: string): { prev?: Chapter; next?: Chapter } {
  const list = chapters(lang)
  const at = list.findIndex((c) => c.slug === slug)
  if (at < 0) return {}
  return { prev: list[at - 1], next: list[at + 1] }
}

const TEXTS: Record<GuideLang, () => Promise<{ default: Record<string, string> }>> = {
  ja: () => import('virtual:ippo-guide/ja'),
  en: () => import('virtual:ippo-guide/en'),
}

/**
 * A chapter's text as HTML. Safe to put into the page as it is: the build rendered it from
 * our own content/ with raw HTML switched off (what a writer types as a tag shows as text).
 */
export async function chapterHtml(chapter: Chapter): Promise<string> {
  const texts = await TEXTS[chapter.lang]()
  return texts.default[chapter.slug] ?? ''
}
