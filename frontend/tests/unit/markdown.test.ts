// The guide's one renderer (vite-content.ts, run by the build): markdown-it with the rules
// content/README.md gives, and the front matter's checks, each refusal naming the file.
import { describe, expect, it } from 'vitest'

import { readChapter, renderMarkdown } from '../../vite-content'

describe('renderMarkdown', () => {
  it('renders headings below the page title, paragraphs, rules and quotes', () => {
    expect(renderMarkdown('## Title\n\nOne\ntwo\n\n---\n\n> quoted\n> more')).toBe(
      '<h2>Title</h2>\n<p>One\ntwo</p>\n<hr>\n<blockquote>\n<p>quoted\nmore</p>\n</blockquote>\n',
    )
    // The chapter's <h1> is its title: the body's highest heading becomes <h2>.
    expect(renderMarkdown('### A\n\n#### B')).toBe('<h2>A</h2>\n<h3>B</h3>\n')
  })

  it('joins Japanese lines with nothing between them, English lines with a space', () => {
    expect(renderMarkdown('育休から戻って\n数か月。\nThen English\nlines')).toBe(
      '<p>育休から戻って数か月。\nThen English\nlines</p>\n',
    )
  })

  it('keeps the break after a line that is bold from end to end', () => {
    const html = renderMarkdown('1. **責任の軽い仕事**\n   任されるのは、\n   定型の作業です。\n2. **昇進の機会を失う**\n   道が遠のきます。\n\nあと')
    expect(html).toBe(
      '<ol>\n<li><strong>責任の軽い仕事</strong><br>\n任されるのは、定型の作業です。</li>\n' +
        '<li><strong>昇進の機会を失う</strong><br>\n道が遠のきます。</li>\n</ol>\n<p>あと</p>\n',
    )
    // Bold that does not span the whole line is running text; two spaces are a hard break.
    expect(renderMarkdown('**一部**だけ太字\n次の行')).toBe('<p><strong>一部</strong>だけ太字次の行</p>\n')
    expect(renderMarkdown('**a** and **b**\nnext')).toBe('<p><strong>a</strong> and <strong>b</strong>\nnext</p>\n')
    expect(renderMarkdown('line one  \nline two')).toBe('<p>line one<br>\nline two</p>\n')
  })

  it('renders bullet lists, loose or nested', () => {
    expect(renderMarkdown('- a\n- b\n  - b1\n\n- c')).toBe(
      '<ul>\n<li>\n<p>a</p>\n</li>\n<li>\n<p>b</p>\n<ul>\n<li>b1</li>\n</ul>\n</li>\n<li>\n<p>c</p>\n</li>\n</ul>\n',
    )
  })

  it('renders bold, italics, code, links and escapes', () => {
    expect(renderMarkdown('**強く**と*軽く*、`x`、[次の章](/guide/why-it-happens/) \\*そのまま\\*')).toBe(
      '<p><strong>強く</strong>と<em>軽く</em>、<code>x</code>、<a href="/guide/why-it-happens/">次の章</a> *そのまま*</p>\n',
    )
    expect(renderMarkdown('2 * 3 and a_b_c')).toBe('<p>2 * 3 and a_b_c</p>\n')
    // Bold next to Japanese brackets, as content/README.md tells the writer to place it.
    expect(renderMarkdown('「**無理しないで**」という言葉')).toBe('<p>「<strong>無理しないで</strong>」という言葉</p>\n')
  })

  it("opens other sites in a new tab, keeps the app's paths as plain links, drops scripts", () => {
    expect(renderMarkdown('[a](https://example.jp) [b](/today) [c](javascript:alert(1))')).toBe(
      '<p><a href="https://example.jp" target="_blank" rel="noopener noreferrer">a</a> ' +
        '<a href="/today">b</a> [c](javascript:alert(1))</p>\n',
    )
  })

  it('shows raw HTML as text and leaves tables, images and strikethrough alone', () => {
    expect(renderMarkdown('<script>alert(1)</script>\n\n文<b>x</b>')).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n<p>文&lt;b&gt;x&lt;/b&gt;</p>\n',
    )
    expect(renderMarkdown('| a |\n|---|\n| 1 |')).toBe('<p>| a |\n|---|\n| 1 |</p>\n')
    expect(renderMarkdown('![i](x.png) ~~s~~')).toBe('<p>!<a href="x.png">i</a> ~~s~~</p>\n')
  })
})

