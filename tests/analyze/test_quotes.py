"""Direct quotes and their speakers, on the example and on hand-made news text."""

from __future__ import annotations

from newsweave.analyze.quotes import _untitled, find_quotes
from newsweave.models import Article, Story
from newsweave.text import split_article

AL_JAZEERA, BBC, CNN = "000_7afdc91638b36233", "001_0644b31f70d166b7", "002_e650edd0c95d0191"


def story_of(*texts: str) -> Story:
    return Story(articles=tuple(split_article(Article(id=f"a{i}", text=t))
                                for i, t in enumerate(texts)))


def speakers_by_word(*texts: str, word: int = 1) -> dict[str, str | None]:
    """Each quote's speaker by the quote's ``word``-th word, in a story of ``texts``."""
    return {q.text.split()[word]: q.speaker for q in find_quotes(story_of(*texts))}


def test_example_quotes_with_their_speakers(example_story: Story) -> None:
    speakers = {(q.ref.article_id, q.ref.index): q.speaker for q in find_quotes(example_story)}
    assert speakers[(AL_JAZEERA, 10)] == "Robin Forestier-Walker"  # X, in Y, said: "..."
    assert speakers[(AL_JAZEERA, 13)] == "Robin Forestier-Walker"  # "...," Forestier-Walker said
    assert speakers[(AL_JAZEERA, 14)] == "Robin Forestier-Walker"  # quote running on
    assert speakers[(AL_JAZEERA, 21)] == "Robin Forestier-Walker"  # "...," he said
    assert speakers[(CNN, 1)] == "Ilyas Omarov"  # "...," said Ilyas Omarov, a spokesman
    assert speakers[(CNN, 4)] == "Ilyas Omarov"  # "...," said Omarov: surname to full name
    assert speakers[(CNN, 9)] == "Edil Baisalov"  # "...," warned Edil Baisalov
    assert speakers[(BBC, 14)] == "Azattyk"  # "...," it said, after "Azattyk radio said ..."


def test_quote_text_is_the_words_inside_the_marks(example_story: Story) -> None:
    quote = next(q for q in find_quotes(example_story) if q.ref.article_id == CNN)
    assert quote.text == "He [Bakiev] left on Sunday. I can't say where he went"
    assert quote.text in example_story.sentence(quote.ref).text


def test_scare_quotes_are_not_quotes(example_story: Story) -> None:
    texts = [q.text for q in find_quotes(example_story)]
    assert not any(t in ("deportation", "spilling blood", "active mediation") for t in texts)


def test_pronoun_without_a_recent_speaker_stays_unnamed() -> None:
    quotes = find_quotes(story_of(
        "The ministry met on Monday. Rain fell all week. Roads closed. Schools shut.\n"
        '"We will rebuild every single house," he said.'
    ))
    assert [(q.speaker, q.text) for q in quotes] == [(None, "We will rebuild every single house")]


def test_duc_style_quotes_and_speaker_before_a_colon() -> None:
    quotes = find_quotes(story_of(
        "Navy spokesman Igor Dygalo spoke to reporters.\n"
        "``The probability of a successful outcome is not very high,'' Dygalo said.\n"
        'Admiral Vladimir Kuroyedov said: "We are doing all we can for the crew."'
    ))
    assert [q.speaker for q in quotes] == ["Igor Dygalo", "Vladimir Kuroyedov"]
    assert quotes[0].text == "The probability of a successful outcome is not very high"


def test_quotation_over_sentences_takes_the_speaker_where_it_closes() -> None:
    quotes = find_quotes(story_of(
        "Coast Guard Rear Admiral Richard Larrabbee met the families.\n"
        '"It was very difficult for me," a somber Larrabbee said.\n'
        '"At this point we do not know. We will not know for some time. There is even a '
        'possibility we will never know," NTSB Chairman James Hall said.'
    ))
    assert [q.speaker for q in quotes] == ["Richard Larrabbee", "James Hall", "James Hall",
                                           "James Hall"]
    assert quotes[-1].text == "There is even a possibility we will never know"


def test_the_voices_most_reports_name_come_first_each_speaker_together() -> None:
    story = Story(tuple(split_article(Article(f"a{i}", text)) for i, text in enumerate((
        '"We were not told anything about the deal," said Maria Lopez, a store manager. '
        '"The coffee will stay the same for our customers," Howard Schultz said.',
        'Schultz spoke in Seattle. "Tea will drive more people into our stores," Schultz said. '
        '"It is the highest-quality tea in the nation," he said.',
        "Howard Schultz, the chairman, did not take questions after the meeting.",
    ))))
    speakers = [q.speaker for q in find_quotes(story)]
    assert speakers == ["Howard Schultz"] * 3 + ["Maria Lopez"]  # three to a turn


