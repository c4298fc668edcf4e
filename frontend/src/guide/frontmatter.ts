// Front matter of a guide chapter: the block between two "---" lines at the top of the
// file. Chapters use a small, flat subset of YAML (content/README.md), so a few dozen
// lines read it here instead of shipping a YAML library to the phone:
//   key: plain text            key: "quoted: text"      key: 'single ''quoted'''
//   key: 12                    key: [a, b, "c d"]       key:            # a block list
//   # a comment                key: text  # a comment     - a
//                                                         - b

export type Scalar = string | number | boolean | null
export type Value = Scalar | Scalar[]

export interface Parsed {
  meta: Record<string, Value>
  body: string
}

/** Cuts a trailing " # comment" that is not inside quotes. */
function stripComment(text: string): string {
  let quote: string | null = null
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quote) {
      if (c === '\\' && quote === '"') i++
      else if (c === quote) quote = null
    } else if (c === '"' || c === "'") {
      quote = c
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      return text.slice(0, i)
    }
  }
  return text
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', '"': '"', '\\': '\\', '/': '/' }

function scalar(raw: string): Scalar {
  const text = raw.trim()
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) {
    return text.slice(1, -1).replace(/\\(.)/g, (_m, c: string) => ESCAPES[c] ?? c)
  }
  if (text.length >= 2 && text.startsWith("'") && text.endsWith("'")) {
    return text.slice(1, -1).replace(/''/g, "'")
  }
  if (/^[-+]?\d+$/.test(text)) return Number(text)
  if (/^[-+]?\d*\.\d+$/.test(text)) return Number(text)
  if (/^(true|True|TRUE)$/.test(text)) return true
  if (/^(false|False|FALSE)$/.test(text)) return false
  if (text === '' || text === '~' || /^(null|Null|NULL)$/.test(text)) return null
  return text
}

/** "[a, 'b, c', d]" → ["a", "b, c", "d"]. */
function flowList(text: string): Scalar[] {
  const inner = text.trim().slice(1, -1)
  const items: string[] = []
  let current = ''
  let quote: string | null = null
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]
    if (quote) {
      if (c === '\\' && quote === '"' && i + 1 < inner.length) {
        current += c + inner[++i]
        continue
      }
      if (c === quote) quote = null
    } else if (c === '"' || c === "'") {
      quote = c
    } else if (c === ',') {
      items.push(current)
      current = ''
      continue
    }
    current += c
  }
  if (current.trim() || items.length) items.push(current)
  return items.filter((item) => item.trim() !== '').map(scalar)
}

/**
 * Splits a Markdown file into its front matter and its body. Throws on a line the subset
 * does not cover, so a writer's slip shows up in the tests rather than as a blank title.
 */
export function parseFrontMatter(source: string, name = 'chapter'): Parsed {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  const lines = text.split('\n')
  if (lines[0].trim() !== '---') return { meta: {}, body: text }
  const end = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line))
  if (end < 0) throw new Error(`${name}: the front matter has no closing "---"`)

  const meta: Record<string, Value> = {}
  let openList: Scalar[] | null = null
  const blockKeys: string[] = []
  for (let i = 1; i < end; i++) {
    const line = stripComment(lines[i]).replace(/\s+$/, '')
    if (!line.trim()) continue
    const item = /^\s+-\s+(.*)$|^-\s+(.*)$/.exec(line)
    if (item && openList) {
      openList.push(scalar(item[1] ?? item[2]))
      continue
    }
    const pair = /^([A-Za-z_][\w-]*)\s*:(?:\s+(.*))?$/.exec(line)
    if (!pair) throw new Error(`${name}: cannot read front matter line ${i + 1}: ${lines[i]}`)
    const [, key, value = ''] = pair
    if (!value.trim()) {
      openList = []
      meta[key] = openList
      blockKeys.push(key)
    } else {
      openList = null
      meta[key] = value.trim().startsWith('[') && value.trim().endsWith(']') ? flowList(value) : scalar(value)
    }
  }
  // "key:" with nothing under it is null in YAML, not an empty list.
  for (const key of blockKeys) if ((meta[key] as Scalar[]).length === 0) meta[key] = null
  return { meta, body: lines.slice(end + 1).join('\n') }
}
