"""A spin generator: realistic copies of real articles at graded strengths.

``spin(text, seed, recipe, host=None)`` is a pure function: the same source
text, seed and recipe always give the same copy, so the gold set stores only
ids, the recipe name and the seed. Nothing here is copied from anywhere: the
synonym list, boilerplate lines and garbling rules are written for this bench.

Operations (each at a rate set by the recipe):
- synonym substitution from our own list, including the awkward choices of
  content farms ("killed" -> "lifeless", "people" -> "individuals");
- sentence reordering (local swaps and moved sentences);
- sentence splits (at ", and", ", but", "; ", ", which") and merges;
- name garbling (vowel swaps, doubled letters, transliteration-like spelling,
  a surname translated into a common word);
- round-trip style edits (articles dropped or swapped, prepositions changed,
  "X said" turned round, contractions expanded, numbers re-spaced);
- a new headline, added boilerplate lines (pitches, share prompts), a trimmed
  ending; and partial embedding of a block of the source inside a host text.
"""

from __future__ import annotations

import random
import re
import zlib
from dataclasses import dataclass

from .common import split_sentences

# --------------------------------------------------------------------------------------------
# Our own synonym list: word -> choices. Content-farm spinners pick the odd ones too.
_SYN_TEXT = """
said: stated, mentioned, noted, declared, expressed, told reporters
says: states, notes, declares, mentions
killed: lifeless, slain, murdered, left dead
kill: slay, murder, end the lives of
died: passed away, perished, lost their lives, expired
dead: lifeless, deceased, departed
death: demise, passing, loss of life
deaths: fatalities, demises, losses of life
people: individuals, persons, folks, citizens
person: individual, human being
man: gentleman, male
woman: lady, female
men: gentlemen, males
women: ladies, females
children: youngsters, kids, minors
child: youngster, kid, minor
police: law enforcement, cops, officers
officials: authorities, officers, functionaries
official: authority, functionary, officer
government: administration, authorities, regime
president: head of state, leader
minister: secretary, cabinet member
leader: chief, head, boss
spokesman: representative, mouthpiece, speaker
spokeswoman: representative, speaker
country: nation, state, land
countries: nations, states
city: town, metropolis, municipality
capital: capital city, seat of government
town: township, village, municipality
area: region, zone, locality
region: area, zone, territory
attack: assault, strike, raid, offensive
attacks: assaults, strikes, raids
fighting: combat, clashes, battling
forces: troops, armed forces, soldiers
troops: soldiers, forces, servicemen
soldiers: troops, servicemen, fighters
rebels: insurgents, militants, fighters
protesters: demonstrators, activists, marchers
protest: demonstration, rally, march
protests: demonstrations, rallies, marches
violence: bloodshed, unrest, brutality
war: conflict, warfare, hostilities
crisis: emergency, catastrophe, predicament
disaster: catastrophe, calamity, tragedy
spill: leak, discharge, outflow
oil: crude, petroleum
company: firm, business, corporation, enterprise
companies: firms, businesses, corporations
firm: company, business, enterprise
percent: per cent, percentage points
million: mn, million
billion: bn, billion
money: funds, cash, finances
cost: price, expense, outlay
costs: expenses, outlays, prices
big: large, huge, massive
large: big, huge, sizable
huge: enormous, massive, gigantic
small: little, tiny, minor
little: small, slight
major: main, significant, key
important: crucial, vital, significant
new: fresh, recent, novel
old: aged, elderly, former
first: initial, earliest, opening
last: final, previous, latest
early: initial, premature
late: delayed, overdue
week: seven days
weeks: seven-day periods
day: day time, date
days: days time
year: twelve months, annum
years: years time, many years
month: calendar month
months: calendar months
time: period, occasion, moment
times: occasions, periods
help: assist, aid, support
helped: assisted, aided, supported
try: attempt, endeavour, seek
tried: attempted, sought, endeavoured
trying: attempting, seeking, endeavouring
use: utilise, employ, make use of
used: utilised, employed
using: utilising, employing
make: create, produce, generate
made: created, produced, generated
get: obtain, acquire, receive
got: obtained, acquired, received
give: provide, offer, hand
gave: provided, offered, handed
take: seize, grab, accept
took: seized, grabbed, accepted
show: display, demonstrate, reveal
showed: displayed, demonstrated, revealed
shows: displays, demonstrates, reveals
see: observe, witness, view
saw: observed, witnessed, viewed
seen: observed, witnessed
know: understand, realise, be aware
known: recognised, understood
think: believe, consider, reckon
thought: believed, considered, reckoned
want: wish, desire, need
wanted: wished, desired
need: require, want
needed: required
begin: commence, start, initiate
began: commenced, started, initiated
start: begin, commence, launch
started: began, commenced, launched
end: finish, conclusion, close
ended: finished, concluded, closed
stop: halt, cease, end
stopped: halted, ceased, ended
continue: proceed, carry on, go on
continued: proceeded, carried on, went on
increase: rise, boost, growth
increased: rose, grew, climbed
rise: increase, climb, surge
rose: climbed, increased, surged
fall: drop, decline, decrease
fell: dropped, declined, decreased
call: urge, demand, request
called: urged, demanded, requested
calls: demands, requests, appeals
ask: request, question, query
asked: requested, questioned, queried
tell: inform, notify
told: informed, notified
report: account, statement, story
reported: stated, documented, announced
reports: accounts, statements, stories
announce: declare, proclaim
announced: declared, proclaimed, revealed
warn: caution, alert
warned: cautioned, alerted
claim: assert, allege, contend
claimed: asserted, alleged, contended
believe: think, consider, trust
believed: thought, considered
expect: anticipate, predict, foresee
expected: anticipated, predicted, projected
hope: wish, aspiration
plan: scheme, strategy, proposal
plans: schemes, strategies, proposals
meeting: gathering, session, assembly
talks: discussions, negotiations, dialogue
agreement: deal, accord, pact
deal: agreement, bargain, accord
decision: ruling, judgement, verdict
support: backing, assistance, help
supporters: backers, followers, loyalists
opposition: resistance, opponents
leave: depart, exit, abandon
left: departed, exited, abandoned
flee: escape, run away
fled: escaped, ran away, took flight
arrive: reach, turn up
arrived: reached, turned up
move: shift, relocate, transfer
moved: shifted, relocated, transferred
hit: struck, battered, pounded
damage: harm, destruction, ruin
damaged: harmed, wrecked, ruined
destroyed: wrecked, demolished, ruined
injured: wounded, hurt, harmed
wounded: injured, hurt
hospital: medical centre, infirmary, clinic
doctor: physician, medic
doctors: physicians, medics
health: well-being, wellness
disease: illness, sickness, ailment
virus: bug, pathogen
flu: influenza, grippe
case: instance, occurrence
cases: instances, occurrences
water: aqua, H2O
sea: ocean, marine waters
coast: shoreline, seaboard, coastline
beach: shore, seashore
well: wellbore, borehole
fire: blaze, inferno, flames
weather: climate, conditions
storm: tempest, gale
earthquake: quake, tremor, seismic event
building: structure, edifice
buildings: structures, edifices
house: home, residence, dwelling
home: house, residence, abode
street: road, avenue
streets: roads, avenues
car: vehicle, automobile
cars: vehicles, automobiles
ship: vessel, boat
ships: vessels, boats
plane: aircraft, jet
news: information, reports, updates
statement: declaration, announcement
interview: conversation, discussion
evidence: proof, indication
information: data, details, intelligence
problem: issue, difficulty, trouble
problems: issues, difficulties, troubles
issue: matter, problem, concern
question: query, issue, matter
questions: queries, issues
result: outcome, consequence, effect
results: outcomes, consequences, findings
effect: impact, influence, consequence
impact: effect, influence, consequence
control: command, authority, regulation
power: authority, control, strength
security: safety, protection
safety: security, protection
group: organisation, body, collective
groups: organisations, bodies
member: participant, associate
members: participants, associates
worker: employee, labourer
workers: employees, labourers, staff
job: position, post, role
jobs: positions, posts, employment
business: commerce, trade, company
market: marketplace, exchange
markets: marketplaces, exchanges
price: cost, rate
prices: costs, rates
shares: stocks, equities
investors: backers, shareholders
bank: financial institution, lender
economy: financial system, market
economic: financial, fiscal
political: governmental, policy
international: global, worldwide
national: countrywide, nationwide
local: regional, neighbourhood
foreign: overseas, international
military: armed forces, army
army: military, armed forces
weapons: arms, armaments
security forces: safety forces, security services
united states: US, America
world: globe, planet
public: general public, populace
community: neighbourhood, society
family: household, relatives
families: households, relatives
friends: pals, companions
fear: dread, anxiety, worry
fears: worries, anxieties, concerns
concern: worry, unease
concerns: worries, misgivings
anger: rage, fury, outrage
angry: furious, irate, enraged
happy: glad, pleased, joyful
good: fine, great, decent
bad: poor, terrible, awful
better: superior, improved
worse: poorer, more serious
best: finest, top, greatest
worst: poorest, most severe
high: elevated, soaring, lofty
low: reduced, modest
long: lengthy, extended, prolonged
short: brief, quick
fast: quick, rapid, speedy
quickly: rapidly, swiftly, speedily
slowly: gradually, unhurriedly
again: once more, anew
also: additionally, furthermore, as well
however: nonetheless, nevertheless, yet
but: however, yet
because: since, as
about: approximately, around, roughly
around: approximately, about, roughly
nearly: almost, practically, virtually
almost: nearly, practically, virtually
more than: over, in excess of
at least: no fewer than, a minimum of
many: numerous, several, plenty of
several: various, multiple, a number of
some: certain, a few
most: the majority of, nearly all
all: every, the entire
other: different, additional
others: different ones, the rest
still: nonetheless, even now, yet
now: currently, at present, presently
recently: lately, of late
later: afterwards, subsequently
before: prior to, ahead of
after: following, subsequent to
during: throughout, in the course of
while: whilst, as
near: close to, nearby
across: throughout, all over
including: counting, together with
according: as outlined
despite: in spite of, notwithstanding
against: versus, in opposition to
among: amongst, between
within: inside, in
outside: outdoors, beyond
under: beneath, below
between: amid, among
very: extremely, highly, really
really: truly, genuinely
likely: probable, apt
possible: feasible, potential
clear: obvious, evident, apparent
serious: grave, severe, critical
difficult: hard, tough, challenging
easy: simple, effortless
free: complimentary, gratis
full: complete, entire
open: accessible, unlocked
opened: launched, unlocked
closed: shut, sealed
close: shut, seal
strong: powerful, robust, sturdy
weak: feeble, frail
safe: secure, protected
ready: prepared, set
able: capable, in a position
unable: incapable, powerless
sure: certain, confident
different: distinct, diverse, varied
same: identical, similar
whole: entire, complete
main: primary, principal, chief
key: crucial, essential, vital
top: leading, senior, highest
senior: high-ranking, top, elder
former: ex, previous, onetime
current: present, existing
recent: latest, new
latest: newest, most recent
following: after, subsequent to
led: headed, guided, steered
lead: guide, head, direct
held: kept, hosted, maintained
hold: keep, host, maintain
set: fixed, established
put: placed, set, positioned
found: discovered, located, uncovered
find: discover, locate, uncover
keep: retain, maintain, preserve
kept: retained, maintained
run: operate, manage
ran: operated, managed
bring: deliver, convey
brought: delivered, conveyed
become: turn into, grow to be
became: turned into, grew to be
remain: stay, persist
remained: stayed, persisted
remains: stays, persists
include: comprise, contain, encompass
includes: comprises, contains
included: comprised, contained
allow: permit, let, enable
allowed: permitted, let, enabled
prevent: avert, stop, block
provide: supply, furnish, offer
provided: supplied, furnished, offered
receive: get, obtain
received: got, obtained
suggest: propose, indicate, recommend
suggested: proposed, indicated
confirm: verify, affirm
confirmed: verified, affirmed
deny: reject, refute
denied: rejected, refuted
accused: charged, blamed
arrested: detained, apprehended, taken into custody
charged: indicted, accused
court: tribunal, law court
judge: justice, magistrate
trial: hearing, court case
prison: jail, penitentiary
law: legislation, statute
rules: regulations, guidelines
election: vote, poll, ballot
vote: ballot, poll
campaign: drive, crusade, push
effort: attempt, endeavour, bid
efforts: attempts, endeavours, bids
response: reaction, reply, answer
respond: react, reply, answer
action: measure, step, move
step: measure, move, action
steps: measures, moves, actions
way: manner, method, means
ways: manners, methods, means
part: portion, section, piece
number: quantity, figure, amount
amount: quantity, sum, volume
level: degree, extent, grade
rate: pace, speed, level
total: overall, aggregate, whole
team: crew, squad, group
operation: procedure, mission, process
system: mechanism, framework
site: location, spot, place
place: location, spot, site
scene: location, spot
event: occasion, incident
incident: episode, occurrence, event
situation: circumstances, state of affairs
threat: danger, menace, risk
risk: danger, hazard, threat
aid: assistance, relief, help
relief: aid, assistance
emergency: crisis, urgent situation
rescue: save, recovery
survivors: those who lived, remaining victims
victims: casualties, sufferers
residents: inhabitants, locals, occupants
thousands: many thousands, scores of thousands
hundreds: scores, many hundreds
dozens: scores, lots
"""

