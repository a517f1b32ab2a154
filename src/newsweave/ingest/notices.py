"""Notices a page shows about itself that scrapers keep as if they were the story.

Scraped news often opens with what the page says to its reader, not the news: a video player
that cannot play ("Media playback is unsupported on your device"), a sign-up box, a cookie or
JavaScript warning, Twitter's location prompt, or the Internet Archive's note on why a page was
crawled. Some pages hold nothing else. Such notices are cut from the start of a paragraph,
one after another, and the rest is kept: on a page scraped into one long line (as Multi-News
gives its sources), dropping the whole line would drop the story with the notice.

The phrases are those that open the most documents of Multi-News train (over 100,000 source
pages); each has its own end, so that a notice never runs on into the story after it.
"""

from __future__ import annotations

import re

_NOTICES = (
    # Video players and embeds.
    r"media playback is unsupported on your device",
    r"please enable javascript to watch this video",
    r"(?:the interactive transcript could not be loaded\.\s*)?rating is available when the "
    r"video has been rented\.(?:\s*this feature is not available right now\.\s*please try "
    r"again later\.)?",
    r"the interactive transcript could not be loaded\.",
    r"watch queue queue watch queue queue remove all disconnect",
    r"play facebook twitter google plus embed",
    r"image copyright(?:\s+\S+){0,3}?\s+image caption",
    # Sign-up, log-in, cookie and script prompts.
    r"breaking news emails get breaking news alerts and special reports\.\s*the news and "
    r"stories that matter, delivered weekday mornings\.",
    r"get daily updates directly to your inbox \+ subscribe thank you for subscribing! could "
    r"not subscribe, try again later invalid email",
    r"just one more thing\.\.\.\s*we have sent you a verification email\..{0,300}?\bclose\b",
    r"notice you must log in to continue\.",
    r"we've detected that javascript is disabled in your browser\.(?:\s*would you like to "
    r"proceed to legacy twitter\?(?:\s*yes)?)?",
    r"sorry, this zipcode is not in our deliverable area.{0,200}?get digital access",
    r"dow jones reprints: this copy is for your personal, non-commercial use only\..{0,300}?"
    r"djreprints\.com",
    r"(?:photo\s+)?advertisement continue reading the main story",
    # Twitter's location prompts and comment boxes.
    r"tweet with a location you can add location information to your tweets.{0,300}?"
    r"learn more",
    r"add a location to your tweets when you tweet with a location.{0,300}?learn more",
    r"add this tweet to your website by copying the code below\.(?:\s*learn more)?",
    r"this will appear next to all of your comments(?:\s*this will not appear anywhere on "
    r"newser)?",
    # The Internet Archive's notes on its crawls (a page that is nothing but the note).
    r"these crawls are part of an effort to archive pages as they are created.{0,800}?"
    r"(?:intended by a page's author\.|$)",
    r"starting in 1996, alexa internet has been donating their crawl data to the internet "
    r"archive\.(?:\s*flowing in every day, these data are added to the wayback machine after "
    r"an embargo period\.)?",
    r"focused crawls are collections of frequently-updated webcrawl data.{0,200}?subdomain\.",
    r"the seed for this crawl was a list of every host in the wayback machine.{0,400}?"
    r"general public\.",
    r"the seed for wide\d+ was:.{0,1500}$",
    r"crawl of outlinks from wikipedia\.org started.{0,1500}$",
    r"this is a set of web collections curated by .{0,600}$",
)
# Every notice opens with one of these words: a paragraph opening otherwise (nearly all) is
# passed by one C-level ``startswith`` instead of the alternation above.
_OPENING_WORDS = ("add ", "advertisement", "breaking ", "crawl ", "dow ", "focused ", "get ",
                  "image ", "just ", "media ", "notice ", "photo ", "play ", "please ", "rating ",
                  "sorry", "starting ", "the ", "these ", "this ", "tweet ", "watch ", "we've ")
_LEADING_NOTICES = re.compile(rf"^(?:(?:{'|'.join(_NOTICES)})[\s.:;,-]*)+",
                              re.IGNORECASE | re.DOTALL)


def strip_page_notices(paragraph: str) -> str:
    """The paragraph without the page notices that open it ("" when it held nothing else).

    Parameters
    ----------
    paragraph:
        One paragraph of scraped text.

    Returns
    -------
    str
        What follows the notices, unchanged; the paragraph itself when none opens it.
    """
    if not paragraph[:16].lower().startswith(_OPENING_WORDS):
        return paragraph
    match = _LEADING_NOTICES.match(paragraph)
    return paragraph[match.end():] if match else paragraph


__all__ = ["strip_page_notices"]
