/// <reference path="./build-env.d.ts" />
// Build-time reading of the writer's content/ folder (content/README.md), so the phone never
// parses YAML or Markdown:
// - a content/*.yaml import becomes a JSON module (the self-check questionnaire);
// - the guide's chapters (content/guide/<lang>/NN-slug.md) are read, checked and rendered to
//   HTML here, once, with markdown-it. The PWA imports them as virtual modules (the table of
//   contents, then one language's texts when a chapter opens), and the build writes the same
//   result to guide.json beside Vite's manifest, which Django's guide pages read. There is no
//   second Markdown grammar anywhere.
import markdownIt, { type MarkdownIt, type StateCore, type Token } from 'markdown-it'
import cjkBreaks from 'markdown-it-cjk-breaks'
import { readdirSync, readFileSync } from 'node:fs'
import type { Plugin } from 'vite'
import { parse } from 'yaml'

import { TOOLS } from './src/guide/tools'

export function contentYaml(): Plugin {
  return {
    name: 'ippo-content-yaml',
    transform(source, id) {
      if (!/\.ya?ml$/.test(id)) return null
      let data: unknown
      try {
        data = parse(source, { prettyErrors: true })
      } catch (err) {
        this.error(`${id}: ${err instanceof Error ? err.message : String(err)}`)
      }
      // JSON.parse of a string literal is quicker for engines to load than an object literal.
      return { code: jsonModule(data), map: null }
    },
  }
}

function jsonModule(data: unknown): string {
  return `export default JSON.parse(${JSON.stringify(JSON.stringify(data))})`
}

// ---- the guide's chapters ----

export const GUIDE_LANGS = ['ja', 'en'] as const
export type GuideLang = (typeof GUIDE_LANGS)[number]
/** How often a step is meant to be done, as the checklist will suggest it. */
export const SCHEDULES = ['daily', 'weekdays', 'weekly', 'once'] as const
export type Schedule = (typeof SCHEDULES)[number]

export interface GuideStep {
  /** Stable across languages and edits: a checklist item will remember it. */
  key: string
  title: string
  schedule: Schedule
  tool: string | null
}

export interface GuideChapter {
  lang: GuideLang
  slug: string
  title: string
  summary: string
  order: number
  tools: string[]
  steps: GuideStep[]
  /** The file under content/guide/ ("ja/01-what-is-the-mommy-track.md"). */
  file: string
  /** The body rendered to HTML (raw HTML in the Markdown is shown as text). */
  html: string
}

export type Guide = Record<GuideLang, GuideChapter[]>

/** A chapter that breaks a rule of content/README.md; the message names the file and field. */
export class GuideError extends Error {}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const FIELDS = ['slug', 'title', 'summary', 'order', 'tools', 'steps']
const STEP_FIELDS = ['key', 'title', 'schedule', 'tool']

function text(value: unknown, where: string, max: number): string {
  if (typeof value !== 'string' || !value.trim()) throw new GuideError(`${where} must be a non-empty text`)
  if (value.trim().length > max) throw new GuideError(`${where} has more than ${max} characters`)
  return value.trim()
}

function toolKey(value: unknown, where: string): string {
  if (typeof value !== 'string' || !(value in TOOLS)) {
    throw new GuideError(`${where}: unknown tool ${JSON.stringify(value)} (known: ${Object.keys(TOOLS).join(', ')})`)
  }
  return value
}