SYNONYMS: dict[str, list[str]] = {}
for _line in _SYN_TEXT.strip().splitlines():
    _k, _v = _line.split(":", 1)
    SYNONYMS[_k.strip()] = [x.strip() for x in _v.split(",") if x.strip()]

# surname-like words a spinner "translates" into common words
_TRANSLATED = ["Smith", "Stone", "Hill", "Wood", "Field", "Brook", "King", "Fisher", "Baker", "Hunter",
               "Rivers", "Young", "Strong", "Little", "Bird", "Lamb", "Bush", "Moon", "Rose", "Snow"]

# capitalised words that are not names: left alone by the garbler
_NOT_NAMES = set("""Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
July August September October November December President Minister Secretary General Prime Senator Governor
Mayor Admiral Chief Police Army Navy Council Committee Department Ministry Government Parliament Congress House
Senate Court Supreme Federal National International United States America American British Gulf Coast Guard
Reuters Associated Press News Agency Union European Security Nations Health Organization World""".split())

HEADLINE_PREFIX = ["BREAKING:", "Update:", "Must read:", "Watch:", "Report:", "Just in:", "Latest:", "Exclusive:"]
BOILER_TOP = [
    "Share this article on Facebook, Twitter and WhatsApp",
    "Advertisement - scroll down to continue reading",
    "Listen to this story (4 min)",
    "Follow our live coverage for the latest updates",
    "This article was automatically generated from news wire feeds",
]
BOILER_BOTTOM = [
    "Subscribe to our newsletter for the day's top stories delivered to your inbox.",
    "Click here to read more stories like this one.",
    "Share your thoughts in the comments below.",
    "Copyright 2024 Daily Digest Network. All rights reserved.",
    "Support independent journalism: become a member today for just $1 a month.",
    "Related: the ten photos you need to see this week.",
    "Like us on Facebook and follow us on Twitter for more updates.",
    "Sign up for breaking news alerts on your phone.",
]
_ARTICLE_SWAP = {"the": ["a", ""], "a": ["the", "one"], "an": ["the", "one"]}
_PREP_SWAP = {"in": ["at", "inside"], "on": ["at", "upon"], "at": ["in", "on"], "to": ["towards", "into"],
              "for": ["in favour of", "during"], "from": ["out of", "of"], "with": ["along with", "by"],
              "by": ["via", "through"], "of": ["from", "concerning"]}
