// The guide's chapters, bundled at build time: Vite inlines every content/guide/<lang>/*.md
// file as a string into the chunk that imports this module. Only the guide's screens (and
// the self-check's links) import it, so the text sits in a lazily loaded chunk that the
// service worker precaches with all the others: every chapter reads offline once the app
// has loaded, without having been opened before.
import { parseFrontMatter, type Value } from './frontmatter'
import { parseBlocks, plainText, type Block } from './markdown'

export type GuideLang = 'ja' | 'en'
export const GUIDE_LANGS: readonly GuideLang[] = ['ja', 'en']

export interface Chapter {
  lang: GuideLang
  slug: string
  title: string
  summary: string
  order: number
  tools: string[]
  /** The file's path under content/guide/ ("ja/01-what-is.md"). */
  file: string
  blocks: Block[]
}

const FILES = import.meta.glob<string>('../../../content/guide/*/*.md', {
  query: '?raw',
  import: 'default',
  eager: true,
})

function asText(value: Value | undefined): string {
  return value === null || value === undefined || Array.isArray(value) ? '' : String(value).trim()
}

function asList(value: Value | undefined): string[] {
  if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter(Boolean)
  const one = asText(value)
  return one ? [one] : []
}

function readChapter(path: string, source: string): Chapter {
  const match = /guide\/([^/]+)\/([^/]+)\.md$/.exec(path)
  if (!match) throw new Error(`${path}: not under content/guide/<lang>/`)
  const [, lang, name] = match
  const file = `${lang}/${name}.md`
  if (!GUIDE_LANGS.includes(lang as GuideLang)) throw new Error(`${file}: unknown language folder "${lang}"`)
  const { meta, body } = parseFrontMatter(source, file)
  const slug = asText(meta.slug) || name.replace(/^\d+-/, '')
  if (!/^[a-z0-9-]+$/.test(slug)) throw new Error(`${file}: slug "${slug}" may use a-z, 0-9 and - only`)
  const title = asText(meta.title)
  if (!title) throw new Error(`${file}: title is missing`)
  const order = Number(meta.order ?? /^(\d+)-/.exec(name)?.[1])
  if (!Number.isFinite(order)) throw new Error(`${file}: order is missing`)
  let blocks = parseBlocks(body)
  // A body that repeats the title as its first heading would show it twice.
  const first = blocks[0]
  if (first && first.t === 'h' && plainText(first.c).trim() === title) blocks = blocks.slice(1)
  return {
    lang: lang as GuideLang,
    slug,
    title,
    summary: asText(meta.summary),
    order,
    tools: asList(meta.tools),
    file,
    blocks,
  }
}

interface Library {
  byLang: Record<GuideLang, Chapter[]>
  /** Files that could not be read (shown by the content tests; skipped on the phone). */
  problems: string[]
}

let library: Library | null = null

function load(): Library {
  if (library) return library
  const byLang: Record<GuideLang, Chapter[]> = { ja: [], en: [] }
  const problems: string[] = []
  for (const [path, source] of Object.entries(FILES)) {
    try {
      const chapter = readChapter(path, source)
      byLang[chapter.lang].push(chapter)
    } catch (err) {
      problems.push(err instanceof Error ? err.message : String(err))
    }
  }
  for (const lang of GUIDE_LANGS) byLang[lang].sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug))
  if (problems.length) console.error('ippo: guide content', problems)
  library = { byLang, problems }
  return library
}

/** The table of contents in `lang`, in reading order. */
export function chapters(lang: GuideLang): Chapter[] {
  return load().byLang[lang]
}

/** One chapter; in the other language when it has not been translated yet. */
export function findChapter(lang: GuideLang, slug: string): Chapter | undefined {
  const { byLang } = load()
  return byLang[lang].find((c) => c.slug === slug) ?? byLang[lang === 'ja' ? 'en' : 'ja'].find((c) => c.slug === slug)
}

/** The chapters before and after `slug` in `lang`'s reading order. */
export function neighbours(lang: GuideLang, slug: string): { prev?: Chapter; next?: Chapter } {
  const list = chapters(lang)
  const at = list.findIndex((c) => c.slug === slug)
  if (at < 0) return {}
  return { prev: list[at - 1], next: list[at + 1] }
}

/** Files that failed to parse (empty when the content is sound). */
export function guideProblems(): string[] {
  return load().problems
}