def test_offices_are_not_names_and_wire_copy_is_quoted_once() -> None:
    wire = ('"We raised our expectations too high," said Chief Executive Howard Schultz. '
            "Shares fell 31 percent in afternoon trading on Thursday.")
    story = Story(tuple(split_article(Article(f"a{i}", wire)) for i in range(2)))
    [quote] = find_quotes(story)
    assert (quote.speaker, quote.ref.article_id) == ("Howard Schultz", "a0")


def test_an_office_between_the_verb_and_the_name_is_not_the_speaker() -> None:
    """Xinhua: '"...," said EU education commissioner Viviane Reding.' named "EU"."""
    quotes = find_quotes(story_of(
        '"The accession of the central and eastern European countries gives rise to '
        'expectations as well as fears," said EU education commissioner Viviane Reding.\n'
        '"Turkey is a European country," said State Department spokesman Nicholas Burns.\n'
        '"I think we will be able to calm that concern," said NATO Secretary-General '
        "Javier Solana.\n"
        '"He will never come back to this country," said Bakiev in Osh.'
    ))
    assert [q.speaker for q in quotes] == [
        "Viviane Reding", "Nicholas Burns", "Javier Solana", "Bakiev"]


def test_one_quote_under_a_surname_and_a_full_name_is_listed_once() -> None:
    quote = '"We raised our expectations too high and we paid for it,"'
    story = Story((
        split_article(Article("ap", f"{quote} Schultz said on Thursday.")),
        split_article(Article("nyt", f"{quote} said Chief Executive Howard Schultz.")),
        split_article(Article("cnn", f"Shares fell 31 percent.\n{quote} a spokesman added.")),
    ))
    assert [(q.speaker, q.ref.article_id) for q in find_quotes(story)] == [
        ("Howard Schultz", "ap")]


def test_speakers_without_titles_offices_or_an_opening_verb() -> None:
    """AP copy: the title and office before a name are no part of the speaker ("Attorney
    General", "Secretary of State", "FBI Agent"), nor is an opening verb ("Added"), nor where
    the person comes from ("of the North Carolina Wildlife Commission"); an institution keeps
    its whole name ("the Bureau of Accident Investigations"). A quotation closed at the end of
    its sentence does not take the next quotation's speaker."""
    story = story_of(
        "``We will find him,'' said Attorney General Janet Reno. ``The search goes on in the "
        "mountains,'' said FBI Agent Robert Ressler.\n\n"
        "``We have covered every road twice now,'' added Woody Enderson, head of the task "
        "force.\n\n"
        "``I think it was worthwhile,'' said Lt. Mike Stevens of the North Carolina Wildlife "
        "Commission. Stevens said the scouts were paid. ``They were pretty much grasping for "
        "straws,'' Stevens said.\n\n"
        "``The talks will go on next week in Moscow,'' said Deputy Secretary of State Strobe "
        "Talbott. ``The tire burst first and cut a fuel tank,'' the Bureau of Accident "
        "Investigations said in a statement.",
    )
    speakers = {q.text.split()[1]: q.speaker for q in find_quotes(story)}
    assert speakers == {
        "will": "Janet Reno", "search": "Robert Ressler", "have": "Woody Enderson",
        "think": "Mike Stevens", "were": "Mike Stevens", "talks": "Strobe Talbott",
        "tire": "Bureau of Accident Investigations"}


def test_a_title_alone_is_no_speaker() -> None:
    """A sentence split after "Rear Adm." leaves only the title before the name: the quote is
    left without a speaker rather than given to "Adm"."""
    story = story_of("``We're not ready to give up on this yet,'' said Rear Adm.")
    assert [q.speaker for q in find_quotes(story)] == [None]


def test_a_sentence_opening_verb_is_no_part_of_the_speakers_name() -> None:
    assert _untitled("Added Woody Enderson") == "Woody Enderson"
    assert _untitled("Martin Luther King") == "Martin Luther King"


def test_a_pronoun_before_the_quotation_is_the_recent_speaker() -> None:
    """AP copy on the Rudolph manhunt: "But she said, ``...''" is the attorney general's; the
    quotation that ends its paragraph before it does not lend her words to the next speaker."""
    story = story_of(
        "Attorney General Janet Reno said the complaint was being filed.\n\n"
        "Reno said that Rudolph is on the run. But she said, ``We are going to keep searching "
        "until we find him.''\n\n"
        "``He is a dangerous man,'' said Louis Freeh, the FBI director.",
    )
    speakers = {q.text.split()[1]: q.speaker for q in find_quotes(story)}
    assert speakers == {"are": "Janet Reno", "is": "Louis Freeh"}