_CONTRACTIONS = {"don't": "do not", "doesn't": "does not", "didn't": "did not", "can't": "cannot",
                 "won't": "will not", "isn't": "is not", "aren't": "are not", "wasn't": "was not",
                 "it's": "it is", "we're": "we are", "they're": "they are", "I'm": "I am", "we've": "we have",
                 "couldn't": "could not", "wouldn't": "would not", "hasn't": "has not", "haven't": "have not"}


@dataclass(frozen=True)
class Recipe:
    name: str
    kind: str  # exact | near | rewrite | partial
    strength: str  # light | realistic | heavy
    synonym: float = 0.0  # share of replaceable words swapped
    reorder: float = 0.0  # share of sentences moved
    split_merge: float = 0.0  # share of sentences split or merged
    names: float = 0.0  # share of name tokens garbled
    roundtrip: float = 0.0  # share of function words changed
    headline: bool = False
    boilerplate: int = 0  # lines added
    truncate: float = 0.0  # share of sentences cut from the end (upper bound)
    block: float = 0.0  # partial: share of the source's sentences embedded in the host


RECIPES: dict[str, Recipe] = {r.name: r for r in [
    Recipe("exact", "exact", "light"),
    Recipe("near_light", "near", "light", synonym=0.01, headline=True, boilerplate=1),
    Recipe("near_realistic", "near", "realistic", synonym=0.02, headline=True, boilerplate=2, truncate=0.15),
    Recipe("near_heavy", "near", "heavy", synonym=0.03, names=0.05, headline=True, boilerplate=3, truncate=0.3),
    Recipe("rewrite_light", "rewrite", "light", synonym=0.15, reorder=0.1, split_merge=0.1, names=0.2,
           headline=True, boilerplate=1),
    Recipe("rewrite_realistic", "rewrite", "realistic", synonym=0.3, reorder=0.2, split_merge=0.25, names=0.5,
           headline=True, boilerplate=2, truncate=0.1),
    Recipe("rewrite_heavy", "rewrite", "heavy", synonym=0.5, reorder=0.35, split_merge=0.4, names=0.8,
           roundtrip=0.15, headline=True, boilerplate=2, truncate=0.2),
    Recipe("roundtrip_realistic", "rewrite", "realistic", synonym=0.2, split_merge=0.15, names=0.5, roundtrip=0.3,
           headline=True, boilerplate=1),
    Recipe("partial_light", "partial", "light", block=0.6, boilerplate=1),
    Recipe("partial_realistic", "partial", "realistic", block=0.35, boilerplate=1),
    Recipe("partial_heavy", "partial", "heavy", block=0.25, synonym=0.1, boilerplate=1),
]}

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def _rng(text: str, seed: int, recipe: str) -> random.Random:
    return random.Random(zlib.crc32(f"{seed}|{recipe}|".encode() + text[:2000].encode("utf-8", "ignore")))