function readSteps(value: unknown, where: string): GuideStep[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) throw new GuideError(`${where}: steps must be a list of {key, title, schedule, tool}`)
  return value.map((item: unknown, n) => {
    const at = `${where}: steps[${n}]`
    if (!item || typeof item !== 'object' || Array.isArray(item)) throw new GuideError(`${at} must be key: value pairs`)
    const step = item as Record<string, unknown>
    const unknown = Object.keys(step).filter((name) => !STEP_FIELDS.includes(name))
    if (unknown.length) throw new GuideError(`${at}: unknown field ${unknown.join(', ')}`)
    const key = step.key
    if (typeof key !== 'string' || !SLUG.test(key) || key.length > 60) {
      throw new GuideError(`${at}.key ${JSON.stringify(key)} must be a-z, 0-9 and single hyphens (at most 60)`)
    }
    const schedule = step.schedule
    if (!SCHEDULES.includes(schedule as Schedule)) {
      throw new GuideError(`${at}.schedule must be one of ${SCHEDULES.join(', ')}, not ${JSON.stringify(schedule)}`)
    }
    const tool = step.tool === undefined || step.tool === null || step.tool === 'none' ? null : toolKey(step.tool, `${at}.tool`)
    return { key, title: text(step.title, `${at}.title`, 120), schedule: schedule as Schedule, tool }
  })
}

/** One chapter file: `---`, the front matter in YAML, `---`, then the Markdown body. */
export function readChapter(lang: GuideLang, name: string, source: string): GuideChapter {
  const file = `${lang}/${name}`
  const lines = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n')
  if (lines[0].trim() !== '---') throw new GuideError(`${file}: the file must start with a '---' line and the front matter`)
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---')
  if (end < 0) throw new GuideError(`${file}: the front matter has no closing '---' line`)
  let meta: unknown
  try {
    meta = parse(lines.slice(1, end).join('\n'))
  } catch (err) {
    throw new GuideError(`${file}: the front matter is not valid YAML: ${err instanceof Error ? err.message : String(err)}`)
  }
  if (!meta || typeof meta !== 'object' || Array.isArray(meta)) throw new GuideError(`${file}: the front matter must be \`name: value\` lines`)
  const fields = meta as Record<string, unknown>
  const unknown = Object.keys(fields).filter((field) => !FIELDS.includes(field))
  if (unknown.length) throw new GuideError(`${file}: unknown front matter field ${unknown.join(', ')}`)
  for (const field of ['slug', 'title', 'summary', 'order']) {
    if (!(field in fields)) throw new GuideError(`${file}: missing front matter field '${field}'`)
  }
  const slug = fields.slug
  if (typeof slug !== 'string' || !SLUG.test(slug)) {
    throw new GuideError(`${file}: slug ${JSON.stringify(slug)} may hold only a-z, 0-9 and single hyphens`)
  }
  if (!new RegExp(`^\\d+-${slug}\\.md$`).test(name)) throw new GuideError(`${file}: the file must be named NN-${slug}.md`)
  const order = fields.order
  if (typeof order !== 'number' || !Number.isInteger(order) || order < 0) {
    throw new GuideError(`${file}: order must be a whole number, not ${JSON.stringify(order)}`)
  }
  const tools = fields.tools ?? []
  if (!Array.isArray(tools)) throw new GuideError(`${file}: tools must be a list like [a, b]`)
  tools.forEach((key, n) => toolKey(key, `${file}: tools[${n}]`))
  if (new Set(tools).size !== tools.length) throw new GuideError(`${file}: tools lists a key twice`)
  const body = lines.slice(end + 1).join('\n').trim()
  if (!body) throw new GuideError(`${file}: the chapter has no text after the front matter`)
  let html: string
  try {
    html = renderMarkdown(body)
  } catch (err) {
    throw new GuideError(`${file}: ${err instanceof Error ? err.message : String(err)}`)
  }
  // CommonMark ends bold after a closing bracket such as 」 only before a space or a
  // punctuation mark: "**「…」**という" would show its asterisks. Better a failed build.
  const stray = /\*\*|__/.exec(html.replace(/<[^>]*>/g, ''))
  if (stray) {
    throw new GuideError(
      `${file}: a ** or __ is left unpaired (bold that ends after 」 or ） needs a space or punctuation after it, or the bracket inside)`,
    )
  }
  return {
    lang,
    slug,
    title: text(fields.title, `${file}: title`, 200),
    summary: text(fields.summary, `${file}: summary`, 400),
    order,
    tools: tools as string[],
    steps: readSteps(fields.steps, file),
    file,
    html,
  }
}

