// A small Markdown reader for the guide's chapters: the subset a writer uses (headings,
// paragraphs, lists, quotes, rules, bold, italic, code, links, line breaks). It builds a
// plain tree that Markdown.tsx turns into elements, so no HTML string ever reaches the
// page (nothing to sanitise) and links become ordinary <a> the app's router handles.

export type Inline =
  | string
  | { t: 'strong' | 'em'; c: Inline[] }
  | { t: 'code'; v: string }
  | { t: 'link'; href: string; c: Inline[] }
  | { t: 'br' }

export type Block =
  | { t: 'h'; level: number; c: Inline[] }
  | { t: 'p'; c: Inline[] }
  | { t: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { t: 'quote'; c: Block[] }
  | { t: 'pre'; v: string }
  | { t: 'hr' }

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/
const QUOTE = /^ {0,3}> ?(.*)$/
const FENCE = /^ {0,3}(```+|~~~+)/
const ITEM = /^( *)([-*+]|\d{1,9}[.)])(?:[ \t]+(.*)|[ \t]*)$/

function indentOf(line: string): number {
  return /^ */.exec(line)![0].length
}

function startsBlock(line: string): boolean {
  return HEADING.test(line) || RULE.test(line) || QUOTE.test(line) || FENCE.test(line) || ITEM.test(line)
}

// Letters that are written without spaces between them: a line break inside a Japanese
// paragraph must join the lines with nothing, not with a space.
const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/

const BOLD_LINE = /^(\*\*|__)(?!\s).*\S\1$/

function joinLines(lines: string[]): string {
  let out = ''
  lines.forEach((raw, i) => {
    let line = i === 0 ? raw.replace(/^\s+/, '') : raw.trim()
    if (i < lines.length - 1) {
      // Two trailing spaces or a trailing backslash: a hard line break. So is a line
      // that is bold from end to end: writers use it as a small title ("1. **Title**"
      // with the explanation on the next line).
      if (/( {2,}|\\)$/.test(raw) || BOLD_LINE.test(line.trim())) {
        out += line.replace(/\s*\\?$/, '') + '\n'
        return
      }
      line = line.replace(/\s+$/, '')
    }
    if (out && !out.endsWith('\n')) {
      const before = out[out.length - 1]
      const after = line[0] ?? ''
      if (!(CJK.test(before) && CJK.test(after))) out += ' '
    }
    out += line
  })
  return out
}

function parseList(lines: string[], start: number): { block: Block; next: number } {
  const first = ITEM.exec(lines[start])!
  const baseIndent = first[1].length
  const ordered = /\d/.test(first[2])
  const bullet = first[2].slice(-1)
  const items: Block[][] = []
  let i = start
  while (i < lines.length) {
    const m = ITEM.exec(lines[i])
    if (!m || m[1].length > baseIndent + 1 || /\d/.test(m[2]) !== ordered || m[2].slice(-1) !== bullet) break
    const contentIndent = m[1].length + m[2].length + 1
    const body: string[] = [m[3] ?? '']
    i++
    while (i < lines.length) {
      const line = lines[i]
      if (!line.trim()) {
        // A blank line continues the item only if indented content follows it.
        let j = i
        while (j < lines.length && !lines[j].trim()) j++
        if (j < lines.length && indentOf(lines[j]) >= Math.min(contentIndent, baseIndent + 2)) {
          for (; i < j; i++) body.push('')
          continue
        }
        break
      }
      const indent = indentOf(line)
      if (indent > baseIndent && (indent >= contentIndent || ITEM.test(line))) {
        body.push(line.slice(Math.min(indent, contentIndent)))
      } else if (startsBlock(line)) {
        break
      } else {
        body.push(line.trim()) // a lazy continuation of the item's paragraph
      }
      i++
    }
    items.push(parseBlocks(body))
    // Blank lines between two items of the same list.
    let j = i
    while (j < lines.length && !lines[j].trim()) j++
    const sibling = j < lines.length ? ITEM.exec(lines[j]) : null
    if (sibling && sibling[1].length <= baseIndent + 1 && /\d/.test(sibling[2]) === ordered && sibling[2].slice(-1) === bullet) i = j
    else break
  }
  return { block: { t: 'list', ordered, start: ordered ? Number.parseInt(first[2], 10) : 1, items }, next: i }
}

/** The blocks of a Markdown text. */
export function parseBlocks(input: string | string[]): Block[] {
  const lines = typeof input === 'string' ? input.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').split('\n') : input
  const blocks: Block[] = []
  let i = 0
  while (i < lines.length) {
    const line = lines[i]
    if (!line.trim()) {
      i++
      continue
    }
    const fence = FENCE.exec(line)
    if (fence) {
      const code: string[] = []
      i++
      while (i < lines.length && !lines[i].trim().startsWith(fence[1])) code.push(lines[i++])
      i++
      blocks.push({ t: 'pre', v: code.join('\n') })
      continue
    }
    const heading = HEADING.exec(line)
    if (heading) {
      blocks.push({ t: 'h', level: heading[1].length, c: parseInline(heading[2] ?? '') })
      i++
      continue
    }
    if (RULE.test(line)) {
      blocks.push({ t: 'hr' })
      i++
      continue
    }
    if (QUOTE.test(line)) {
      const inner: string[] = []
      while (i < lines.length && lines[i].trim()) {
        const q = QUOTE.exec(lines[i])
        if (!q && startsBlock(lines[i])) break
        inner.push(q ? q[1] : lines[i])
        i++
      }
      blocks.push({ t: 'quote', c: parseBlocks(inner) })
      continue
    }
    if (ITEM.test(line)) {
      const { block, next } = parseList(lines, i)
      blocks.push(block)
      i = next
      continue
    }
    const para: string[] = [line]
    i++
    while (i < lines.length && lines[i].trim() && !startsBlock(lines[i])) para.push(lines[i++])
    blocks.push({ t: 'p', c: parseInline(joinLines(para)) })
  }
  return blocks
}

const PUNCTUATION = /[!-/:-@[-`{-~]/
const WORD = /[A-Za-z0-9]/

/** The index of the `close` that ends a span opened at `from`, or -1. */
function findClose(text: string, from: number, close: string): number {
  let i = from
  while (i < text.length) {
    const c = text[i]
    if (c === '\\') {
      i += 2
      continue
    }
    if (c === '`') {
      const run = /^`+/.exec(text.slice(i))![0]
      const end = text.indexOf(run, i + run.length)
      if (end >= 0) {
        i = end + run.length
        continue
      }
    }
    if (text.startsWith(close, i)) {
      // A single * must not be half of a **.
      if (close.length === 1 && (text[i + 1] === close || text[i - 1] === close)) {
        i += 2
        continue
      }
      if (i > from && !/\s/.test(text[i - 1])) return i
    }
    i++
  }
  return -1
}

/** The end of the bracketed text starting at `open` ("[…]"), allowing nested brackets. */
function matchBracket(text: string, open: number): number {
  let depth = 0
  for (let i = open; i < text.length; i++) {
    const c = text[i]
    if (c === '\\') i++
    else if (c === '[') depth++
    else if (c === ']' && --depth === 0) return i
  }
  return -1
}

/** The inline content of a paragraph or heading. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = []
  let buffer = ''
  const flush = () => {
    if (buffer) out.push(buffer)
    buffer = ''
  }
  let i = 0
  while (i < text.length) {
    const c = text[i]
    const rest = text.slice(i)
    if (c === '\\' && i + 1 < text.length && PUNCTUATION.test(text[i + 1])) {
      buffer += text[i + 1]
      i += 2
      continue
    }
    if (c === '\n') {
      flush()
      out.push({ t: 'br' })
      i++
      continue
    }
    if (c === '`') {
      const run = /^`+/.exec(rest)![0]
      const end = text.indexOf(run, i + run.length)
      if (end >= 0) {
        flush()
        out.push({ t: 'code', v: text.slice(i + run.length, end).trim() })
        i = end + run.length
        continue
      }
      buffer += run
      i += run.length
      continue
    }
    if ((rest.startsWith('**') || rest.startsWith('__')) && rest[2] && !/\s/.test(rest[2])) {
      const delim = rest.slice(0, 2)
      const end = findClose(text, i + 2, delim)
      if (end >= 0 && !(delim === '__' && WORD.test(text[i - 1] ?? ''))) {
        flush()
        out.push({ t: 'strong', c: parseInline(text.slice(i + 2, end)) })
        i = end + 2
        continue
      }
    }
    if ((c === '*' || c === '_') && rest[1] && rest[1] !== c && !/\s/.test(rest[1])) {
      const intraword = c === '_' && WORD.test(text[i - 1] ?? '')
      const end = intraword ? -1 : findClose(text, i + 1, c)
      if (end >= 0 && !(c === '_' && WORD.test(text[end + 1] ?? ''))) {
        flush()
        out.push({ t: 'em', c: parseInline(text.slice(i + 1, end)) })
        i = end + 1
        continue
      }
    }
    if (c === '[') {
      const close = matchBracket(text, i)
      if (close > 0 && text[close + 1] === '(') {
        const target = /^\(\s*<?([^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/.exec(text.slice(close + 1))
        if (target) {
          flush()
          out.push({ t: 'link', href: target[1], c: parseInline(text.slice(i + 1, close)) })
          i = close + 1 + target[0].length
          continue
        }
      }
    }
    if (c === '<') {
      const auto = /^<((?:https?:\/\/|mailto:)[^\s<>]+)>/.exec(rest)
      if (auto) {
        flush()
        out.push({ t: 'link', href: auto[1], c: [auto[1].replace(/^mailto:/, '')] })
        i += auto[0].length
        continue
      }
    }
    buffer += c
    i++
  }
  flush()
  return out
}

/** The plain text of inline content (for comparisons and accessible names). */
export function plainText(nodes: Inline[]): string {
  return nodes
    .map((node) => {
      if (typeof node === 'string') return node
      if (node.t === 'br') return ' '
      if (node.t === 'code') return node.v
      return plainText(node.c)
    })
    .join('')
}

export type LinkKind = 'app' | 'external' | 'anchor' | 'none'

/**
 * What a link points at: a screen of this app (stays in the app, offline too), another
 * site (opens in a new tab), a place in this page, or nothing we will follow (any other
 * scheme, such as javascript:, is shown as plain text).
 */
export function linkKind(href: string): LinkKind {
  if (/^\/(?!\/)/.test(href)) return 'app'
  if (/^(https?:\/\/|mailto:)/i.test(href)) return 'external'
  if (href.startsWith('#')) return 'anchor'
  return 'none'
}

/** Every link target in a block tree (for the content tests). */
export function collectLinks(blocks: Block[]): string[] {
  const found: string[] = []
  const inline = (nodes: Inline[]) => {
    for (const node of nodes) {
      if (typeof node === 'string' || node.t === 'br' || node.t === 'code') continue
      if (node.t === 'link') found.push(node.href)
      inline(node.c)
    }
  }
  const walk = (list: Block[]) => {
    for (const block of list) {
      if (block.t === 'h' || block.t === 'p') inline(block.c)
      else if (block.t === 'quote') walk(block.c)
      else if (block.t === 'list') block.items.forEach(walk)
    }
  }
  walk(blocks)
  return found
}
