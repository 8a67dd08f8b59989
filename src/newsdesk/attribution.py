"""Who "he" or "she" is in a sentence shown out of its article: ``He [Tomas Grell] said …``.

A timeline or briefing sentence is read without the sentences before it, so
a pronoun speaker names nobody. The facts stage has already resolved the
speakers of the article's quotes; where the sentence holds a quote whose
speaker was written as a pronoun and resolved to a name, the name is added in
brackets after the pronoun. The words themselves are untouched, so citations
are still checked on the sentence as stored.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .facts.records import Quote

PRONOUNS = frozenset({"he", "she"})


def name_pronoun_speakers(text: str, citations: Iterable[str], quotes: Mapping[str, list[Quote]],
                          texts: Mapping[str, str]) -> str:
    """``text`` with ``[Name]`` after each pronoun that one of its cited articles' quotes resolved.

    ``quotes`` and ``texts``: by article id, the quotes found in it and its text. The first cited
    article that prints the sentence word for word decides; without one, ``text`` comes back as it is.
    """
    for aid in citations:
        body = texts.get(aid)
        at = body.find(text) if body else -1
        if at < 0:
            continue
        ends = sorted({q.speaker_end - at: q.speaker for q in quotes.get(aid, ())
                       if q.speaker and q.speaker_mention and q.speaker_mention.lower() in PRONOUNS
                       and q.speaker_start is not None and q.speaker_end is not None
                       and at <= q.speaker_start and q.speaker_end <= at + len(text)}.items(), reverse=True)
        for end, name in ends:  # from the back, so earlier offsets stay right
            text = f"{text[:end]} [{name}]{text[end:]}"
        return text
    return text
