"""Sentence kinds: web debris is set aside with a reason, statements are never hidden."""

from __future__ import annotations

import pytest

from compare.articles.clean import classify_sentences, is_compared
from compare.articles.segment import split_sentences

# (id, text, [(sentence, kind, reason)]) - each text is segmented first, as in real use.
KIND_CASES = [
    ("site-name", "The free beacon\n\nAzerbaijan has sent troops into the region.",
     [("The free beacon", "heading", "short line without final punctuation"),
      ("Azerbaijan has sent troops into the region.", "statement", None)]),
    ("headline", "Azerbaijan Launches Military Offensive in Nagorno-Karabakh, Raising Threat of New War\n\nText.",
     [("Azerbaijan Launches Military Offensive in Nagorno-Karabakh, Raising Threat of New War", "heading",
       "line without final punctuation: a headline, compared"), ("Text.", "boilerplate", "fragment")]),
    ("quoted-section-heading", "“Close a Chapter”", [("“Close a Chapter”", "heading",
                                                       "short line without final punctuation")]),
    ("markdown-heading", "## Appeal for help.", [("## Appeal for help.", "heading", "Markdown heading")]),
    ("credit-line", "(Reporting by Reuters; writing by Andrew Osborn; editing by Mark Heinrich)",
     [("(Reporting by Reuters; writing by Andrew Osborn; editing by Mark Heinrich)", "byline", "credit line")]),
    ("byline", "By Andrew Osborn, Reuters", [("By Andrew Osborn, Reuters", "byline", "byline")]),
    ("by-contrast-is-prose", "By contrast, the army said it would withdraw.",
     [("By contrast, the army said it would withdraw.", "statement", None)]),
    ("by-a-date-is-prose", "By Monday, the army had left the city.",
     [("By Monday, the army had left the city.", "statement", None)]),
    ("date-line", "First Published: June 13, 2013 4:59 PM EDT",
     [("First Published: June 13, 2013 4:59 PM EDT", "byline", "date line")]),
    ("published-reports-is-prose", "Published reports say the army withdrew.",
     [("Published reports say the army withdrew.", "statement", None)]),
    ("photo-credit", "Photo: Reuters/Stringer", [("Photo: Reuters/Stringer", "byline", "photo credit")]),
    ("stray-question", "What steps has the international community taken to address the conflict",
     [("What steps has the international community taken to address the conflict", "boilerplate",
       "question, not a statement")]),
    ("question-paragraph", "Will the ceasefire hold?", [("Will the ceasefire hold?", "boilerplate",
                                                         "question, not a statement")]),
    ("reported-question", "Schieffer began the interview by asking, \"What in the world were you thinking?\"",
     [("Schieffer began the interview by asking, \"What in the world were you thinking?\"", "statement", None)]),
    ("question-inside-prose", "Will the ceasefire hold? Nobody knows. Talks resume on Monday.",
     [("Will the ceasefire hold?", "statement", None), ("Nobody knows.", "statement", None),
      ("Talks resume on Monday.", "statement", None)]),
    ("read-more", "Read More From Original Article Here: Azerbaijan Attacks Armenian Forces",
     [("Read More From Original Article Here: Azerbaijan Attacks Armenian Forces", "boilerplate",
       "navigation link")]),
    ("related", "Related Articles", [("Related Articles", "boilerplate", "navigation link")]),
    ("back-to-top", "Back to top button", [("Back to top button", "boilerplate", "navigation link")]),
    ("comments-as-prose", "Comments by the minister angered the opposition.",
     [("Comments by the minister angered the opposition.", "statement", None)]),
    ("adblock", "Adblock Detected\n\nPlease consider supporting us by disabling your ad blocker",
     [("Adblock Detected", "boilerplate", "ad-blocker notice"),
      ("Please consider supporting us by disabling your ad blocker", "boilerplate", "ad-blocker notice")]),
    ("cookie-banner", "buttons=(Accept !) days=(20)\n\nOur website uses cookies to enhance your experience. "
     "Learn More\nAccept !",
     [("buttons=(Accept !) days=(20)", "boilerplate", "cookie banner"),
      ("Our website uses cookies to enhance your experience.", "boilerplate", "cookie banner"),
      ("Learn More", "boilerplate", "call to action"), ("Accept !", "boilerplate", "call to action")]),
    ("cookies-in-the-news", "The bakery sold 3,000 cookies on Sunday, its owner said.",
     [("The bakery sold 3,000 cookies on Sunday, its owner said.", "statement", None)]),
    ("disclaimer", "\" Conservative News Daily does not always share or support the views and opinions "
     "expressed here; they are just those of the writer.\"",
     [("\" Conservative News Daily does not always share or support the views and opinions expressed here; "
       "they are just those of the writer.\"", "boilerplate", "disclaimer")]),
    ("share-buttons", "Share on Facebook", [("Share on Facebook", "boilerplate", "sharing buttons")]),
    ("share-line-with-separators", "Share: Facebook | Twitter | Email",
     [("Share: Facebook | Twitter | Email", "boilerplate", "sharing buttons")]),
    ("share-is-a-verb-in-prose", "Share prices fell as Twitter and Facebook reported losses.",
     [("Share prices fell as Twitter and Facebook reported losses.", "statement", None)]),
    ("shares-in-the-news", "Shares fell 3% on Monday.", [("Shares fell 3% on Monday.", "statement", None)]),
    ("newsletter", "Sign up for our daily newsletter to get the latest updates.",
     [("Sign up for our daily newsletter to get the latest updates.", "boilerplate", "subscription prompt")]),
    ("copyright", "© 2024 Example News. All rights reserved.",
     [("© 2024 Example News.", "boilerplate", "copyright notice"),
      ("All rights reserved.", "boilerplate", "copyright notice")]),
    ("cut-fragment", "Re.” They argue that their actions are lawful.",
     [("Re.”", "boilerplate", "fragment"), ("They argue that their actions are lawful.", "statement", None)]),
    ("punctuation-only", "***", [("***", "boilerplate", "no words")]),
    ("short-statement", "Enough is enough.", [("Enough is enough.", "statement", None)]),
]


# (text of a one-line paragraph, compared?): statements and headlines are compared, labels are not.
COMPARED_CASES = [
    ("Azerbaijan has sent troops into the region.", True),
    ("Governor Appoints Ex-Aide to Fill Kerry's Seat", True),
    ("## Obama urges new restrictions on assault weapons", True),
    ("The free beacon", False),
    ("## Appeal for help.", False),
    ("Breaking News", False),
    ("Will the ceasefire hold?", False),
]


@pytest.mark.parametrize(("text", "compared"), COMPARED_CASES, ids=[c[0][:24] for c in COMPARED_CASES])
def test_statements_and_headlines_are_compared(text: str, compared: bool) -> None:
    ((kind, reason),) = classify_sentences(text, split_sentences(text))
    assert is_compared(kind, reason) is compared


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in KIND_CASES], ids=[c[0] for c in KIND_CASES])
def test_kinds(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    spans = split_sentences(text)
    kinds = classify_sentences(text, spans)
    assert [(text[s.start : s.end], kind, reason) for s, (kind, reason) in zip(spans, kinds, strict=True)] == expected
