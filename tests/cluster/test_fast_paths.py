"""The faster code paths of ingest compute what the plain ones did.

Ingest was made faster by shortcuts (an ASCII path in the tokenizer, string tests instead of
regex scans in cleaning, signatures in bulk, an incrementally kept candidate index); each test
here pins one shortcut to the result of the straightforward computation, on real reports.
"""

from __future__ import annotations

import heapq
import random
import re
from collections import Counter
from datetime import date
from operator import itemgetter
from pathlib import Path

import numpy as np
import pytest
from datasketch import MinHash  # type: ignore[import-untyped]

from newsweave.cluster.bench import run_ingest, write_stream
from newsweave.cluster.features import (
    _NAME,
    MINHASH_SCHEME,
    MINHASH_SEED,
    NUM_PERM,
    SIGNATURE_BLOCK,
    content_tokens,
    featurize,
    shingle_hashes,
    signature,
    signatures,
)
from newsweave.cluster.online import (
    CENTROID_SLACK,
    CENTROID_TERMS,
    MAX_CANDIDATES,
    OnlineClusterer,
    _heaviest,
    _most_shared,
)
from newsweave.ingest.clean import (
    _AGO,
    _AGO_ENDINGS,
    _DATE_LINE_HINT,
    _DATE_LINE_WORD,
    _DATELINE,
    _OWN_CORRESPONDENT,
    _SPACES,
    _collapse_spaces,
    _dateline,
    _detect_date,
    _has_date_word,
    _has_house_mark,
    _may_name_own_correspondent,
    is_junk,
    parse_full_date,
)
from newsweave.models import Story
from newsweave.text import tokenize
from newsweave.text.tokens import _ASCII_POSSESSIVE, fold_spelling

# The token pattern and possessive rule that tokenize documents, applied token by token.
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*")
_POSSESSIVE = re.compile(r"['’]s$")
# The spelling folds of tokens, applied as they are to every token.
_PLAIN_FOLDS = ((re.compile(r"['’]"), ""), (re.compile(r"(?<=[a-z])[iy]+e(v|va|vs)$"), r"e\1"),
                (re.compile(r"(?<=[a-z]{3})(?:iy|y)$"), "i"))
# The name pattern as first written: a word boundary and look-ahead, then the look-behinds.
_PLAIN_NAME = re.compile(r"\b(?=[A-Z])(?<![.!?\"“]\s)(?<!^)[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?\b",
                         re.MULTILINE)


def _plain_tokens(text: str) -> list[str]:
    return [_POSSESSIVE.sub("", token.lower()) for token in _TOKEN.findall(text)]


@pytest.mark.parametrize("text", [
    "Bakiyev's men fled; IT'S over, said O'Shea's aide in 1990's Osh.",
    "İstanbul’s mayor met Kurmanbek Bakiyev’s envoy on 7 April 2010 at 3.30pm.",
    "Rock'n'roll's roots, the 1,000.5 figure and x's y_z",
    "It's's x's'y 1990's a's 'sam's' THE BBC'S ''s s's's",
])
def test_tokenize_matches_the_plain_rule(text: str) -> None:
    assert tokenize(text) == _plain_tokens(text)


def test_tokenize_matches_the_plain_rule_on_reports(example_story: Story) -> None:
    for article in example_story.articles:
        assert tokenize(article.text) == _plain_tokens(article.text)


def test_possessive_pattern_cuts_what_the_look_behind_first_one_did() -> None:
    plain = re.compile(r"(?<=[a-z])'s(?![a-z]|'[a-z])")
    rng = random.Random(7)
    for _ in range(20_000):
        text = "".join(rng.choice("as's' .z'") for _ in range(rng.randint(0, 12)))
        assert _ASCII_POSSESSIVE.sub("", text) == plain.sub("", text)


@pytest.mark.parametrize("text", [
    "Kurmanbek Bakiyev fled. Roza Otunbayeva's men met O'Shea and Jean-Claude in Osh!",
    "Bishkek\nOsh said “ Ivan saw Zhanybek”? No: ivanBakiev, _Ak and 3Kyrgyz, Mr. Blake",
    "İstanbul’s Édouard met Ana-María in Ñuñoa; Talas.\n\nJalal-Abad",
])
def test_name_pattern_matches_the_plain_one(text: str) -> None:
    assert _NAME.findall(text) == _PLAIN_NAME.findall(text)


def test_name_pattern_matches_the_plain_one_on_reports(example_story: Story) -> None:
    for article in example_story.articles:
        assert _NAME.findall(article.text) == _PLAIN_NAME.findall(article.text)


@pytest.mark.parametrize(("line", "junk"), [
    ("Protesters stormed the building", True),
    ("Protesters stormed the building.", False),
    ('He said: "We will stay."', False),
    ("Is the president gone?)", False),
    ("The crowd chanted “Go”", False),
    ("Protesters stormed the building.\n", False),
    ("Protesters stormed the building.x", True),
])
def test_sentence_end_decides_short_lines(line: str, junk: bool) -> None:
    assert is_junk(line) is junk


