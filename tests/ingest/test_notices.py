"""Page notices are cut from the start of a paragraph; the story after them is kept."""

import pytest

from newsweave.ingest.clean import clean_text, clean_title
from newsweave.ingest.notices import strip_page_notices

BBC_ONE_LINE = (
    "Media playback is unsupported on your device media caption the bbc's hugh schofield "
    "reports from a kiosk in paris millions more copies of french weekly charlie hebdo are "
    "being printed after the first run sold out in hours. The normal print run of 60,000 was "
    "expanded to three million copies, and the magazine will be on sale for eight weeks."
)
TWITTER = (
    "Tweet with a location you can add location information to your tweets, such as your city "
    "or precise location, from the web and via third-party applications. You always have the "
    "option to delete your tweet location history. Learn more"
)
CRAWL = (
    "Starting in 1996, alexa internet has been donating their crawl data to the internet "
    "archive. Flowing in every day, these data are added to the wayback machine after an "
    "embargo period."
)


def test_a_page_scraped_into_one_line_keeps_its_story_after_the_player_notice() -> None:
    text = clean_text(BBC_ONE_LINE).text
    assert text.startswith("media caption the bbc's hugh schofield")
    assert text.endswith("on sale for eight weeks.")


def test_a_page_that_is_only_notices_has_no_text_left() -> None:
    assert clean_text(f"{TWITTER}\n\n{CRAWL}").text == ""
    assert strip_page_notices(f"{TWITTER} {CRAWL}") == ""


def test_notices_are_cut_one_after_another_and_only_at_the_start() -> None:
    story = "Five men were convicted on Tuesday in Moscow of the 2006 murder of a journalist."
    signup = ("Breaking news emails get breaking news alerts and special reports. The news and "
              "stories that matter, delivered weekday mornings.")
    assert strip_page_notices(f"{signup} {TWITTER} {story}") == story
    # The same words inside a story are the story's.
    quoted = f'The BBC said "media playback is unsupported on your device" was shown. {story}'
    assert strip_page_notices(quoted) == quoted


def test_a_long_paragraph_opening_like_boilerplate_is_kept() -> None:
    long_line = ("Copyright concerns were raised on Monday by the authors' guild, which said "
                 "that the new contract would let the publisher reuse every article its writers "
                 "had sold to it over the past twenty years without paying them again, and that "
                 "it would take the case to court if the company did not withdraw it.")
    assert clean_text(long_line).text == long_line
    assert clean_text("Copyright 2010 The Associated Press. All rights reserved.").text == ""


def test_wire_typesetting_codes_are_not_text() -> None:
    cleaned = clean_text("&HT;     KOZMO, STARBUCKS LINK UP\n\n&QR; EYE-OPENER: When the director "
                         "asked him to work on a script, the screenwriter jumped at the chance.")
    assert "&" not in cleaned.text and cleaned.text.startswith("EYE-OPENER: When")


def test_a_given_title_is_one_clean_line() -> None:
    assert clean_title("&HT;     KOZMO,  STARBUCKS LINK UP\n IN MARKETING DEAL") == \
        "KOZMO, STARBUCKS LINK UP IN MARKETING DEAL"
    assert clean_title("Tom &amp; Jerry") == "Tom & Jerry"
    assert clean_title(" &QL; ") is None



@pytest.mark.parametrize("notice", [
    "Media playback is unsupported on your device",
    "Please enable Javascript to watch this video",
    "The interactive transcript could not be loaded. Rating is available when the video has been "
    "rented. This feature is not available right now. Please try again later.",
    "Watch Queue Queue Watch Queue Queue Remove all Disconnect",
    "Play Facebook Twitter Google Plus Embed",
    "Image copyright Getty Images Image caption",
    "Get daily updates directly to your inbox + Subscribe Thank you for subscribing! Could not "
    "subscribe, try again later Invalid Email",
    "Just one more thing... We have sent you a verification email. Please check your email and "
    "click on the link to activate your profile. Close",
    "Notice you must log in to continue.",
    "We've detected that JavaScript is disabled in your browser. Would you like to proceed to "
    "legacy Twitter? Yes",
    "Sorry, this zipcode is not in our deliverable area for this subscription service. Re-enter "
    "zip code or sign up for digital access. Get digital access",
    "Dow Jones Reprints: This copy is for your personal, non-commercial use only. To order "
    "copies, visit www.djreprints.com",
    "Photo Advertisement Continue reading the main story",
    "Add a location to your Tweets When you tweet with a location, Twitter stores that location. "
    "Learn more",
    "Add this Tweet to your website by copying the code below. Learn more",
    "This will appear next to all of your comments This will NOT appear anywhere on Newser",
    "Focused crawls are collections of frequently-updated webcrawl data from narrow web crawls, "
    "often focused on a single domain or subdomain.",
    "The seed for this crawl was a list of every host in the Wayback Machine. The WARC files "
    "associated with this crawl are not currently available to the general public.",
])
def test_each_kind_of_notice_is_cut(notice: str) -> None:
    story = "Firefighters contained the blaze on Sunday after three days, officials said."
    assert strip_page_notices(f"{notice} {story}") == story
