"""Conflicts over where and under which name, and opposite accounts: each mechanism on
sentences as wire reports write them (paraphrased from the DUC reports the mechanisms were
built on)."""

from __future__ import annotations

from datetime import date

import pytest

from newsweave.analyze.claims import find_claims
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


def test_times_of_one_event_are_not_compared() -> None:
    """The *when* pass was deleted in round four: on clusters held out before tuning none of
    the time conflicts it found was one a reader flagged. Three take-off times stay unflagged;
    the two towns of one state the same reports give still conflict."""
    found = [c.topic for c in find_claims(story_of(*TAKE_OFF)) if c.kind == "conflict"]
    assert found == ["where: Fairfield or Caldwell"]


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
    pytest.param(("The huge silver balloon landed atop a remote plateau about 45 miles north of "
                  "the desert town of Mut.",
                  "The balloon landed gently at 08:03 local time at Mut, a town in the Dakhla "
                  "Oasis."), "where", {"45 miles north of the desert town of Mut", "at Mut"},
                 id="landed at a town and miles away from it"),
    pytest.param(("The huge silver balloon landed atop a remote plateau about 72 km north of "
                  "the desert town of Mut.",
                  "The balloon landed gently at 08:03 local time at Mut, a town in the Dakhla "
                  "Oasis."), "where", {"72 km north of the desert town of Mut", "at Mut"},
                 id="landed at a town and kilometres away from it"),
])
def test_one_conflict_gives_each_version(texts: tuple[str, ...], topic: str,
                                         versions: set[str]) -> None:
    """Opposite accounts (a denial, a refusal, a rival cause) and different places or names:
    one conflict whose statements carry each outlet's version."""
    [conflict] = conflicts(story_of(*texts), topic)
    assert {s.value for s in conflict.statements} == versions


def test_one_person_given_two_home_towns_conflicts() -> None:
    """ECB+ dev, the Bloomington hit-and-run: the driver "of Bloomington" in two reports and
    "of Minneapolis" in a third."""
    story = story_of(
        "Police stopped Anthony Phillip LaSalle, 36, of Bloomington, when he hit another "
        "vehicle at the intersection of American Boulevard and Lyndale Avenue.",
        "Anthony Phillip LaSalle of Bloomington was charged on Friday with third degree murder.",
        "According to police, Anthony LaSalle, 36, of Minneapolis, hit and killed a 66-year-old "
        "woman in the parking lot of the Bloomington Sam's Club.",
    )
    [home] = conflicts(story, "where LaSalle lives")
    assert sorted(s.value for s in home.statements) == ["Bloomington", "Bloomington",
                                                        "Minneapolis"]
    assert "Outlet 2: Minneapolis" in home.note


def test_two_people_of_one_surname_in_one_report_are_not_a_residence_conflict() -> None:
    story = story_of(
        "Marianne Gingrich of Atlanta and Newt Gingrich of Marietta were divorced on Friday.",
        "Newt Gingrich of Marietta was divorced from his wife on Friday, the court said.",
    )
    assert not conflicts(story, "where")


def test_an_organisation_or_office_of_somewhere_is_no_residence() -> None:
    """Xinhua and the New York Times on Turkey: two courts and two offices, no one's home."""
    story = story_of(
        "Ocalan appealed to the European Court of Human Rights on Monday.",
        "Greece asked the International Court of Justice to rule. The Secretary of State agreed.",
        "The Turkish Secretary of Commerce said the European Court of Justice would decide.",
    )
    assert not conflicts(story, "where")


def test_one_street_named_differently_conflicts() -> None:
    story = story_of(
        "The bodies were found in a second-floor apartment on Independent Street. Gomes was "
        "arrested at a Philip Street apartment, police said.",
        "The unlit stove in the Independence Street apartment had its gas turned on. Police "
        "found him barricaded in a dwelling on Phillips Road.",
        "Firefighters went to the Independent Street apartment. He was arrested late Tuesday "
        "night at 2088 Philip Street.")
    found = conflicts(story, "street:")
    assert sorted(c.topic for c in found) == [
        "street: Independent Street / Independence Street",
        "street: Philip Street / Phillips Road"]
    assert {len({s.ref.article_id for s in c.statements}) for c in found} == {3}


def test_two_streets_of_one_report_are_not_one_street_named_twice() -> None:
    story = story_of(
        "The crash happened at the corner of Fourth Street and Fourth Avenue.",
        "Police closed Fourth Street after the crash on Tuesday.",
        "The car hit a pole on Church Street, near Chestnut Street.")
    assert conflicts(story, "street:") == []
