// One chapter of the guide: its text, buttons to the tools it talks about, and the way
// to the previous and next chapters. Works offline: the text is in this chunk.
import '../guide/guide.css'

import { findChapter, neighbours } from '../guide/content'
import { Markdown } from '../guide/Markdown'
import { toolsFor } from '../guide/tools'
import { getLang } from '../i18n'
import { t } from '../i18n/guide'
import type { ScreenProps } from './props'

export default function Chapter({ params }: ScreenProps) {
  const lang = getLang()
  const chapter = findChapter(lang, params.slug)

  if (!chapter) {
    return (
      <div class="guide">
        <h1 tabIndex={-1}>{t('guide.missing_title')}</h1>
        <p>{t('guide.missing_body')}</p>
        <p>
          <a class="btn primary" href="/guide">
            {t('guide.back')}
          </a>
        </p>
      </div>
    )
  }

  const { prev, next } = neighbours(lang, chapter.slug)
  const tools = toolsFor(chapter.tools)

  return (
    <article class="guide chapter" lang={chapter.lang} data-testid="chapter" data-slug={chapter.slug}>
      <p class="crumb">
        <a href="/guide">{t('guide.back')}</a>
      </p>
      <h1 tabIndex={-1}>{chapter.title}</h1>
      {chapter.lang !== lang && <p class="note">{t('guide.untranslated')}</p>}
      <div class="prose" data-testid="chapter-body">
        <Markdown blocks={chapter.blocks} />
      </div>

      {tools.length > 0 && (
        <section class="card" aria-labelledby="chapter-tools">
          <h2 id="chapter-tools">{t('guide.try_tools')}</h2>
          <div class="actions">
            {tools.map((tool) => (
              <a key={tool.key} class="btn primary" href={tool.path} data-testid="chapter-tool" data-tool={tool.key}>
                {t(tool.label)}
              </a>
            ))}
          </div>
        </section>
      )}

      <nav class="pager" aria-label={t('guide.pager')}>
        {prev ? (
          <a class="pager-link prev" href={`/guide/${prev.slug}`} rel="prev" data-testid="chapter-prev">
            <span class="muted small">{t('guide.prev')}</span>
            <span>{prev.title}</span>
          </a>
        ) : (
          <span />
        )}
        {next ? (
          <a class="pager-link next" href={`/guide/${next.slug}`} rel="next" data-testid="chapter-next">
            <span class="muted small">{t('guide.next')}</span>
            <span>{next.title}</span>
          </a>
        ) : (
          <a class="pager-link next" href="/guide">
            <span class="muted small">{t('guide.finished')}</span>
            <span>{t('guide.back')}</span>
          </a>
        )}
      </nav>
    </article>
  )
}
