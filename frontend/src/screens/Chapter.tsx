// One chapter of the guide: its text, its first steps, buttons to the tools it talks about,
// and the way to the previous and next chapters. Works offline: the texts are a precached
// chunk (one per language) that the build rendered from content/guide/.
import '../guide/guide.css'

import { useEffect, useState } from 'preact/hooks'

import { chapterHtml, findChapter, keepLang, neighbours, readingLang, type Chapter as GuideChapter } from '../guide/content'
import { TOOLS, toolsFor } from '../guide/tools'
import { t } from '../i18n/guide'
import type { ScreenProps } from './props'

/** The chapter's HTML once its language's chunk has loaded (null until then). */
function useChapterHtml(chapter: GuideChapter | undefined): string | null {
  const [html, setHtml] = useState<{ key: string; html: string } | null>(null)
  const key = chapter ? `${chapter.lang}/${chapter.slug}` : ''
  useEffect(() => {
    if (!chapter) return
    let current = true
    void chapterHtml(chapter).then((text) => {
      if (current) setHtml({ key, html: text })
    })
    return () => {
      current = false
    }
  }, [key])
  return html && html.key === key ? html.html : null
}

function Steps({ chapter }: { chapter: GuideChapter }) {
  if (!chapter.steps.length) return null
  return (
    <section class="steps" aria-labelledby="chapter-steps">
      <h2 id="chapter-steps">{t('guide.steps')}</h2>
      <ul class="plain">
        {chapter.steps.map((step) => {
          const tool = step.tool ? TOOLS[step.tool] : undefined
          return (
            <li key={step.key} data-testid="chapter-step" data-key={step.key} data-schedule={step.schedule}>
              <span>{step.title}</span>
              <span class="step-meta muted small">
                {t(`schedule.${step.schedule}`)}
                {tool && (
                  <>
                    {' · '}
                    <a href={tool.path}>{t(tool.label)}</a>
                  </>
                )}
              </span>
            </li>
          )
        })}
      </ul>
    </section>
  )
}

export default function Chapter({ params, query }: ScreenProps) {
  const lang = readingLang(query)
  const chapter = findChapter(lang, params.slug)
  const html = useChapterHtml(chapter)

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
        <a href={keepLang('/guide', query)}>{t('guide.back')}</a>
      </p>
      <h1 tabIndex={-1}>{chapter.title}</h1>
      {chapter.lang !== lang && <p class="note">{t('guide.untranslated')}</p>}
      {/* Rendered by the build from our own content/, raw HTML off (see guide/content.ts). */}
      <div class="prose" data-testid="chapter-body" aria-busy={html === null} dangerouslySetInnerHTML={{ __html: html ?? '' }} />
      <Steps chapter={chapter} />

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
          <a class="pager-link prev" href={keepLang(`/guide/${prev.slug}`, query)} rel="prev" data-testid="chapter-prev">
            <span class="muted small">{t('guide.prev')}</span>
            <span>{prev.title}</span>
          </a>
        ) : (
          <span />
        )}
        {next ? (
          <a class="pager-link next" href={keepLang(`/guide/${next.slug}`, query)} rel="next" data-testid="chapter-next">
            <span class="muted small">{t('guide.next')}</span>
            <span>{next.title}</span>
          </a>
        ) : (
          <a class="pager-link next" href={keepLang('/guide', query)}>
            <span class="muted small">{t('guide.finished')}</span>
            <span>{t('guide.back')}</span>
          </a>
        )}
      </nav>
    </article>
  )
}
