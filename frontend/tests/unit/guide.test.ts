// The guide as the PWA bundles it (src/guide/content.ts, import.meta.glob over
// content/guide): every chapter in both languages, with readable front matter and links
// that lead somewhere in the app.
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

import source from '../../../content/selfcheck.yaml?raw'
import { chapters, findChapter, guideProblems, neighbours, GUIDE_LANGS } from '../../src/guide/content'
import { collectLinks, linkKind } from '../../src/guide/markdown'
import { parseQuestionnaire } from '../../src/tools/selfcheck'
import { TOOLS } from '../../src/guide/tools'

// The files on disk, listed independently of the module under test.
const FILES = Object.keys(import.meta.glob('../../../content/guide/*/*.md'))

describe('the bundled guide', () => {
  it('reads every file without a problem', () => {
    expect(guideProblems()).toEqual([])
    const bundled = GUIDE_LANGS.flatMap((lang) => chapters(lang)).length
    expect(bundled).toBe(FILES.length)
    expect(bundled).toBeGreaterThan(0)
  })

  it('has every chapter in both languages, in the same order, with the same tools', () => {
    const ja = chapters('ja')
    const en = chapters('en')
    expect(en.map((c) => c.slug)).toEqual(ja.map((c) => c.slug))
    expect(en.map((c) => c.order)).toEqual(ja.map((c) => c.order))
    expect(en.map((c) => c.tools)).toEqual(ja.map((c) => c.tools))
    expect(new Set(ja.map((c) => c.slug)).size).toBe(ja.length)
  })

  it('gives each chapter a title, a summary and a body', () => {
    for (const lang of GUIDE_LANGS) {
      for (const chapter of chapters(lang)) {
        expect(chapter.title, chapter.file).not.toBe('')
        expect(chapter.summary, chapter.file).not.toBe('')
        expect(chapter.blocks.length, chapter.file).toBeGreaterThan(1)
      }
    }
  })

  it('links only to chapters and tools that exist', () => {
    const slugs = new Set(chapters('ja').map((c) => c.slug))
    const paths = new Set(Object.values(TOOLS).map((tool) => tool.path))
    for (const lang of GUIDE_LANGS) {
      for (const chapter of chapters(lang)) {
        for (const key of chapter.tools) expect(TOOLS[key], `${chapter.file}: tool ${key}`).toBeDefined()
        for (const href of collectLinks(chapter.blocks)) {
          const kind = linkKind(href)
          expect(kind, `${chapter.file}: ${href}`).not.toBe('none')
          if (kind !== 'app') continue
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