def _match_case(src: str, rep: str) -> str:
    if src.isupper() and len(src) > 1:
        return rep.upper()
    if src[:1].isupper():
        return rep[:1].upper() + rep[1:]
    return rep


def substitute(sentence: str, rate: float, rng: random.Random) -> str:
    """Swap words (and a few two-word phrases) for synonyms from our list."""
    if rate <= 0:
        return sentence
    for phrase in ("more than", "at least", "security forces", "united states"):
        if phrase in sentence.lower() and rng.random() < rate:
            i = sentence.lower().index(phrase)
            rep = rng.choice(SYNONYMS[phrase])
            sentence = sentence[:i] + _match_case(sentence[i:i + len(phrase)], rep) + sentence[i + len(phrase):]

    def one(m: re.Match) -> str:
        w = m.group(0)
        low = w.lower()
        if low in SYNONYMS and rng.random() < rate:
            # leave capitalised mid-sentence words (names, titles) alone
            if w[:1].isupper() and m.start() > 0:
                return w
            return _match_case(w, rng.choice(SYNONYMS[low]))
        return w

    return _WORD.sub(one, sentence)


def garble_name(name: str, rng: random.Random) -> str:
    """Garble a name the way round-trip translation and transliteration do."""
    ops = rng.sample(["vowel", "double", "translit", "drop"], k=2)
    out = name
    for op in ops:
        if op == "vowel":
            vs = [i for i, c in enumerate(out) if c in "aeiou" and i > 0]
            if vs:
                i = rng.choice(vs)
                out = out[:i] + rng.choice([v for v in "aeiou" if v != out[i]]) + out[i + 1:]
        elif op == "double":
            cs = [i for i, c in enumerate(out) if c in "lmnrst" and i > 0]
            if cs:
                i = rng.choice(cs)
                out = out[:i] + out[i] + out[i:]
        elif op == "translit":
            for a, b in (("ph", "f"), ("ck", "k"), ("c", "k"), ("y", "i"), ("ou", "u"), ("sh", "ch"),
                         ("ie", "i"), ("w", "v"), ("j", "dj"), ("q", "k"), ("th", "t"), ("ea", "i")):
                if a in out[1:]:
                    out = out[0] + out[1:].replace(a, b, 1)
                    break
        elif op == "drop" and len(out) > 5:
            i = rng.randrange(2, len(out) - 1)
            if out[i] in "aeiouhy":
                out = out[:i] + out[i + 1:]
    return out


