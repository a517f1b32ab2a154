"""What every renderer says the same way: the title, the source list, attributions."""

from __future__ import annotations

from collections import Counter

from newsweave.models import Article, Brief, SummarySentence
from newsweave.text import opening_words


def brief_title(brief: Brief) -> str:
    """The story's title, else the title of the article the summary leans on most, else the
    opening words of the summary's lead sentence: scraped text and stored stories often come
    without a headline, and a page titled just "Brief" tells a reader nothing."""
    if brief.story.title:
        return brief.story.title
    if brief.summary:
        lead = brief.story.article(brief.summary[0].sentence.article_id)
        if lead.title:
            return lead.title
    titled = [a.title for a in brief.story.articles if a.title]
    if titled:
        return titled[0]
    return opening_words(brief.summary[0].sentence.text) if brief.summary else "Brief"


def attribution(brief: Brief, item: SummarySentence) -> str:
    """"BBC; also Al Jazeera, RFE/RL": the sentence's own outlet, then the others. An outlet
    with several reports in the story is named with its report's number in the source list
    ("AP 3; also AP 1"): a wire cluster's sentences were all "[APW]", which says nothing of
    where each one stands."""
    labels = numbered_labels(brief)
    own, *others = dict.fromkeys(labels[article_id] for article_id in item.article_ids)
    return f"{own}; also {', '.join(others)}" if others else own


def numbered_labels(brief: Brief) -> dict[str, str]:
    """Each article's label by id, with its number in the source list when its outlet has
    more than one article in the story."""
    articles = brief.story.articles
    shared = {label for label, count in Counter(a.label for a in articles).items() if count > 1}
    return {a.id: f"{a.label} {number}" if a.label in shared else a.label
            for number, a in enumerate(articles, 1)}


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
