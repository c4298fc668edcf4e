// The career tools, grouped by the guide's remedy they serve. Each link opens a screen
// that works offline on her local records; this hub itself draws nothing that needs data.
import '../tools/tools.css'

import { t, type ToolsKey } from '../i18n/tools'
import type { ScreenProps } from './props'

interface Tool {
  key: string
  path: string
  name: ToolsKey
  blurb: ToolsKey
  /** The guide's remedy (1–5), or 0 for the mindset advice. */
  remedy: number
}

const TOOLS: readonly Tool[] = [
  { key: 'report', path: '/report', name: 'tools.report', blurb: 'tools.report_blurb', remedy: 2 },
  { key: 'brief', path: '/brief', name: 'tools.brief', blurb: 'tools.brief_blurb', remedy: 1 },
  { key: 'goals', path: '/goals', name: 'tools.goals', blurb: 'tools.goals_blurb', remedy: 1 },
  { key: 'learning', path: '/learning', name: 'tools.learning', blurb: 'tools.learning_blurb', remedy: 3 },
  { key: 'network', path: '/network', name: 'tools.network', blurb: 'tools.network_blurb', remedy: 4 },
  { key: 'employers', path: '/employers', name: 'tools.employers', blurb: 'tools.employers_blurb', remedy: 5 },
  { key: 'mode', path: '/mode', name: 'tools.mode', blurb: 'tools.mode_blurb', remedy: 0 },
]

export default function Tools(_props: ScreenProps) {
  return (
    <div class="tools">
      <h1 tabIndex={-1}>{t('tools.title')}</h1>
      <p class="lead">{t('tools.lead')}</p>
      <ul class="plain tool-list">
        {TOOLS.map((tool) => (
          <li key={tool.key}>
            <a class="tool-link" href={tool.path} data-testid="tool-link" data-tool={tool.key}>
              <span class="tool-remedy">{tool.remedy ? t('tools.remedy', { n: tool.remedy }) : t('tools.mindset')}</span>
              <strong>{t(tool.name)}</strong>
              <span class="muted small">{t(tool.blurb)}</span>
            </a>
          </li>
        ))}
      </ul>
      <h2>{t('tools.guide_tools')}</h2>
      <ul class="plain tool-list compact">
        <li>
          <a class="tool-link" href="/selfcheck" data-testid="tool-link" data-tool="selfcheck">
            <strong>{t('tools.selfcheck')}</strong>
          </a>
        </li>
        <li>
          <a class="tool-link" href="/earnings" data-testid="tool-link" data-tool="earnings">
            <strong>{t('tools.earnings')}</strong>
          </a>
        </li>
      </ul>
    </div>
  )
}
