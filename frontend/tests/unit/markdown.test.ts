// The guide's small Markdown and front-matter readers (src/guide/markdown.ts,
// src/guide/frontmatter.ts) on the constructs the chapters use.
import { describe, expect, it } from 'vitest'

import { parseFrontMatter } from '../../src/guide/frontmatter'
import { collectLinks, linkKind, parseBlocks, parseInline } from '../../src/guide/markdown'

describe('parseFrontMatter', () => {
  it('reads plain, quoted, numeric and list values, and ignores comments', () => {
    const { meta, body } = parseFrontMatter(
      [
        '---',
        'slug: risks-of-leaving-it   # the URL',
        'title: Three risks',
        'summary: "Motivation: why \\"just for now\\" lasts"',
        "note: 'it''s # not a comment'",
        'order: 4',
        'tools: [earnings, "selfcheck"]',
        'extra:',
        '  - a',
        '  - b',
        'empty:',
        '---',
        'Body text.',
      ].join('\n'),
    )
    expect(meta).toEqual({
      slug: 'risks-of-leaving-it',
      title: 'Three risks',
      summary: 'Motivation: why "just for now" lasts',
      note: "it's # not a comment",
      order: 4,
      tools: ['earnings', 'selfcheck'],
      extra: ['a', 'b'],
      empty: null,
    })
    expect(body.trim()).toBe('Body text.')
  })

  it('treats a file without front matter as all body, and refuses an unclosed block', () => {
    expect(parseFrontMatter('# Hi').meta).toEqual({})
    expect(() => parseFrontMatter('---\ntitle: x\n')).toThrow(/closing/)
  })
})

describe('parseBlocks', () => {
  it('reads headings, paragraphs, rules and quotes', () => {
    expect(parseBlocks('## Title\n\nOne\ntwo\n\n---\n\n> quoted\n> more')).toEqual([
      { t: 'h', level: 2, c: ['Title'] },
      { t: 'p', c: ['One two'] },
      { t: 'hr' },
      { t: 'quote', c: [{ t: 'p', c: ['quoted more'] }] },
    ])
  })

  it('joins Japanese lines without a space', () => {
    expect(parseBlocks('育休から戻って\n数か月。')).toEqual([{ t: 'p', c: ['育休から戻って数か月。'] }])
  })

  it('reads an ordered list whose items have a bold title and an indented line', () => {
    const blocks = parseBlocks('1. **責任の軽い仕事**\n   定型の作業が中心。\n2. **昇進の機会を失う**\n   道が遠のきます。\n\nあと')
    expect(blocks).toEqual([
      {
        t: 'list',
        ordered: true,
        start: 1,
        items: [
          [{ t: 'p', c: [{ t: 'strong', c: ['責任の軽い仕事'] }, { t: 'br' }, '定型の作業が中心。'] }],
          [{ t: 'p', c: [{ t: 'strong', c: ['昇進の機会を失う'] }, { t: 'br' }, '道が遠のきます。'] }],
        ],
      },
      { t: 'p', c: ['あと'] },
    ])
  })

  it('reads bullet lists, loose or nested', () => {
    const blocks = parseBlocks('- a\n- b\n  - b1\n  - b2\n\n- c\n\nafter')
    expect(blocks[0]).toEqual({
      t: 'list',
      ordered: false,
      start: 1,
      items: [
        [{ t: 'p', c: ['a'] }],
        [
          { t: 'p', c: ['b'] },
          { t: 'list', ordered: false, start: 1, items: [[{ t: 'p', c: ['b1'] }], [{ t: 'p', c: ['b2'] }]] },
        ],
        [{ t: 'p', c: ['c'] }],
      ],
    })
    expect(blocks[1]).toEqual({ t: 'p', c: ['after'] })
  })
})

describe('parseInline', () => {
  it('reads bold, italics, code, links and escapes', () => {
    expect(parseInline('**強く**と*軽く*、`x`、[次の章](/guide/why-it-happens/) \\*そのまま\\*')).toEqual([
      { t: 'strong', c: ['強く'] },
      'と',
      { t: 'em', c: ['軽く'] },
      '、',
      { t: 'code', v: 'x' },
      '、',
      { t: 'link', href: '/guide/why-it-happens/', c: ['次の章'] },
      ' *そのまま*',
    ])
  })

  it('leaves unmatched markers and snake_case words alone', () => {
    expect(parseInline('2 * 3 and a_b_c and **open')).toEqual(['2 * 3 and a_b_c and **open'])
  })

  it('reads bold around Japanese punctuation, which strict CommonMark would not', () => {
    expect(parseInline('**「今は無理しなくていいよ」**という言葉')).toEqual([
      { t: 'strong', c: ['「今は無理しなくていいよ」'] },
      'という言葉',
    ])
  })
})

describe('links', () => {
  it('sorts targets into app paths, other sites, anchors and refused schemes', () => {
    expect(linkKind('/guide/x/')).toBe('app')
    expect(linkKind('/selfcheck')).toBe('app')
    expect(linkKind('//evil.example/')).toBe('none')
    expect(linkKind('https://example.jp/')).toBe('external')
    expect(linkKind('#top')).toBe('anchor')
    expect(linkKind('javascript:alert(1)')).toBe('none')
  })

  it('collects every link in a tree', () => {
    expect(collectLinks(parseBlocks('[a](/today)\n\n- [b](/earnings)\n\n> [c](https://x.jp)'))).toEqual([
      '/today',
      '/earnings',
      'https://x.jp',
    ])
  })
})
