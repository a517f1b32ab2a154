"""Conflicts over when, where and under which name: each mechanism on sentences as wire
reports write them (paraphrased from the DUC reports the mechanisms were built on)."""

from __future__ import annotations

from datetime import date

import pytest

from newsweave.analyze.claims import find_claims
from newsweave.analyze.slots import time_mentions
from newsweave.models import Article, Claim, Story
from newsweave.text import split_article


def story_of(*texts: str, published: tuple[date | None, ...] = ()) -> Story:
    dates = published or (None,) * len(texts)
    return Story(articles=tuple(
        split_article(Article(id=f"a{i}", text=text, source=f"Outlet {i}", published=day))
        for i, (text, day) in enumerate(zip(texts, dates, strict=True))))


def conflicts(story: Story, topic_start: str) -> list[Claim]:
    return [c for c in find_claims(story) if c.kind == "conflict"
            and c.topic.startswith(topic_start)]


TAKE_OFF = (
    "Investigators said the plane took off at 8:38 p.m. from Runway 22 at Essex County "
    "Airport in Fairfield, N.J. The Coast Guard searched the waters off Martha's Vineyard.",
    "The plane carrying Kennedy reportedly took off from Caldwell, N.J. at 8:40 pm Friday. "
    "Ships searched the waters off Martha's Vineyard through the night.",
    "The plane left an airfield in New Jersey State at 8:45 p.m. (local time) Friday. "
    "A massive search was under way off Martha's Vineyard.",
)


def test_take_off_times_of_three_outlets_are_one_conflict() -> None:
    [when] = conflicts(story_of(*TAKE_OFF), "when")
    assert [s.value for s in when.statements] == ["8:38 p.m.", "8:40 pm", "8:45 p.m."]
    assert "date it differently" in when.note and "Outlet 2: 8:45 p.m." in when.note


def test_a_round_hour_allows_minutes_either_side() -> None:
    """"about 3 a.m." and "3:02 a.m." agree; "2 a.m." and "1:52 a.m." do not."""
    quake = story_of("The earthquake struck at 3:02 a.m. and lasted some 45 seconds.",
                     "The earthquake struck at about 3 a.m., and lasted 45 seconds.")
    assert not conflicts(quake, "when")
    radar = story_of("1:52 a.m. EST -- Last radar signal received from the plane.",
                     "The plane disappeared from radar screens at 2 a.m. over the ocean.")
    [when] = conflicts(radar, "when")
    assert {s.value for s in when.statements} == {"1:52 a.m.", "2 a.m."}


def test_weekdays_resolve_against_each_report_and_the_day_it_was_said_is_left_out() -> None:
    sinking = story_of(
        "The submarine sank in the Barents Sea on Sunday, naval officials said Monday.",
        "The Norwegian foreign ministry said Tuesday the submarine sank on Saturday.",
        published=(date(2000, 8, 14), date(2000, 8, 15)))
    [when] = conflicts(sinking, "when")
    assert {s.value for s in when.statements} == {"Sunday", "Saturday"}
    said = time_mentions(sinking.articles[1].sentences[0], date(2000, 8, 15))
    assert [m.text for m in said] == ["Saturday"]  # "said Tuesday" dates the saying


@pytest.mark.parametrize("texts, published", [
    pytest.param(("The balloon will probably make its final descent at dawn Sunday in Egypt.",
                  "The pair hoped to land the balloon at about dawn Sunday in Egypt."),
                 (date(1999, 3, 19), date(1999, 3, 20)), id="one weekday said on two days"),
    pytest.param(("The balloonists were on course to cross longitude 9 degrees west at about "
                  "midday Saturday (7 a.m. EST), their control center said.",
                  "At 4:54 a.m. EST Saturday, the two balloonists crossed the line of longitude "
                  "9 west."), (None, None), id="planned time and time it happened"),
    pytest.param(("Nov. 27 -- Juan Miguel Gonzalez demands his son's return to Cuba.",
                  "Juan Miguel Gonzalez traveled to Washington on April 6 to take custody of "
                  "his son."), (date(2000, 6, 28), date(2000, 6, 28)),
                 id="dates months apart are two events"),
])
def test_times_of_different_events_are_not_a_conflict(
        texts: tuple[str, str], published: tuple[date | None, date | None]) -> None:
    assert not conflicts(story_of(*texts, published=published), "when")


def test_two_agencies_quoted_for_one_fact_do_not_conflict() -> None:
    agencies = story_of(
        "The vessel can operate autonomously for up to 120 days, the Interfax news agency "
        "reported.",
        "The vessel can operate on its own for up to 120 days, the Itar-Tass news agency said.")
    assert not conflicts(agencies, "name")


@pytest.mark.parametrize("texts, topic, versions", [
    pytest.param(("Zyuganov accused the government of falsifying the results. \"They have set "
                  "up a zone of blanket fraud to cheat citizens,\" Zyuganov said.",
                  "\"They have set up a zone of blanket fraud to cheat citizens,\" he said. The "
                  "election commission and the international observers denied the "
                  "allegations."), "set zone blanket fraud", {"states it", "denied"},
                 id="a denial of the allegations read with the sentence before"),
    pytest.param(("\"At this point there's been no request for our assistance,\" the White "
                  "House spokesman added.",
                  "Television reported that the Russians had informally approached NATO "
                  "officials to ask about the possibility of assistance."),
                 "ask assistance", {"states it", "no request"},
                 id="no request for help, help asked"),
    pytest.param(("The deputy prime minister said a collision with a big object caused the "
                  "submarine to sink.",
                  "A preliminary underwater inspection showed that an explosion had probably "
                  "damaged the bow, causing the torpedo room to flood."),
                 "cause", {"collision", "explosion"}, id="rival causes sharing no word"),
    pytest.param(TAKE_OFF, "where", {"Fairfield", "Caldwell"},
                 id="two towns of one state for one departure"),
    pytest.param(("The Kursk, launched in 1995, carries 107 personnel and weighs some 14,000 tons.",
                  "The submarine, called the Kursk, is an Oscar II-class submarine completed in "
                  "1994.",
                  "Rudolph is wanted for questioning in bombings in Atlanta in 1996 and 1997."),
                 "when", {"1995", "1994"}, id="years of commissioning; a list of years unread"),
    pytest.param(("The huge silver balloon landed atop a remote plateau about 45 miles north of "
                  "the desert town of Mut.",
                  "The balloon landed gently at 08:03 local time at Mut, a town in the Dakhla "
                  "Oasis."), "where", {"45 miles north of the desert town of Mut", "at Mut"},
                 id="landed at a town and miles away from it"),
])
def test_one_conflict_gives_each_version(texts: tuple[str, ...], topic: str,
                                         versions: set[str]) -> None:
    """Opposite accounts (a denial, a refusal, a rival cause) and different places, years or
    names: one conflict whose statements carry each outlet's version."""
    [conflict] = conflicts(story_of(*texts), topic)
    assert {s.value for s in conflict.statements} == versions
