// The PWA's import graph, read by madge: no cycles, and imports only point down the house.
//   screens/ → tools/ → components/ → rules/, store/, sync/, i18n/, api.ts, time.ts, types.ts
// screens/routes.ts imports the screens, so a screen imports ScreenProps from screens/props.ts.
import madge from 'madge'
import { beforeAll, describe, expect, it } from 'vitest'

let graph: Record<string, string[]>
let cycles: string[][]
let skipped: string[]

// Paths from this file, so the test reads the same tree from whatever directory it runs in.
const here = (path: string) => decodeURIComponent(new URL(path, import.meta.url).pathname)

beforeAll(async () => {
  const result = await madge(here('../../src'), {
    fileExtensions: ['ts', 'tsx'],
    tsConfig: here('../../tsconfig.json'),
    includeNpm: true,
  })
  graph = result.obj()
  cycles = result.circular()
  // Only our own files must resolve: Vite's virtual modules (the guide the build renders)
  // have no file, and a package that ships no plain entry (vite) is not ours to read.
  skipped = result.warnings().skipped.filter((name: string) => name.startsWith('.') || name.startsWith('/'))
}, 120_000)

const UI = ['components/', 'screens/', 'tools/', 'guide/', 'summaries/', 'i18n/', 'app.tsx', 'main.tsx']

/** Every import of a file under `from` that lands on one of `banned` (paths or prefixes). */
function offending(from: string, banned: (target: string) => boolean): string[] {
  return Object.entries(graph)
    .filter(([file]) => file.startsWith(from))
    .flatMap(([file, targets]) => targets.filter(banned).map((target) => `${file} → ${target}`))
}

const under = (prefixes: string[]) => (target: string) => prefixes.some((p) => target.startsWith(p))
const isNpm = (target: string) => target.includes('node_modules/')
const isUi = (target: string) => under(UI)(target) || target.endsWith('.tsx') || /node_modules\/preact\//.test(target)

describe('the import graph', () => {
  it('is read whole: every file resolved, the shell reaching its screens', () => {
    expect(Object.keys(graph).length).toBeGreaterThan(100)
    expect(skipped).toEqual([])
    expect(graph['screens/routes.ts']).toContain('screens/Today.tsx')
    expect(graph['components/Checklist.tsx']).toContain('store/records.ts')
  })

  it('has no cycles (type-only and lazy imports count)', () => {
    expect(cycles).toEqual([])
  })

  it('keeps components/ below the tools and the screens', () => {
    expect(offending('components/', under(['tools/', 'screens/', 'app.tsx', 'main.tsx']))).toEqual([])
  })

  it('keeps tools/ below the screens', () => {
    expect(offending('tools/', under(['screens/', 'app.tsx', 'main.tsx']))).toEqual([])
  })

  it('keeps UI out of store/, sync/ and rules/', () => {
    for (const area of ['store/', 'sync/', 'rules/']) expect(offending(area, isUi)).toEqual([])
  })

  it('lets rules/ and i18n/ stand alone', () => {
    expect(offending('rules/', (t) => !isNpm(t) && !under(['rules/', 'types.ts', 'time.ts'])(t))).toEqual([])
    expect(offending('i18n/', (t) => !isNpm(t) && !t.startsWith('i18n/'))).toEqual([])
  })
})
