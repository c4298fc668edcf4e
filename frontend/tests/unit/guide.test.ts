// The guide as the PWA bundles it (src/guide/content.ts over the build's modules from
// vite-content.ts): every chapter in both languages, with steps, tools and links that lead
// somewhere in the app, and each language's texts loaded on demand.
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

import source from '../../../content/selfcheck.yaml?raw'
import { chapterHtml, chapters, findChapter, GUIDE_LANGS, keepLang, neighbours, readingLang } from '../../src/guide/content'
import { getLang } from '../../src/i18n'
import { parseQuestionnaire } from '../../src/tools/selfcheck'
import { TOOLS } from '../../src/guide/tools'
import { readGuide, SCHEDULES } from '../../vite-content'

// The files on disk, listed independently of the module under test.
const FILES = Object.keys(import.meta.glob('../../../content/guide/*/*.md'))
const GUIDE_DIR = decodeURIComponent(new URL('../../../content/guide', import.meta.url).pathname)

function links(html: string): string[] {
  return [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, '&'))
}

describe('the bundled guide', () => {
  it('has every file, in both languages, in the same order, with the same tools and steps', () => {
    const ja = chapters('ja')
    const en = chapters('en')
    expect(ja.length + en.length).toBe(FILES.length)
    expect(ja.length).toBeGreaterThan(0)
    const shape = (c: (typeof ja)[number]) => [c.slug, c.order, c.tools, c.steps.map((s) => [s.key, s.schedule, s.tool])]
    expect(en.map(shape)).toEqual(ja.map(shape))
    expect(new Set(ja.map((c) => c.slug)).size).toBe(ja.length)
  })

  it('gives each chapter a title, a summary, first steps and a text', async () => {
    for (const lang of GUIDE_LANGS) {
      for (const chapter of chapters(lang)) {
        expect(chapter.title, chapter.file).not.toBe('')
        expect(chapter.summary, chapter.file).not.toBe('')
        expect(chapter.steps.length, chapter.file).toBeGreaterThan(0)
        for (const step of chapter.steps) {
          expect(SCHEDULES, `${chapter.file}: ${step.key}`).toContain(step.schedule)
          if (step.tool !== null) expect(TOOLS[step.tool], `${chapter.file}: ${step.key}`).toBeDefined()
        }
        expect(await chapterHtml(chapter), chapter.file).toMatch(/^<(p|h2)>/)
      }
    }
  })

  it('gives every step a key of its own across the guide', () => {
    const keys = chapters('ja').flatMap((c) => c.steps.map((s) => s.key))
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('bundles exactly what the build writes for the server', async () => {
    const built = readGuide(GUIDE_DIR)
    for (const lang of GUIDE_LANGS) {
      for (const chapter of built[lang]) {
        const { html, ...index } = chapter
        expect(findChapter(lang, chapter.slug)).toEqual(index)
        expect(await chapterHtml(index)).toBe(html)
      }
    }
  })

  it('links only to chapters and tools that exist', async () => {
    const slugs = new Set(chapters('ja').map((c) => c.slug))
    const paths = new Set(Object.values(TOOLS).map((tool) => tool.path))
    for (const lang of GUIDE_LANGS) {
      for (const chapter of chapters(lang)) {
        for (const key of chapter.tools) expect(TOOLS[key], `${chapter.file}: tool ${key}`).toBeDefined()
        for (const href of links(await chapterHtml(chapter))) {
          if (/^https:\/\//.test(href)) continue
          const path = href.split(/[?#]/)[0].replace(/\/+$/, '')
          const guide = /^\/guide\/([^/]+)$/.exec(path)
          if (guide) expect(slugs.has(guide[1]), `${chapter.file}: ${href}`).toBe(true)
          else expect(paths.has(path) || path === '/guide', `${chapter.file}: ${href}`).toBe(true)
        }
      }
    }
  })

  it('walks from the first chapter to the last with prev/next', () => {
    const ja = chapters('ja')
    let at = ja[0]
    const seen = [at.slug]
    for (;;) {
      const { next } = neighbours('ja', at.slug)
      if (!next) break
      expect(neighbours('ja', next.slug).prev?.slug).toBe(at.slug)
      at = next
      seen.push(at.slug)
    }
    expect(seen).toEqual(ja.map((c) => c.slug))
  })

  it('finds a chapter by slug in either language', () => {
    const first = chapters('ja')[0]
    expect(findChapter('en', first.slug)?.lang).toBe('en')
    expect(findChapter('ja', 'no-such-chapter')).toBeUndefined()
  })

  it('has every chapter and tool that the self-check bands point to', () => {
    const q = parseQuestionnaire(parse(source))
    for (const band of q.bands) {
      for (const slug of band.chapters) {
        for (const lang of GUIDE_LANGS) expect(findChapter(lang, slug)?.lang, `${band.key}: ${slug}`).toBe(lang)
      }
      for (const key of band.tools) expect(TOOLS[key], `${band.key}: tool ${key}`).toBeDefined()
    }
  })
})

describe('the reading language', () => {
  it("follows the link's ?lang= and keeps it in links, else the app's language", () => {
    expect(readingLang(new URLSearchParams('lang=en'))).toBe('en')
    expect(readingLang(new URLSearchParams('lang=fr'))).toBe(getLang())
    expect(keepLang('/guide/a', new URLSearchParams('lang=en'))).toBe('/guide/a?lang=en')
    expect(keepLang('/guide/a', new URLSearchParams('lang=fr'))).toBe('/guide/a')
    expect(keepLang('/guide/a', new URLSearchParams(''))).toBe('/guide/a')
  })
})
