// Draws a parsed Markdown tree (markdown.ts) as Preact elements. App paths stay plain
// <a href="/…"> links, which the router turns into in-app navigation (offline too).
import type { ComponentChildren } from 'preact'

import { linkKind, type Block, type Inline } from './markdown'

function inlines(nodes: Inline[]): ComponentChildren {
  return nodes.map((node, i) => {
    if (typeof node === 'string') return node
    switch (node.t) {
      case 'br':
        return <br key={i} />
      case 'code':
        return <code key={i}>{node.v}</code>
      case 'strong':
        return <strong key={i}>{inlines(node.c)}</strong>
      case 'em':
        return <em key={i}>{inlines(node.c)}</em>
      case 'link': {
        const kind = linkKind(node.href)
        if (kind === 'none') return <span key={i}>{inlines(node.c)}</span>
        if (kind === 'external') {
          return (
            <a key={i} href={node.href} target="_blank" rel="noopener noreferrer">
              {inlines(node.c)}
            </a>
          )
        }
        return (
          <a key={i} href={node.href}>
            {inlines(node.c)}
          </a>
        )
      }
    }
  })
}

function listItem(blocks: Block[], key: number, shift: number) {
  // A one-paragraph item reads as a line of text, not as a paragraph with margins.
  if (blocks.length === 1 && blocks[0].t === 'p') return <li key={key}>{inlines(blocks[0].c)}</li>
  return <li key={key}>{render(blocks, shift)}</li>
}

function render(blocks: Block[], shift: number): ComponentChildren {
  return blocks.map((block, i) => {
    switch (block.t) {
      case 'h': {
        const level = Math.min(6, Math.max(2, block.level + shift))
        const Tag = `h${level}` as 'h2'
        return <Tag key={i}>{inlines(block.c)}</Tag>
      }
      case 'p':
        return <p key={i}>{inlines(block.c)}</p>
      case 'hr':
        return <hr key={i} />
      case 'pre':
        return (
          <pre key={i}>
            <code>{block.v}</code>
          </pre>
        )
      case 'quote':
        return <blockquote key={i}>{render(block.c, shift)}</blockquote>
      case 'list':
        return block.ordered ? (
          <ol key={i} start={block.start === 1 ? undefined : block.start}>
            {block.items.map((item, n) => listItem(item, n, shift))}
          </ol>
        ) : (
          <ul key={i}>{block.items.map((item, n) => listItem(item, n, shift))}</ul>
        )
    }
  })
}

/**
 * The blocks as elements. The page's <h1> is the chapter title, so the body's highest
 * heading level becomes <h2> and the rest follow it.
 */
export function Markdown({ blocks }: { blocks: Block[] }) {
  const levels = blocks.filter((b): b is Extract<Block, { t: 'h' }> => b.t === 'h').map((b) => b.level)
  const shift = levels.length ? 2 - Math.min(...levels) : 0
  return <>{render(blocks, shift)}</>
}
