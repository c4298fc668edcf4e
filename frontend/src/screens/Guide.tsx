// The guide's table of contents in her language, with the two tools that grew out of it
// (self-check, earnings gap) at the top. Loaded as its own chunk (see routes.ts).
import '../guide/guide.css'

import { chapters, keepLang, readingLang } from '../guide/content'
import { t } from '../i18n/guide'
import type { ScreenProps } from './props'

export default function Guide({ query }: ScreenProps) {
  const list = chapters(readingLang(query))
  return (
    <div class="guide">
      <h1 tabIndex={-1}>{t('guide.title')}</h1>
      <p class="lead">{t('guide.lead')}</p>

      <ul class="plain tool-cards" aria-label={t('guide.tools')}>
        <li>
          <a class="tool-card" href="/selfcheck" data-testid="guide-tool" data-tool="selfcheck">
            <strong>{t('tool.selfcheck')}</strong>
            <span class="muted small">{t('guide.selfcheck_blurb')}</span>
          </a>
        </li>
        <li>
          <a class="tool-card" href="/earnings" data-testid="guide-tool" data-tool="earnings">
            <strong>{t('tool.earnings')}</strong>
            <span class="muted small">{t('guide.earnings_blurb')}</span>
          </a>
        </li>
      </ul>

      <section aria-labelledby="guide-toc">
        <h2 id="guide-toc">{t('guide.toc')}</h2>
        {list.length === 0 ? (
          <p class="empty">{t('guide.empty')}</p>
        ) : (
          <ol class="plain toc">
            {list.map((chapter, i) => (
              <li key={chapter.slug}>
                <a href={keepLang(`/guide/${chapter.slug}`, query)} data-testid="guide-chapter" data-slug={chapter.slug}>
                  <span class="toc-number" aria-hidden="true">
                    {i + 1}
                  </span>
                  <span class="toc-text">
                    <strong>{chapter.title}</strong>
                    {chapter.summary && <span class="muted small">{chapter.summary}</span>}
                  </span>
                </a>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  )
}
