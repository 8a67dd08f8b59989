"""Cue words: the verbs (and "according to") that attribute a quote, and their kinds.

``CUE`` finds them; ``is_weak`` cues (called, thinks, reported) attribute only a quote or a "that"
clause right after them; ``is_quote_only`` cues (posted, fumed, continued) attribute only a
quote-marked span, never an indirect quote; ``is_tell`` cues take an addressee before the content
("told Reuters that ...").
"""

from __future__ import annotations

import re

_VERBS = (r"says?|said|saying|tells?|told|telling|add(?:s|ed|ing)?|explain(?:s|ed|ing)?|not(?:es|ed|ing)|"
          r"stat(?:ed|ing)|wr(?:ites?|ote|iting)|tweet(?:ed|ing)|argu(?:es|ed|ing)|insist(?:s|ed|ing)?|"
          r"warn(?:s|ed|ing)?|claim(?:s|ed|ing)?|ask(?:s|ed|ing)?|repl(?:y|ies|ied|ying)|"
          r"respond(?:s|ed|ing)?|acknowledg(?:es|ed|ing)|admit(?:s|ted|ting)?|announc(?:es|ed|ing)|"
          r"declar(?:es|ed|ing)|recall(?:s|ed|ing)?|suggest(?:s|ed|ing)?|stress(?:es|ed|ing)?|"
          r"emphasi[sz](?:es|ed|ing)|complain(?:s|ed|ing)?|jok(?:es|ed|ing)|predict(?:s|ed|ing)?|"
          r"vow(?:s|ed|ing)?|promis(?:es|ed|ing)|pledg(?:es|ed|ing)|conced(?:es|ed|ing)|contend(?:s|ed|ing)?|"
          r"maintain(?:s|ed|ing)?|observ(?:es|ed|ing)|remark(?:s|ed|ing)?|confirm(?:s|ed|ing)?|"
          r"den(?:y|ies|ied|ying)|agree(?:s|d|ing)?|report(?:s|ed|ing)?|believ(?:es|ed|ing)|"
          r"think(?:s|ing)?|thought|reckon(?:s|ed)?|conclud(?:es|ed|ing)|boast(?:s|ed|ing)?|"
          r"assert(?:s|ed|ing)?|allege(?:s|d)?|testif(?:y|ies|ied)|shout(?:s|ed|ing)?|"
          r"quipp?(?:s|ed)?|mus(?:es|ed)|recount(?:s|ed)?|wonder(?:s|ed)?|calls?|called|calling|"
          r"describ(?:es|ed|ing)|indicat(?:es|ed|ing)|charg(?:es|ed)|yell(?:s|ed|ing)?|chant(?:s|ed|ing)?|"
          r"scream(?:s|ed|ing)?|cr(?:y|ies|ied)|decr(?:y|ies|ied)|criticiz(?:es|ed|ing)|criticis(?:es|ed|ing)|"
          r"blam(?:es|ed|ing)|accus(?:es|ed|ing)|prais(?:es|ed|ing)|condemn(?:s|ed|ing)?|dub(?:s|bed)|"
          r"label(?:s|ed|led)|referr(?:ed|ing)|refers?|urg(?:es|ed|ing)|demand(?:s|ed|ing)?|thank(?:s|ed|ing)?|"
          r"answer(?:s|ed)|interject(?:s|ed)|retort(?:s|ed)|exclaim(?:s|ed)|caution(?:s|ed)|proclaim(?:s|ed)|"
          r"scoff(?:s|ed)|jeer(?:s|ed)|counter(?:s|ed)|mention(?:s|ed|ing)?|instruct(?:s|ed|ing)?|"
          r"express(?:es|ed|ing)|label(?:ing|ling)|"
          r"continu(?:es|ed)|denounc(?:es|ed|ing)|mock(?:s|ed|ing)?|slamm?(?:s|ed|ing)?|hail(?:s|ed|ing)?|lament(?:s|ed|ing)?|"
          r"argue|acknowledge|announce|declare|note|promise|pledge|"
          r"post(?:s|ed)|fum(?:es|ed)|react(?:s|ed)|opin(?:es|ed)|vent(?:s|ed)|assur(?:es|ed)|blast(?:s|ed)|"
          r"point(?:s|ed)? out|shot back|puts? it|cit(?:es|ed|ing)")
CUE = re.compile(rf"(?<![\w-])(?:according to|{_VERBS})\b", re.I)
_FIRST = re.compile(rf"according|points?|pointed|shot|puts?|{_VERBS}")


def cue_start(word: str) -> bool:
    """Whether a CUE match may start with ``word`` (lower case): for ``scan.Starts``."""
    return _FIRST.fullmatch(word) is not None
_TELL = re.compile(r"^(?:tells?|told|telling|ask(?:s|ed|ing)?|warn(?:s|ed|ing)?|remind(?:s|ed)?)$", re.I)
_WEAK = re.compile(r"^(?:calls?|called|calling|describ\w+|think\w*|thought|believ\w+|report\w*|decr\w+|"
                   r"critici\w+|blam\w+|accus\w+|prais\w+|condemn\w*|dub\w*|label\w*|refer\w*|urg\w+|"
                   r"demand\w*|cr(?:y|ies|ied)|thank\w*|counter\w*|denounc\w+|mock\w*|slam\w*|hail\w*|lament\w*)$", re.I)


def is_tell(cue: str) -> bool:
    return bool(_TELL.match(cue))


_QUOTE_ONLY = re.compile(r"^(?:continu\w+|post\w*|fum\w+|react\w*|opin\w+|vent\w*|assur\w+|blast\w*|"
                         r"shot back|puts? it|cit\w+)$", re.I)


def is_quote_only(cue: str) -> bool:
    """Cues that attribute only a quote-marked span ("“...,” she posted."), never an indirect quote."""
    return bool(_QUOTE_ONLY.match(cue))


def is_weak(cue: str) -> bool:
    """Cues that attribute only with a quote or a "that" clause right after (called, thinks, reported)."""
    return bool(_WEAK.match(cue))