const GOOD = [
  '---',
  'slug: first-steps   # the URL',
  'title: 最初の一歩',
  'summary: "要約: です"',
  'order: 1',
  'tools: [selfcheck]',
  'steps:',
  '  - {key: take-it, title: セルフチェックをする, schedule: once, tool: selfcheck}',
  '  - key: every-day',
  '    title: 毎日1つ',
  '    schedule: daily',
  '---',
  '本文です。',
].join('\n')

function refusal(source: string, name = '01-first-steps.md'): string {
  try {
    readChapter('ja', name, source)
  } catch (err) {
    return err instanceof Error ? err.message : String(err)
  }
  return 'accepted'
}

describe('readChapter', () => {
  it('reads the front matter, the steps and the body', () => {
    const chapter = readChapter('ja', '01-first-steps.md', GOOD)
    expect(chapter).toEqual({
      lang: 'ja',
      slug: 'first-steps',
      title: '最初の一歩',
      summary: '要約: です',
      order: 1,
      tools: ['selfcheck'],
      steps: [
        { key: 'take-it', title: 'セルフチェックをする', schedule: 'once', tool: 'selfcheck' },
        { key: 'every-day', title: '毎日1つ', schedule: 'daily', tool: null },
      ],
      file: 'ja/01-first-steps.md',
      html: '<p>本文です。</p>\n',
    })
  })

  it.each([
    ['本文だけ\n', "must start with a '---' line"],
    ['---\nslug: a\n本文\n', "no closing '---'"],
    ['---\nslug: [a\n---\n本文\n', 'not valid YAML'],
    ['---\n- a\n---\n本文\n', '`name: value` lines'],
    [GOOD.replace('summary: "要約: です"\n', ''), "missing front matter field 'summary'"],
    [GOOD.replace('order: 1\n', ''), "missing front matter field 'order'"],
    [GOOD.replace('title: 最初の一歩', "title: ''"), 'title must be a non-empty text'],
    [GOOD.replace('tools:', 'tool:'), 'unknown front matter field tool'],
    [GOOD.replace('slug: first-steps', 'slug: First_Steps'), 'slug "First_Steps"'],
    [GOOD.replace('slug: first-steps', 'slug: other'), 'must be named NN-other.md'],
    [GOOD.replace('order: 1', 'order: first'), 'order must be a whole number'],
    [GOOD.replace('order: 1', 'order: true'), 'order must be a whole number'],
    [GOOD.replace('tools: [selfcheck]', 'tools: [selfcheck, weekly]'), 'tools[1]: unknown tool "weekly"'],
    [GOOD.replace('tools: [selfcheck]', 'tools: selfcheck'), 'tools must be a list'],
    [GOOD.replace('tool: selfcheck}', 'tool: weekly}'), 'steps[0].tool: unknown tool "weekly" (known: selfcheck,'],
    [GOOD.replace('schedule: once', 'schedule: monthly'), 'steps[0].schedule must be one of daily, weekdays, weekly, once'],
    [GOOD.replace('key: take-it', 'key: Take It'), 'steps[0].key "Take It"'],
    [GOOD.replace('title: セルフチェックをする, ', ''), 'steps[0].title must be a non-empty text'],
    [GOOD.replace('schedule: daily', 'schedule: daily\n    when: morning'), 'steps[1]: unknown field when'],
    [GOOD.replace('本文です。', ''), 'has no text after the front matter'],
    [GOOD.replace('本文です。', '**「無理しなくていいよ」**という言葉'), 'a ** or __ is left unpaired'],
  ])('refuses a broken chapter by file and field: %#', (source, message) => {
    const found = refusal(source)
    expect(found).toContain('ja/01-first-steps.md')
    expect(found).toContain(message)
  })
})