def test_a_place_before_said_is_not_the_speaker() -> None:
    """Earthquake copy: "a geophysicist ... in Golden, Colo., said" reports a person's words;
    the town is no speaker, the geophysicist named before his two commas' description is, and
    "he said" after it is his, not the earlier speaker's."""
    story = story_of(
        "``We have not lost hope to find people alive,'' said Numan Arslanyer, a rescuer.\n\n"
        "Bruce Presgrave, a geophysicist with the National Earthquake Information Center in "
        "Golden, Colo., said big quakes come in surges.\n\n"
        "``Almost every earthquake bigger than a 6-point magnitude is a multiple event,'' he "
        "said. ``It's almost impossible to break a chunk of rock that long in one instance.''",
    )
    speakers = {q.text.split()[1]: q.speaker for q in find_quotes(story)}
    assert speakers == {"have": "Numan Arslanyer", "every": "Bruce Presgrave",
                        "almost": "Bruce Presgrave"}


def test_hyphenated_titles_descriptions_and_possessive_marks_are_no_part_of_speakers() -> None:
    """Venezuela, Amnesty and car-safety copy: "President-elect", "London-based",
    "Assemblyman" and the mark of "Jones'" are no part of the speaker, so a surname meets its
    one full name ("Chavez" is Hugo Chavez)."""
    story = story_of(
        "``We will change the constitution,'' President-elect Hugo Chavez said on Monday. "
        "``The oil belongs to the people,'' Chavez said.\n\n"
        "``Torture is widespread in the prisons of the region,'' the London-based Amnesty "
        "International said.\n\n"
        "``Seat belts save lives,'' said Assemblyman Herb Conaway.",
    )
    assert [q.speaker for q in find_quotes(story)] == [
        "Hugo Chavez", "Hugo Chavez", "Amnesty International", "Herb Conaway"]
    assert _untitled("Jones'") == "Jones"


def test_only_a_quote_opening_its_sentence_runs_on_from_the_sentence_before() -> None:
    """A quote with narration of its own before it is someone else's ('Founder ... said in a
    short Webcast, "..."' is not the drummer's, quoted just before); a second quote in one
    sentence is the first one's speaker's ('"...," said Scott, "and ..."')."""
    speakers = speakers_by_word(
        '"We are thrilled with the ruling," said Lars Ulrich, the band\'s drummer. '
        'Founder Shawn Fanning, who started the service (his "nappy hair" gave it a name) in '
        'a dorm room, said in a short webcast, "We will keep fighting for your right to '
        'share music."\n\n'
        '"It is difficult to settle a case with blood in the water," said Thane Scott, "and '
        'this ruling does just that."'
    )
    assert speakers == {"are": "Lars Ulrich", "will": None, "is": "Thane Scott",
                        "this": "Thane Scott"}


def test_a_partial_quote_is_said_by_the_one_speaker_reporting_it() -> None:
    """Aviation and Napster copy: 'Morningstar said the Saratoga "is ..."', 'But, he said,
    innovations have "proved ..."'; two people speaking before the marks ('Rivera told
    reporters that Ortiz said ...') leave it unnamed."""
    speakers = speakers_by_word(
        "Flight instructor Warren Morningstar has trained pilots for 20 years. Morningstar said "
        'the Saratoga "is not the sort of plane you would want to learn to fly in."\n\n'
        '"We lose money on every song," said Hank Barry, the chief executive. But, he said, '
        'the cassette player and the VCR "proved to be a financial boon to copyright '
        'holders."\n\n'
        'Rivera told reporters that Ortiz said the deal "would never work in a town this '
        'small."'
    )
    assert speakers == {"not": "Warren Morningstar", "lose": "Hank Barry",
                        "to": "Hank Barry", "never": None}


def test_a_quotation_left_open_ends_with_its_paragraph() -> None:
    """A lost closing mark does not make the next paragraphs' narration a quote: a quotation
    runs on in a new paragraph only when that paragraph opens with a mark."""
    story = story_of(
        '"We have no evidence that this bomb is the work of one man," Mark Calloway said. '
        '"It is too early to draw any conclusions.\n\n'
        "The investigators have been unable to determine whether the metal strip was part of "
        "the device.\n\n"
        '"We will find who did this, and we will bring them to justice," he said.'
    )
    quotes = find_quotes(story)
    assert [q.text.split()[0] for q in quotes] == ["We", "It", "We"]
    assert {q.speaker for q in quotes} == {"Mark Calloway"}


