// Types for what the build (vite-content.ts) uses in Node and that ships none of its own:
// the two file calls it makes, and the CJK line-break plugin of markdown-it.
declare module 'node:fs' {
  export function readFileSync(path: string, encoding: 'utf8'): string
  export function readdirSync(path: string): string[]
}

declare module 'markdown-it-cjk-breaks' {
  import type { MarkdownIt } from 'markdown-it'
  const cjkBreaks: (md: MarkdownIt) => void
  export default cjkBreaks
}
