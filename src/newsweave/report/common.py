"""What every renderer says the same way: the title, the source list, attributions."""

from __future__ import annotations

from newsweave.models import Article, Brief, SummarySentence


def brief_title(brief: Brief) -> str:
    """The story's title, else the title of the article the summary leans on most."""
    if brief.story.title:
        return brief.story.title
    if brief.summary:
        lead = brief.story.article(brief.summary[0].sentence.article_id)
        if lead.title:
            return lead.title
    titled = [a.title for a in brief.story.articles if a.title]
    return titled[0] if titled else "Brief"


def attribution(brief: Brief, item: SummarySentence) -> str:
    """"BBC; also Al Jazeera, RFE/RL": the sentence's own outlet, then the others."""
    own, *others = brief.sources_of(item)
    return f"{own}; also {', '.join(others)}" if others else own


def article_line(article: Article) -> str:
    """One line naming an article: outlet, date, title, where it came from, and its id unless
    where it came from already says it (a file named after it): the id is the handle the
    input gave it, and the one the store and the JSON use."""
    parts = [article.label]
    parts.append(article.published.isoformat() if article.published else "date unknown")
    if article.title:
        parts.append(f"\u201c{article.title}\u201d")
    where = article.url or article.origin
    if where:
        parts.append(where)
    if article.id not in (where or "") and article.id != article.label:
        parts.append(f"id {article.id}")
    return " \u2014 ".join(parts)


def summary_words(brief: Brief) -> int:
    return sum(len(item.sentence.text.split()) for item in brief.summary)


def reports(brief: Brief) -> str:
    count = len(brief.story.articles)
    return f"{count} report" if count == 1 else f"{count} reports"