def test_a_speaker_set_off_by_a_long_description_and_not_where_he_works() -> None:
    """Bombing copy: 'Richard Fox, an agent with the Bureau of Alcohol, Tobacco and Firearms,
    said' is Fox's, not the bureau's; in 'Jay Blotcher, who was a spokesman for Queer Nation,
    a street protest group, in the early 1990s, said' the group is no speaker, and "he said"
    after it is Blotcher's, the person the sentence opens on."""
    speakers = speakers_by_word(
        "Richard Fox, an agent with the Bureau of Alcohol, Tobacco and Firearms, said the bomb "
        'could have "devastated the entire end of the building."\n\n'
        '"We were told to stay calm and wait," said Anna Berg, a nurse. Jay Blotcher, who was '
        "a spokesman for Queer Nation, a street protest group, in the early 1990s, said the "
        'groups had run out of steam. "We were looking to younger people to pick up the '
        'mantle," he said.',
        word=2,
    )
    assert speakers == {"entire": "Richard Fox", "told": "Anna Berg", "looking": "Jay Blotcher"}


def test_speech_verbs_in_the_present_and_beyond_said() -> None:
    """Feature copy writes 'replies', 'predicts', 'concedes', 'testified': a quotation running
    on after '"...," replies Freya Fitzpatrick.' is hers, not the speaker before."""
    story = story_of(
        '"You never taught me how," Annika Lind says.\n\n'
        '"It is not that I never taught you, you forget," replies Freya Fitzpatrick. "We have '
        'talked about this many times before.\n\n'
        '"It is why we are here."\n\n'
        '"Congress over the long haul abhors surpluses of any size," predicts Henry Aaron of '
        "the Brookings Institution."
    )
    speakers = [q.speaker for q in find_quotes(story)]
    assert speakers.count("Freya Fitzpatrick") == 3
    assert speakers.count("Henry Aaron") == 1


def test_he_said_is_the_person_the_sentence_before_opened_on() -> None:
    """Coastal copy: a new person introduced between two speakers' quotes is the "he" of the
    next quote; a list of people opening the sentence before is no one ("Barak, Arafat and
    Clinton gathered ..."), so the pronoun stays with the recent speaker."""
    speakers = speakers_by_word(
        '"The beaches are eroding faster every year," said Anna Berg, a state geologist.\n\n'
        "Thomas Terich, a professor of geography at a state university, empathizes with the "
        'owners. "It is a difficult situation for everyone," he says.\n\n'
        '"Agreement could be reached at this summit," Yossi Beilin told reporters. Barak, '
        'Arafat and Clinton gathered at Camp David on Tuesday. "Without an agreement it will '
        'be bad for all of us," he said.',
        word=0,
    )
    assert speakers == {"The": "Anna Berg", "It": "Thomas Terich", "Agreement": "Yossi Beilin",
                        "Without": "Yossi Beilin"}


def test_she_said_is_never_a_man_the_article_called_he() -> None:
    """Hearing copy: after Barry's words ("he said") and a sentence quoting him again, "she
    said" is not his; with no other candidate it stays unnamed rather than wrong. An honorific
    tells too ("Ms. Beck")."""
    story = story_of(
        '"We lose money on every song," Hank Barry said. "Our sales are falling fast," he '
        'said. Barry sharply countered, "Sales are up, Senator," but Feinstein was '
        'undeterred. "You could do the same thing with a book," she said.\n\n'
        "Ms. Beck disputes the study's reading of the tests. "
        '"It bothers me that parents are portrayed as desperate people," she said.'
    )
    speakers = {q.text: q.speaker for q in find_quotes(story)}
    assert speakers == {"We lose money on every song": "Hank Barry",
                        "Our sales are falling fast": "Hank Barry",
                        "Sales are up, Senator": "Hank Barry",
                        "You could do the same thing with a book": None,
                        "It bothers me that parents are portrayed as desperate people": "Beck"}


def test_a_common_noun_opening_a_sentence_is_no_part_of_the_speakers_name() -> None:
    """Balloon copy: 'Balloonists Bertrand Piccard and Brian Jones ...' opens a sentence, so the
    run before "said" holds the noun; the story writes it in lower case and the name alone, so
    the speaker is Bertrand Piccard. "Bill", written mid-sentence in "President Bill Clinton",
    is a given name and stays ("Bill Dal Col")."""
    speakers = speakers_by_word(
        "Balloonists Bertrand Piccard, a Swiss psychiatrist, said: \"We are over the moon "
        'about this flight." The balloonists landed in Egypt. "The winds were kind to us all '
        'the way," said Bertrand Piccard.\n\n'
        "President Bill Clinton spoke first. "
        'Bill Dal Col said: "The campaign will go on to every state in the union."'
    )
    assert speakers == {"are": "Bertrand Piccard", "winds": "Bertrand Piccard",
                        "campaign": "Bill Dal Col"}