@pytest.mark.parametrize("line", [
    "Protesters stormed the building in Bishkek.",
    "Protesters  stormed\tthe building.",
    "Protesters\u00a0stormed \u2007 the\u202fbuilding\t\t.",
    "  İstanbul’s mayor  spoke ",
])
def test_collapse_spaces_matches_the_regex(line: str) -> None:
    assert _collapse_spaces(line) == _SPACES.sub(" ", line)


def test_collapse_spaces_matches_the_regex_on_fuzzed_lines() -> None:
    rng = random.Random(11)
    alphabet = "ab .\t\u00a0\u2007\u202f’é"
    for _ in range(20_000):
        line = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
        assert _collapse_spaces(line) == _SPACES.sub(" ", line)


def test_date_word_test_matches_the_case_blind_regex_on_fuzzed_lines() -> None:
    """Words spelt with every letter that the case-blind pattern or lower-casing treats
    specially (long s, dotless and dotted i, Kelvin sign), in ASCII and other text."""
    rng = random.Random(12)
    pieces = ["updated", "PUBLISHED", "Posted", "publiſhed", "poſted", "publıshed", "publİshed",
              "upd", "ated", "pub", "lished", "é", "’", " ", "İ", "\u212a", "ſ", "ı", "x"]
    for _ in range(20_000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        assert _has_date_word(line) is (_DATE_LINE_WORD.search(line) is not None), line


@pytest.mark.parametrize("line", [
    "The BBC is not responsible for the content of external internet sites",
    "Page last updated at 17:05 GMT, Thursday, 15 April 2010",
    "It was on the page last updated at noon.",
    "THE BBC IS NOT RESPONSIBLE for what follows",
    "The ſtory: the bbc is not reſponsible",
    "Bakiyev’s men fled to Jalal-Abad.",
])
def test_house_mark_matches_the_case_blind_regex(line: str) -> None:
    plain = re.search(r"the bbc is not responsible|^page last updated at", line, re.IGNORECASE)
    assert _has_house_mark(line, "BBC") is (plain is not None)


@pytest.mark.parametrize(("line", "named"), [
    ("Speaking to the BBC's Rayhan Demytrie in Osh, he said calm had returned.", True),
    ("Al Jazeera’s correspondent Robin Forestier-Walker reported from Bishkek.", True),
    ("RFE/RL correspondent Bruce Pannier, who is in Osh, says calm has returned.", True),
    ("The Associated Press's Peter Leonard saw troops.", True),
    ("Kyrgyzstan's deposed president Kurmanbek Bakiev is once again on the move.", False),
    ("Russia's ITAR-TASS state news agency said so; it's over.", False),
])
def test_own_correspondent_precheck_keeps_every_match(line: str, named: bool) -> None:
    assert (_OWN_CORRESPONDENT.search(line) is not None) is named
    assert _may_name_own_correspondent(line) is named


@pytest.mark.parametrize("line", [
    "Kyrgyz opposition takes power - 3 hrs ago",
    "Kyrgyz opposition takes power — 10 mins ago\n",
    "Bakiyev flees – 2 days ago.",
    "Two days ago - 2 days ago, he said",
    "Protesters stormed the building a day ago",
])
def test_ago_ending_precheck_keeps_every_match(line: str) -> None:
    found = _AGO.search(line) is not None
    assert (line.endswith(_AGO_ENDINGS) and found) is found


@pytest.mark.parametrize("line", [
    "BISHKEK (Reuters) - Protesters stormed the government building.",
    "OSH, Kyrgyzstan (AP) — Troops fired on the crowd.",
    "Bishkek, April 7 -- Protesters stormed the building.",
    "Almaty\u200b (RFE/RL) : Bakiyev flew in.",
])
def test_dateline_precheck_keeps_every_match(line: str) -> None:
    found, plain = _dateline(line), _DATELINE.match(line)
    assert (found and found.span()) == (plain and plain.span())


def _plain_fold(token: str) -> str:
    """The spelling folds as first written: three regex substitutions on every token."""
    for pattern, replacement in _PLAIN_FOLDS:
        token = pattern.sub(replacement, token)
    return token


@pytest.mark.parametrize("token", [
    "bakiyev", "bakiev", "nazarbayeva", "kaliyevs", "dmitriy", "dmitry", "jalal'abad",
    "o’shea", "iyev", "ev", "kyiv", "y", "say", "otunbayeva", "ayy'y", "levy", "'", "osh",
])
def test_spelling_folds_match_the_plain_rule(token: str) -> None:
    assert fold_spelling(token) == _plain_fold(token)


def test_spelling_folds_match_the_plain_rule_on_reports(example_story: Story) -> None:
    for article in example_story.articles:
        for token in tokenize(article.text):
            assert fold_spelling(token) == _plain_fold(token)


def _plain_detect_date(lines: list[str]) -> date | None:
    """The date rule tested line by line, as first written."""
    for position, line in enumerate(lines):
        near_top = position < 6 and len(line.split()) <= 12
        if (near_top or _DATE_LINE_WORD.search(line)) and _DATE_LINE_HINT.search(line):
            found = parse_full_date(line)
            if found:
                return found
    return None


@pytest.mark.parametrize("lines", [
    ["Protesters stormed the government building in Bishkek on Wednesday afternoon, "
     "witnesses said."] * 8 + ["Page last UPDATED at 17:05 GMT, Thursday, 15 April 2010"],
    ["Protesters stormed the building in Bishkek on Wednesday afternoon, witnesses said."] * 8
    + ["Thursday, 15 April 2010"],
    ["Kyrgyzstan", "Thursday, 15 April 2010", "Protesters stormed the building."],
    ["The ſtory was poſted 15 April 2010 by the desk, whose editors checked it twice."] * 7
    + ["Posted: 16 April 2010"],
])
def test_date_detection_matches_the_line_by_line_rule(lines: list[str]) -> None:
    assert _detect_date(lines) == _plain_detect_date(lines)


def test_date_detection_matches_the_line_by_line_rule_on_reports(example_story: Story
                                                                  ) -> None:
    for article in example_story.articles:
        lines = article.text.split("\n")
        assert _detect_date(lines) == _plain_detect_date(lines)


def _datasketch_signature(tokens: list[str]) -> np.ndarray:
    minhash = MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED, scheme=MINHASH_SCHEME,
                      hashfunc=int)
    minhash.update_batch(shingle_hashes(tokens))
    values: np.ndarray = minhash.hashvalues
    return values


