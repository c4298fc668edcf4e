// The app's tools a guide chapter or a self-check band can point to, by the keys the
// writer uses in content/ (content/README.md, "Tool keys and app paths").
import type { GuideKey } from '../i18n/guide'

export interface Tool {
  path: string
  label: GuideKey
}

export const TOOLS: Record<string, Tool> = {
  selfcheck: { path: '/selfcheck', label: 'tool.selfcheck' },
  earnings: { path: '/earnings', label: 'tool.earnings' },
  today: { path: '/today', label: 'tool.today' },
  history: { path: '/history', label: 'tool.history' },
  report: { path: '/report', label: 'tool.report' },
  brief: { path: '/brief', label: 'tool.brief' },
  goals: { path: '/goals', label: 'tool.goals' },
  learning: { path: '/learning', label: 'tool.learning' },
  network: { path: '/network', label: 'tool.network' },
  employers: { path: '/employers', label: 'tool.employers' },
  mode: { path: '/mode', label: 'tool.mode' },
}

/** The known tools among `keys`, in their order; unknown keys (a later tool) are skipped. */
export function toolsFor(keys: readonly string[]): Array<Tool & { key: string }> {
  return keys.flatMap((key) => (TOOLS[key] ? [{ key, ...TOOLS[key] }] : []))
}