/** Rules across chapters: no slug, place or step key twice, and a translation keeps the
 * original's place, tools and steps (only the words change). */
function checkTogether(guide: Guide): void {
  for (const lang of GUIDE_LANGS) {
    const seen = new Map<string, string>()
    for (const chapter of guide[lang]) {
      const own = [`slug ${chapter.slug}`, `order ${chapter.order}`, ...chapter.steps.map((s) => `step key ${s.key}`)]
      for (const what of own) {
        const other = seen.get(what)
        if (other && other !== chapter.file) throw new GuideError(`${chapter.file}: ${what} is also used by ${other}`)
        if (other === chapter.file) throw new GuideError(`${chapter.file}: ${what} is used twice`)
        seen.set(what, chapter.file)
      }
    }
  }
  const shape = (c: GuideChapter) =>
    JSON.stringify([c.order, c.tools, c.steps.map((s) => [s.key, s.schedule, s.tool])])
  for (const chapter of guide.ja) {
    const twin = guide.en.find((c) => c.slug === chapter.slug)
    if (twin && shape(twin) !== shape(chapter)) {
      throw new GuideError(`${twin.file}: order, tools and steps (key, schedule, tool) must match ${chapter.file}`)
    }
  }
}

/** Every chapter of content/guide/ (`dir`), checked and rendered, in reading order. */
export function readGuide(dir: string): Guide {
  const folders = readdirSync(dir).filter((name) => !name.startsWith('.'))
  const strange = folders.filter((name) => !(GUIDE_LANGS as readonly string[]).includes(name))
  if (strange.length) throw new GuideError(`${dir}: unknown language folder ${strange.join(', ')}`)
  const guide = {} as Guide
  for (const lang of GUIDE_LANGS) {
    const names = folders.includes(lang) ? readdirSync(`${dir}/${lang}`).filter((name) => name.endsWith('.md')) : []
    guide[lang] = names
      .sort()
      .map((name) => readChapter(lang, name, readFileSync(`${dir}/${lang}/${name}`, 'utf8')))
      .sort((a, b) => a.order - b.order)
  }
  checkTogether(guide)
  return guide
}

// ---- Markdown to HTML ----

/** Is the run of inline tokens one bold span from end to end ("**Title**")? */
function boldFromEndToEnd(line: Token[]): boolean {
  const tokens = line.filter((t) => !(t.type === 'text' && !t.content.trim()))
  if (tokens.length < 3 || tokens[0].type !== 'strong_open' || tokens[tokens.length - 1].type !== 'strong_close') return false
  let depth = 0
  for (let i = 0; i < tokens.length - 1; i++) {
    if (tokens[i].type === 'strong_open') depth++
    if (tokens[i].type === 'strong_close') depth--
    if (depth === 0) return false // the first bold span closed before the line ended
  }
  return true
}

/**
 * content/README.md: a line bold from end to end (a small title such as `1. **Title**`,
 * its explanation on the next line) keeps its line break. Runs before the CJK rule, which
 * would otherwise join the title and a Japanese explanation into one line.
 */
function boldLines(md: MarkdownIt): void {
  md.core.ruler.push('ippo_bold_lines', (state: StateCore) => {
    for (const block of state.tokens) {
      if (block.type !== 'inline' || !block.children) continue
      // Empty text (left where emphasis markers were) shows nothing, and the CJK rule cannot
      // read a character from it.
      block.children = block.children.filter((t) => t.type !== 'text' || t.content !== '')
      let start = 0
      block.children.forEach((token, i) => {
        if (token.type !== 'softbreak' && token.type !== 'hardbreak') return
        if (token.type === 'softbreak' && boldFromEndToEnd(block.children!.slice(start, i))) token.type = 'hardbreak'
        start = i + 1
      })
    }
  })
}

