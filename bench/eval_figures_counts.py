"""FA-KES counts from extracted figures: one count per category (civilians, children,
women, non-civilians killed) per article, derived from ``find_figures`` output.

- a killed figure belongs to *children* when its subject names children
  (children, boys, girls, kids, babies, infants, minors), to *women* when it
  names women, to *non-civilians* when it names combatants (soldiers, troops,
  fighters, rebels, militants, terrorists, gunmen, members, police, ...), and
  to *civilians* otherwise (civilians, people, residents, victims); a figure
  with no subject ("kills 15" in a headline) counts the same group as a figure
  of the same value with one ("15 terrorists"); children and women are
  civilians too, so a child/woman figure that is not a part of a larger one
  also counts as a civilian figure when no civilian figure precedes it;
- the count of a category is the value of its *first* killed figure in the
  text (the headline and lead carry the main event), 0 when there is none;
  vague figures ("dozens"), war-long tolls and superseded tolls ("updating a
  previous toll of 112") are skipped; a range counts by its high end;
- a generic toll ("20 people") is narrowed to its civilians when the text breaks
  it down: a civilian part of it or of a figure of the same value ("20 people
  including 13 civilians"), the toll minus its combatant parts ("15 people
  including five policemen": 10), or a nearby breakdown sentence ("killed 15
  civilians and 27 pro-government fighters");
- coordinated counts with no whole add up ("a woman and nine children": women 1,
  children 9, civilians 10; "crucifying two people and executing 23 others": 25).
"""

from __future__ import annotations

import re

from newsdesk.facts.records import Figure

CATEGORIES = ("civilians", "children", "women", "noncivilians")
_CHILDREN = re.compile(r"\b(?:child|children|kids?|boys?|girls?|bab(?:y|ies)|infants?|minors?|toddlers?|"
                       r"schoolchildren|students|pupils)\b", re.I)
_WOMEN = re.compile(r"\b(?:women|woman|mothers?|wives)\b", re.I)
_COMBATANTS = re.compile(
    r"\b(?:soldiers?|troops?|fighters?|rebels?|militants?|terrorists?|jihadists?|insurgents?|gunmen|gunman|"
    r"members?|personnel|militiam[ae]n|militias?|combatants?|mercenar(?:y|ies)|extremists?|commanders?|comrades?|"
    r"officers?|police(?:men)?|guards?|recruits?|army|forces?|troopers?|snipers?|bombers?|Daesh|ISIS|ISIL|"
    r"Nusra|Hezbollah|jihadis|opposition|servicem[ae]n|pilots?|marines?|attackers?|elements|takfiri\w*)\b", re.I)


GENERIC_SUBJECTS = {""}


def category(figure: Figure) -> str:
    """Which FA-KES category a killed figure counts for, from its subject alone."""
    subject = figure.subject or ""
    if _CHILDREN.search(subject):
        return "children"
    if _WOMEN.search(subject):
        return "women"
    if _COMBATANTS.search(subject):
        return "noncivilians"
    return "civilians"


def categories(killed: list[Figure]) -> list[str]:
    """Categories of the killed figures of an article: a figure with no subject, or a generic one ("people"),
    counts the same group as a figure of the same value with a specific subject ("kills 15" in the headline,
    "15 terrorists" in the body)."""
    cats = [category(f) for f in killed]
    specific = {}
    for f, c in zip(killed, cats):
        if (f.subject or "").lower() not in GENERIC_SUBJECTS:
            specific.setdefault(f.value, c)
    return [specific.get(f.value, c) if (f.subject or "").lower() in GENERIC_SUBJECTS else c for f, c in zip(killed, cats)]


def derive_counts(figures: list[Figure], text: str = "") -> dict[str, int]:
    """One count per category (rules in the module docstring); ``text`` is the article the figures come from."""
    return {c: (int(v) if v is not None else 0) for c, (v, _) in choose(figures, text).items()}


NEAR = 400  # characters: a breakdown further on is likely another event ("Elsewhere in Syria ...")
_CIVILIANS = re.compile(r"\bcivilians?\b", re.I)
_AND = re.compile(r"\s*,?\s*(?:and\s+|as\s+well\s+as\s+|plus\s+)?(?:[a-z]+ing\s+)?")