def garble_names(sentences: list[str], rate: float, rng: random.Random) -> list[str]:
    """Garble capitalised non-initial words (names), consistently across the text."""
    if rate <= 0:
        return sentences
    names: dict[str, str] = {}
    for s in sentences:
        for m in re.finditer(r"(?<=[a-z,] )([A-Z][a-z]{3,})", s):
            names.setdefault(m.group(1), "")
    for n in sorted(names):
        if n.lower() in SYNONYMS or n in _NOT_NAMES or rng.random() >= rate:
            names[n] = n
        elif rng.random() < 0.1:
            names[n] = rng.choice(_TRANSLATED)  # a surname "translated" into a common word
        else:
            names[n] = garble_name(n, rng)
    pat = re.compile(r"\b(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b") \
        if names else None
    if pat is None:
        return sentences
    return [pat.sub(lambda m: names.get(m.group(1), m.group(1)), s) for s in sentences]


def roundtrip(sentence: str, rate: float, rng: random.Random) -> str:
    """Edits typical of a round trip through machine translation."""
    if rate <= 0:
        return sentence
    for a, b in _CONTRACTIONS.items():
        if a in sentence and rng.random() < 0.8:
            sentence = sentence.replace(a, b)
    # "..., X said." -> "..., said X."
    m = re.search(r", ([A-Z][\w.]*(?: [A-Z][\w.]*){0,2}) said\.?\s*$", sentence)
    if m and rng.random() < 0.7:
        sentence = sentence[:m.start()] + f", said {m.group(1)}."
    sentence = re.sub(r"(\d),(\d{3})", lambda mm: mm.group(1) + (" " if rng.random() < 0.5 else ".") + mm.group(2),
                      sentence)
    words = sentence.split(" ")
    out = []
    for i, w in enumerate(words):
        low = w.lower()
        if i > 0 and low in _ARTICLE_SWAP and rng.random() < rate:
            rep = rng.choice(_ARTICLE_SWAP[low])
            if rep:
                out.append(_match_case(w, rep))
            continue
        if i > 0 and low in _PREP_SWAP and rng.random() < rate * 0.6:
            out.append(rng.choice(_PREP_SWAP[low]))
            continue
        out.append(w)
    return " ".join(out)