/** The page's <h1> is the chapter's title, so the body's highest heading becomes <h2>. */
function headingsBelowTheTitle(md: MarkdownIt): void {
  md.core.ruler.push('ippo_headings', (state: StateCore) => {
    const headings = state.tokens.filter((t) => t.type === 'heading_open' || t.type === 'heading_close')
    if (!headings.length) return
    const shift = 2 - Math.min(...headings.map((t) => Number(t.tag.slice(1))))
    for (const token of headings) token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + shift)}`
  })
}

/** Another site's link opens in a new tab; the app's own paths stay plain links, which the
 * PWA's router follows without a page load. */
function externalLinks(md: MarkdownIt): void {
  const fallback = md.renderer.rules.link_open ?? ((tokens, i, options, _env, self) => self.renderToken(tokens, i, options))
  md.renderer.rules.link_open = (tokens, i, options, env, self) => {
    if (/^https?:\/\//i.test(String(tokens[i].attrGet('href') ?? ''))) {
      tokens[i].attrSet('target', '_blank')
      tokens[i].attrSet('rel', 'noopener noreferrer')
    }
    return fallback(tokens, i, options, env, self)
  }
}

// Plain Markdown only (content/README.md): no raw HTML (shown as text), tables, images or
// strikethrough. Japanese lines of one paragraph join with nothing between them.
const markdown = markdownIt({ html: false, linkify: false, typographer: false })
  .disable(['table', 'image', 'strikethrough'])
  .use(boldLines)
  .use(cjkBreaks)
  .use(headingsBelowTheTitle)
  .use(externalLinks)

/** A chapter's Markdown body as HTML. */
export function renderMarkdown(body: string): string {
  return markdown.render(body)
}

// ---- the guide as modules and as a build file ----

const INDEX = 'virtual:ippo-guide'

/** The chapters without their texts: the table of contents, titles, tools and steps. */
export function guideIndex(guide: Guide): Record<GuideLang, Omit<GuideChapter, 'html'>[]> {
  const index = {} as Record<GuideLang, Omit<GuideChapter, 'html'>[]>
  for (const lang of GUIDE_LANGS) index[lang] = guide[lang].map(({ html: _html, ...rest }) => rest)
  return index
}

/** One language's texts by slug. */
export function guideTexts(guide: Guide, lang: GuideLang): Record<string, string> {
  return Object.fromEntries(guide[lang].map((c) => [c.slug, c.html]))
}

/**
 * `virtual:ippo-guide` (the index) and `virtual:ippo-guide/<lang>` (the texts) for the PWA,
 * and guide.json (everything) in the build output for Django. A broken chapter fails the
 * build with its file and field.
 */
export function contentGuide(): Plugin {
  let dir = ''
  let guide: Guide | null = null
  const load = (): Guide => {
    if (!guide) guide = readGuide(dir)
    return guide
  }
  return {
    name: 'ippo-content-guide',
    configResolved(config) {
      dir = `${config.root}/../content/guide`
    },
    buildStart() {
      guide = null
      try {
        const read = load()
        for (const lang of GUIDE_LANGS) for (const c of read[lang]) this.addWatchFile(`${dir}/${c.file}`)
      } catch (err) {
        this.error(err instanceof Error ? err.message : String(err))
      }
    },
    resolveId(id) {
      return id === INDEX || id.startsWith(`${INDEX}/`) ? `\0${id}` : null
    },
    load(id) {
      if (!id.startsWith(`\0${INDEX}`)) return null
      const lang = id.slice(`\0${INDEX}/`.length) as GuideLang
      if (id === `\0${INDEX}`) return jsonModule(guideIndex(load()))
      if (!GUIDE_LANGS.includes(lang)) this.error(`${id}: no such guide language`)
      return jsonModule(guideTexts(load(), lang))
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'guide.json', source: JSON.stringify(load()) })
    },
  }
}
