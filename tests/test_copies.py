from datetime import date

from newsdesk.copies import CopyIndex, detect_copies
from newsdesk.records import Article
from newsdesk.settings import Settings

WIRE = (
    "ALDMOOR, April 15 (MP) - An earth dam above the town of Aldmoor gave way before dawn on Monday, sending a "
    "wall of water down the valley that killed at least 12 people and left more than 60 missing, officials said.\n\n"
    "The dam, a 42-metre embankment completed in 1971, failed at about 3:40 a.m. after four days of heavy rain, "
    "according to the civil protection agency. Water reached the centre of the town within twenty minutes.\n\n"
    "Governor Elena Marsh said rescue teams had pulled survivors from rooftops and trees along the river. "
    '"The priority now is the people who are still out there," she told reporters in Kessing.\n\n'
    "At least 40 people were taken to hospital, a spokeswoman for the regional health authority said. Two "
    "villages downstream were cut off after the water swept away the bridge on Route 9."
)
OWN = (
    "Floodwater tore through Aldmoor early on Monday when the old embankment dam above the town collapsed, "
    "and by nightfall the regional government was counting a dozen dead. Our reporter saw army helicopters "
    "lifting families from the roofs of Mill Lane while volunteers in fishing boats searched the flooded "
    "streets. Residents blamed years of neglect; the infrastructure ministry would not comment."
)


def art(aid, text, outlet, d):
    return Article(id=aid, source=aid, fmt="txt", text=text, outlet=outlet, published=d)


def run(articles, settings=Settings()):
    index = CopyIndex(settings)
    roots: dict = {}
    links, sigs = detect_copies(articles, index, lambda _: None, roots)
    return {link.copy: (link.original, link.kind) for link in links}, sigs


def test_exact_near_and_independent_reports():
    wire = art("a1", WIRE, "Meridian Press", date(2024, 4, 15))
    exact = art("a2", WIRE, "Valley Herald", date(2024, 4, 15))
    trimmed = WIRE.rsplit("\n\n", 1)[0] + "\n\nSubscribe to the Courier today."
    near = art("a3", trimmed, "Courier", date(2024, 4, 16))
    own = art("a4", OWN, "Chronicle", date(2024, 4, 15))
    links, sigs = run([near, own, exact, wire])
    assert links == {"a2": ("a1", "exact"), "a3": ("a1", "near")}
    assert all(len(sig) == 4 * Settings().minhash_perm for sig, _ in sigs.values())  # 512 bytes per article
    assert all(len(anc) % 4 == 0 and len(anc) > 0 for _, anc in sigs.values())  # 4 bytes per long sentence


def test_original_is_the_earliest_even_when_it_arrives_last():
    late_copy = art("b2", WIRE, "Valley Herald", date(2024, 4, 16))
    index, roots = CopyIndex(Settings()), {}
    links1, _ = detect_copies([late_copy], index, lambda _: None, roots)
    assert links1 == []
    wire = art("b1", WIRE, "Meridian Press", date(2024, 4, 15))
    links2, _ = detect_copies([wire], index, lambda i: late_copy if i == "b2" else None, roots)
    assert [(link.copy, link.original, link.kind) for link in links2] == [("b2", "b1", "exact")]
    assert links2[0].evidence and links2[0].evidence[0][0] == links2[0].evidence[0][1]
    assert roots == {"b1": None, "b2": ("b1", "exact")}


def test_same_outlet_second_version_is_a_revision_not_a_copy():
    v1 = art("c1", WIRE, "Courier", date(2024, 4, 15))
    v2 = art("c2", WIRE.replace("at least 12", "at least 19"), "Courier", date(2024, 4, 16))
    links, _ = run([v1, v2])
    assert links == {"c2": ("c1", "revision")}


SPUN = (
    "ALDMOOR, April 15 (MP) - An earth barrier over the city of Aldmoor gave manner earlier than daybreak on Monday, "
    "sending a wall of water down the vale that killed at the least 12 individuals and left greater than 60 lacking, "
    "officers stated.\n\n"
    "The barrier, a 42-metre embankment accomplished in 1971, failed at about 3:40 a.m. after 4 days of heavy rainfall, "
    "in accordance with the civil safety company. Water reached the centre of the city inside twenty minutes.\n\n"
    "Governor Elena Swamp stated rescue groups had pulled survivors from rooftops and timber alongside the river. "
    '"The precedence now could be the individuals who are nonetheless on the market," she instructed reporters in Kessing.'
)
LOCAL = (
    "Residents of Low Carrow spent the night on the upper floors of the parish hall, where volunteers handed out "
    "blankets and soup while the water rose in the lanes outside.\n\n"
    "The village council said it had asked for boats twice before noon and was still waiting by evening.\n\n"
    + WIRE.split("\n\n", 1)[1] + "\n\n"
    "The parish priest, Tomas Berg, said the hall would stay open as long as it was needed."
)


def test_spun_copy_is_a_rewrite_and_embedded_wire_paragraphs_a_partial_copy():
    wire = art("d1", WIRE, "Meridian Press", date(2024, 4, 15))
    spun = art("d2", SPUN, "TopNewsHub24", date(2024, 4, 16))
    local = art("d3", LOCAL, "Valley Herald", date(2024, 4, 16))
    own = art("d4", OWN, "Chronicle", date(2024, 4, 15))
    links, _ = run([wire, spun, local, own])
    assert links == {"d2": ("d1", "rewrite"), "d3": ("d1", "partial")}
