// English strings of the tools hub; every key of tools-ja.ts.
import type { ToolsKey } from './tools-ja'

export const toolsEn: Record<ToolsKey, string> = {
  'tools.title': 'Career tools',
  'tools.lead': "The guide's five remedies as small steps you can finish before your stop. Every tool works without a signal.",
  'tools.remedy': 'Remedy {n}',
  'tools.mindset': 'Mindset',
  'tools.report': 'Write the weekly report',
  'tools.report_blurb': 'A draft for your manager, written from your logs: time saved and results, made visible.',
  'tools.brief': 'Prepare your 1:1',
  'tools.brief_blurb': 'The work you want, your time plan and what it brings the company, on one page.',
  'tools.goals': 'Goals',
  'tools.goals_blurb': '"By when, what." See at a glance what is due soon and what is overdue.',
  'tools.learning': 'Learning log',
  'tools.learning_blurb': 'Log study on the commute or at night in seconds. Weekly and monthly totals, progress to a certificate.',
  'tools.network': 'Network',
  'tools.network_blurb': 'Role models, study groups, third places, and a list of people to keep in touch with.',
  'tools.employers': 'Compare employers',
  'tools.employers_blurb': 'Score employers on what matters to a working mother, with your own weights.',
  'tools.mode': 'Attack or defence',
  'tools.mode_blurb': 'Is this a time to push or to hold steady? Set the period and its purpose.',
  'tools.guide_tools': 'Tools from the guide',
  'tools.selfcheck': 'Self-check',
  'tools.earnings': 'Lifetime earnings gap',
}