def test_speakers_named_with_a_description_the_verb_first_or_according_to() -> None:
    """Shapes of attribution beyond "said Name": a description between name and verb after the
    quote, the verb first at a sentence's opening, "according to", "the" before a title or a
    whole name ("the Rev.", "the Times"), a description set off before the name."""
    speakers = speakers_by_word(
        '"We can learn a great deal from that," Madelyn Freundlich, an expert on adoption, '
        'said Saturday.\n\n'
        'Says McCarty: "They want us to do a humane kill."\n\n'
        '"The disaster was developing for two minutes," according to Ilya Klebanov.\n\n'
        '"The church has not been good at this," said the Rev. Christopher Carlisle, a priest.'
        '\n\n"The Internet will not replace the bookstore," says the Times.\n\n'
        '"The water authority simply will not run the pipes," said the Southampton town '
        'supervisor, Vincent Cannuscio.\n\n'
        '"She ate at a burger place every single night," said her mother, Amancia Reyes.',
        word=2,
    )
    assert speakers == {"learn": "Madelyn Freundlich", "us": "McCarty",
                        "was": "Ilya Klebanov", "has": "Christopher Carlisle",
                        "will": "Times", "authority": "Vincent Cannuscio",
                        "at": "Amancia Reyes"}


def test_she_said_after_reported_speech_with_the_verb_first() -> None:
    """Recruiting copy: "..., said Cindy Stanphill, the staffing manager there." makes her the
    "she" of the next quote, not the speaker quoted before."""
    speakers = speakers_by_word(
        '"It is a chance to step outside the box," said Charles Randle, a director. Idaho\'s '
        "image began to worry the staff years ago, said Cindy Stanphill, the staffing manager "
        'there. "When we recruit, people know about Idaho potatoes," she said.',
    )
    assert speakers == {"is": "Charles Randle", "we": "Cindy Stanphill"}


def test_a_quote_after_reported_speech_and_a_speaker_after_the_words() -> None:
    """A quote opening its sentence after 'Brown says she tries to ...' is Brown's; '"..." of
    such a suspect, McCraw said' is McCraw's, read in the words that follow the quote; a
    speaker after the quote not read as a name ('according to a source') leaves it unnamed
    rather than the last speaker's."""
    speakers = speakers_by_word(
        "Liz Brown says she tries never to let a kind thought go unspoken. \"If I hear "
        'someone say something nice, I always pass it along."\n\n'
        'Task force chief Steve McCraw spoke on Monday. "I do not know how you put a price '
        'tag on the investigation" of such a suspect, McCraw said.\n\n'
        'The Times said investigators were not ready to call it a crime. "Whether or not a '
        'bomb brought down that plane we do not know," according to a source close to the '
        "investigation.",
    )
    assert speakers == {"I": "Liz Brown", "do": "Steve McCraw", "or": None}


def test_a_participle_reports_the_words_of_the_sentences_subject() -> None:
    """'Locke agreed, calling salmon "..."' is Locke's; 'White House counsel Charles Ruff
    refused to say ..., saying "..."' is not the White House's ("counsel" is no verb)."""
    speakers = speakers_by_word(
        "Governor Gary Locke met the minister in Seattle on Friday.\n\n"
        'Locke agreed, calling salmon "the very definition of the Pacific Northwest."\n\n'
        "White House counsel Charles Ruff refused to say more, saying instead that "
        '"the president engaged in an exercise of caution."',
    )
    assert speakers["very"] == "Gary Locke"
    assert speakers["president"] in (None, "Charles Ruff")


def test_speakers_more_reports_name_come_first_counting_whole_names() -> None:
    # "Rose" is not named by "Rosemary Richmond"; "Miller" is named in all three reports.
    story = story_of(
        '"We will rebuild the levee by spring," said Gordon Rose, the county engineer. '
        '"The money is there," said Ann Miller, the mayor.',
        "Mayor Ann Miller toured the flooded streets with Rosemary Richmond of the Red Cross.",
        "Miller asked the state for help, according to Rosemary Richmond.")
    assert [q.speaker for q in find_quotes(story)] == ["Ann Miller", "Gordon Rose"]