def split_merge(sentences: list[str], rate: float, rng: random.Random) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(sentences):
        s = sentences[i]
        r = rng.random()
        if r < rate / 2 and len(s.split()) > 16:
            m = re.search(r", (and|but|while|which|who) |; ", s[len(s) // 4:])
            if m:
                cut = len(s) // 4 + m.start()
                head, tail = s[:cut].rstrip(" ,;"), s[cut:].lstrip(",; ")
                conj = tail.split(" ", 1)
                if conj[0] in ("and", "but", "while") and len(conj) > 1:
                    tail = conj[1]
                elif conj[0] in ("which", "who") and len(conj) > 1:
                    tail = ("This " if conj[0] == "which" else "They ") + conj[1]
                if not head.endswith((".", "!", "?")):
                    head += "."
                out += [head, tail[:1].upper() + tail[1:]]
                i += 1
                continue
        if r > 1 - rate / 2 and i + 1 < len(sentences) and len(s.split()) + len(sentences[i + 1].split()) < 45:
            nxt = sentences[i + 1]
            glue = rng.choice([", and ", "; ", ", while ", " and also "])
            first = s.rstrip(".!? ")
            if nxt[:1].isupper() and not nxt.split(" ", 1)[0].isupper() and not re.match(r"[A-Z][a-z]+ [A-Z]", nxt):
                nxt = nxt[:1].lower() + nxt[1:]
            out.append(first + glue + nxt)
            i += 2
            continue
        out.append(s)
        i += 1
    return out


def reorder(sentences: list[str], rate: float, rng: random.Random) -> list[str]:
    """Move some sentences: the lead stays first (a spinner keeps the top)."""
    s = list(sentences)
    n = len(s)
    for _ in range(int(round(rate * n))):
        if n < 3:
            break
        i = rng.randrange(1, n)
        j = min(n - 1, max(1, i + rng.choice([-2, -1, 1, 2, 3])))
        s.insert(j, s.pop(i))
    return s


def headline(sentences: list[str], rng: random.Random) -> str:
    words = sentences[0].split()[:rng.randint(6, 10)] if sentences else ["News"]
    return f"{rng.choice(HEADLINE_PREFIX)} {' '.join(words).rstrip(',;:')}"


def spin(text: str, seed: int, recipe: str | Recipe, host: str | None = None) -> str:
    """The copy of ``text`` made by ``recipe`` with ``seed`` (pure; ``host`` only for partial)."""
    r = RECIPES[recipe] if isinstance(recipe, str) else recipe
    if r.kind == "exact":
        return text
    rng = _rng(text, seed, r.name)
    sents = split_sentences(text)
    if r.kind == "partial":
        if host is None:
            raise ValueError("a partial copy needs a host text")
        k = max(3, int(round(len(sents) * r.block)))
        start = rng.randrange(0, max(1, len(sents) - k + 1))
        block = [substitute(s, r.synonym, rng) for s in sents[start:start + k]]
        hs = split_sentences(host)
        at = rng.randrange(1, max(2, len(hs)))
        body = hs[:at] + block + hs[at:]
        paras = _paragraphs(body, rng)
        if r.boilerplate:
            paras.append(rng.choice(BOILER_BOTTOM))
        return "\n\n".join(paras)
    if r.truncate and len(sents) > 6:
        cut = int(len(sents) * rng.uniform(r.truncate / 2, r.truncate))
        sents = sents[:len(sents) - cut] if cut else sents
    sents = garble_names(sents, r.names, rng)
    sents = reorder(sents, r.reorder, rng)
    sents = split_merge(sents, r.split_merge, rng)
    sents = [roundtrip(substitute(s, r.synonym, rng), r.roundtrip, rng) for s in sents]
    paras = _paragraphs(sents, rng)
    top, bottom = [], []
    if r.headline:
        top.append(headline(sents, rng))
    for i in range(r.boilerplate):
        (top if i % 2 else bottom).append(rng.choice(BOILER_TOP if i % 2 else BOILER_BOTTOM))
    return "\n\n".join(top + paras + bottom)


def _paragraphs(sents: list[str], rng: random.Random) -> list[str]:
    out, cur = [], []
    for s in sents:
        cur.append(s)
        if len(cur) >= rng.randint(1, 3):
            out.append(" ".join(cur))
            cur = []
    if cur:
        out.append(" ".join(cur))
    return out