def _wholes(figures: list[Figure]) -> dict[int, Figure]:
    """id(part) -> the figure it is a part of (same sentence, nearest with that text; else the nearest before)."""
    out = {}
    for i, f in enumerate(figures):
        whole = f.extra.get("part_of")
        if whole:
            same = [g for g in figures if g.text == whole and g.sentence == f.sentence and g is not f]
            before = [g for g in figures[:i] if g.text == whole]
            pick = min(same, key=lambda g: abs(g.start - f.start)) if same else (before[-1] if before else None)
            if pick is not None:
                out[id(f)] = pick
    return out


def _coordinated(text: str, f: Figure, g: Figure) -> bool:
    """True when g follows f in a list: "a woman and nine children", "crucifying two people and executing 23"."""
    if g.start < f.end:
        return False
    between = text[f.end: g.start]
    if f.subject and between.lstrip().startswith(f.subject):
        between = between.lstrip()[len(f.subject):]
    return f.sentence == g.sentence and bool(_AND.fullmatch(between))


def _civilians(f: Figure, i: int, killed: list[Figure], cats: list[str], parts: dict[int, list[tuple[Figure, str]]],
               text: str) -> tuple[float, Figure] | None:
    """Civilians among a generic toll ("20 people"), read from its breakdown: a civilian part of it or of a figure
    of the same value ("20 people including 13 civilians"), the toll minus its combatant parts ("15 people
    including five policemen": 10), or a later breakdown sentence ("15 civilians and 27 fighters")."""
    same = [g for g in killed if g.value == f.value]
    mine = [pc for g in same for pc in parts.get(id(g), [])]
    civilian = [p for p, _ in mine if _CIVILIANS.search(p.subject or "")]
    if civilian:
        return civilian[0].value, civilian[0]
    for g in same:
        combatants = [p.value for p, c in parts.get(id(g), []) if c == "noncivilians"]
        if combatants and sum(combatants) < f.value:
            return f.value - sum(combatants), g
    if text:
        for j in range(i + 1, len(killed)):
            g = killed[j]
            if not _CIVILIANS.search(g.subject or "") or g.value >= f.value or g.start - f.end > NEAR:
                continue
            near = [(h, c) for h, c in zip(killed, cats) if h.sentence == g.sentence and h is not g]
            if any(c == "noncivilians" and (_coordinated(text, g, h) or _coordinated(text, h, g)) for h, c in near):
                return g.value, g
    return None


def choose(figures: list[Figure], text: str = "") -> dict[str, tuple[float | None, Figure | None]]:
    """Per category, the count and the figure it was read from (None, None when there is none)."""
    counts: dict[str, tuple[float, Figure]] = {}
    killed = [f for f in figures if f.kind == "killed" and not f.extra.get("vague") and f.unit == "people"
              and not f.extra.get("period") and not f.extra.get("earlier")]
    cats = categories(killed)
    whole_of = _wholes(killed)
    parts: dict[int, list[tuple[Figure, str]]] = {}
    for f, cat in zip(killed, cats):
        if id(f) in whole_of:
            parts.setdefault(id(whole_of[id(f)]), []).append((f, cat))
    for i, (f, cat) in enumerate(zip(killed, cats)):
        if cat == "civilians" and "civilians" not in counts and not _CIVILIANS.search(f.subject or ""):
            got = _civilians(f, i, killed, cats, parts, text)
            if got:
                counts["civilians"] = got
                continue
        if text and cat != "noncivilians" and "part_of" not in f.extra and id(f) not in parts \
                and cat not in counts and not _CIVILIANS.search(f.subject or ""):
            by_cat = {cat: f.value}
            prev = f
            for g, c in zip(killed[i + 1:], cats[i + 1:]):  # "a woman and nine children were killed"
                if c == "noncivilians" or "part_of" in g.extra or id(g) in parts or not _coordinated(text, prev, g):
                    break
                by_cat[c] = by_cat.get(c, 0) + g.value
                prev = g
            if prev is not f:
                for c, v in by_cat.items():
                    counts.setdefault(c, (v, f))
                if "civilians" not in counts:
                    counts["civilians"] = (sum(by_cat.values()), f)
                continue
        counts.setdefault(cat, (f.value_high or f.value, f))  # a range: the crowd takes its high end
        if cat in ("children", "women") and id(f) not in whole_of and "part_of" not in f.extra:
            counts.setdefault("civilians", (f.value, f))
    return {c: counts.get(c, (None, None)) for c in CATEGORIES}