def test_bulk_signatures_are_datasketch_minhashes_of_the_shingles(example_story: Story
                                                                   ) -> None:
    token_lists = [content_tokens(a) for a in example_story.articles]
    token_lists += [[], ["osh"], ["osh", "bishkek"], ["osh", "bishkek", "talas"]]
    for tokens, row in zip(token_lists, signatures(token_lists), strict=True):
        assert (row == _datasketch_signature(tokens)).all()


def test_signature_does_not_depend_on_its_batch(example_story: Story) -> None:
    token_lists = [content_tokens(a) for a in example_story.articles]
    alone = [signature(tokens) for tokens in token_lists]
    together = signatures(token_lists * (SIGNATURE_BLOCK // len(token_lists) + 1))
    assert all((together[i] == alone[i % len(alone)]).all() for i in range(len(together)))


def test_shingle_hashes_of_a_short_article_are_not_those_of_a_long_one() -> None:
    assert shingle_hashes(["osh"]) != shingle_hashes(["osh", "bishkek", "talas"])[:1]
    assert len(shingle_hashes(["osh", "bishkek", "talas", "naryn"])) == 2


def test_index_holds_exactly_the_open_centroid_terms(example_story: Story) -> None:
    clusterer = OnlineClusterer()
    features = [featurize(a) for a in example_story.articles]
    for seq in range(40):  # one story fed past its centroid's cut-back
        clusterer.add(features[seq % len(features)], seq, "s0")
    clusterer.add(features[0], 41)
    story = clusterer.open_["s0"]
    assert CENTROID_TERMS <= len(story.centroid) <= CENTROID_TERMS + CENTROID_SLACK
    indexed = {(term, sid) for term, postings in clusterer.index_.items() for sid in postings}
    held = {(term, sid) for sid, s in clusterer.open_.items() for term in s.centroid}
    assert indexed == held


def test_heaviest_terms_are_those_nlargest_picks_ties_included(example_story: Story) -> None:
    vector = OnlineClusterer().vector(featurize(example_story.articles[0]))
    weights = {**vector, "tie-a": 0.125, "tie-b": 0.125, "tie-c": 0.125}
    for count in (1, 3, 10, len(weights)):
        expected = heapq.nlargest(count, weights.items(), key=itemgetter(1))
        assert list(_heaviest(weights, count).items()) == expected


def test_candidates_are_those_nlargest_picks_from_count_and_id() -> None:
    """Shared-term counts as an article meets them: a few stories share many query terms,
    most share one or two, ties at the cut-off are common (ids as ingest names stories)."""
    rng = random.Random(13)
    for _ in range(3_000):
        size = rng.choice([0, 1, 5, MAX_CANDIDATES, MAX_CANDIDATES + 1, 40, 120, 400])
        hits = Counter({f"s{rng.randrange(20_000)}": min(1 + int(rng.expovariate(0.8)), 15)
                        for _ in range(size)})
        expected = heapq.nlargest(MAX_CANDIDATES, zip(hits.values(), hits.keys(), strict=True))
        assert _most_shared(hits) == [story for _, story in expected]


def test_bench_counts_cpu_seconds(example_story: Story, tmp_path: Path) -> None:
    records = [({"id": a.id, "text": a.text}, "kyrgyzstan") for a in example_story.articles]
    write_stream(records, tmp_path / "stream.jsonl")
    run = run_ingest(tmp_path / "stream.jsonl", tmp_path / "store.db")
    assert run.articles == len(records)
    assert run.cpu_seconds > 0 and run.cpu_rate == run.articles / run.cpu_seconds

