"""Every tunable setting, declared once with its default and its help.

Stages receive a :class:`Settings` object; nothing reads globals. The CLI
exposes the ones a user is likely to change.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace


def _s(default, help: str):
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True, slots=True)
class Settings:
    # reading
    max_file_bytes: int = _s(50_000_000, "Files larger than this are quarantined as too_large.")
    max_record_chars: int = _s(2_000_000, "Records (one article) longer than this are quarantined.")
    min_body_chars: int = _s(80, "Articles whose cleaned body is shorter are quarantined as empty.")
    # cleaning
    boilerplate_min_docs: int = _s(3, "A line recurring in this many articles of one outlet may be boilerplate.")
    boilerplate_max_words: int = _s(40, "Longer recurring lines are kept: rolling stories reuse paragraphs.")
    # copies
    shingle_words: int = _s(5, "Word n-gram size of the shingles used for near-duplicate search.")
    minhash_perm: int = _s(128, "MinHash permutations (signature length).")
    minhash_seed: int = _s(1, "Fixed MinHash seed so signatures are stable across runs.")
    candidate_threshold: float = _s(0.3, "LSH Jaccard threshold (content-word sets) for copy candidates.")
    max_candidates: int = _s(8, "Candidates judged per article, most similar first.")
    candidate_min_estimate: float = _s(0.2, "Estimated Jaccard below which an LSH candidate is not judged.")
    bag_min_containment: float = _s(0.45, "Share of the smaller content-word set inside the other, to judge a pair.")
    near_min_containment: float = _s(0.95, "5-gram containment of the shorter text that makes a near copy whatever its alignment says.")
    sentence_threshold: float = _s(0.5, "Stem Dice similarity for two sentences to align.")
    rewrite_min_coverage: float = _s(0.5, "Share of a copy's words in aligned sentences needed to call a rewrite.")
    rewrite_min_similarity: float = _s(0.6, "Mean similarity of the aligned sentences needed to call a rewrite.")
    revision_min_containment: float = _s(0.5, "5-gram containment that makes two texts of one outlet versions of each other.")
    partial_min_shared: int = _s(2, "Long sentences shared verbatim that make an article a partial-copy candidate.")
    partial_min_run: int = _s(3, "Consecutive near-verbatim sentences that make a partial copy.")
    # clustering
    event_threshold: float = _s(0.06, "Average similarity (idf over the story's recent articles) at which articles of a story group into one event (average linkage).")
    event_group_threshold: float = _s(0.075, "Average similarity at which two groups of event_group_size or more articles each merge into one event (two established events need more evidence than a stray article).")
    event_group_size: int = _s(5, "Articles each of two groups must have for event_group_threshold to apply.")
    event_stray_threshold: float = _s(0.04, "Average similarity from which a group of event_stray_size articles or fewer joins an event of event_group_size or more (a report worded its own way).")
    event_stray_size: int = _s(2, "Largest group that event_stray_threshold lets join an established event.")
    event_split_size: int = _s(10, "An event of this many articles or more in a re-clustering is re-clustered alone (idf over its own articles: words every report of it shares say nothing), and splits into its parts of event_group_size or more.")
    event_split_threshold: float = _s(0.06, "Average similarity (idf over the event's own articles) at which two parts of event_group_size or more of a large event stay one event.")
    event_year_weight: float = _s(0.06, "Added to the event similarity of two articles times the cosine of the years their leads mention (idf over the window: a year only some of them name tells one event from another).")
    event_year_mismatch: float = _s(0.02, "Taken from the event similarity of two articles that both name years (mentioned or of publication) but share none.")
    story_threshold: float = _s(0.095, "Cosine similarity of an article to a story centroid needed to join the story.")
    event_window_days: int = _s(5, "Articles of a story within this many days of a new one are re-clustered into events with it.")
    story_window_days: int = _s(120, "An article joins only stories active within this many days.")
    story_revive_threshold: float = _s(0.2, "Cosine similarity at which an article re-opens a story quiet for longer than story_window_days (discounted by the days past the window as live stories are by their gap; 1.0: never).")
    recluster_max: int = _s(100, "Most articles of a story re-clustered into events when one joins (bounds the cost per article).")
    recluster_stride: int = _s(2, "A story re-clusters on every k-th article it gets, k = its recent articles / this (1: every article).")
    event_join_threshold: float = _s(0.1, "Between re-clusterings, cosine of an article with an event's centroid needed to join it.")
    event_terms: int = _s(60, "Terms kept per event centroid.")
    cluster_lead_chars: int = _s(1500, "Characters of an article's lead read for clustering (what it is about is in the lead).")
    cluster_copies_apart: tuple[str, ...] = _s(("partial", "rewrite"), "Copies of these kinds (reports of their own reusing some of the source's text) join their source's story and take part in re-clustering its events, tied to the source; other copies (exact, near) simply go with their original.")
    cluster_title_line_chars: int = _s(300, "An untitled article's first line, if at most this many characters and followed by more text, is read as its headline when clustering (0: never).")
    story_terms: int = _s(150, "Terms kept per story centroid: stories need their wider vocabulary.")
    story_idf_power: float = _s(0.5, "Softer idf for story vectors keeps a story's common words in view.")
    event_name_weight: float = _s(0.5, "Weight of name phrases against words (1.0) when comparing an article with events.")
    event_number_weight: float = _s(0.3, "Weight of numbers against words (1.0) when comparing an article with events.")
    story_idf_smoothing: float = _s(7.0, "Smoothing of the within-story idf that tells a story's events apart (> 1).")
    story_name_weight: float = _s(1.0, "Weight of name phrases against words (1.0) in story vectors.")
    story_memory: int = _s(50, "A story centroid weighs its past as this many articles at most, so it follows a long story as it moves on (a war's later months) instead of staying with its first weeks.")
    story_merge_threshold: float = _s(0.12, "Story-to-story similarity at which two stories merge (1.0: never).")
    story_names_floor: float = _s(0.06, "Below story_threshold, an article whose names agree with the closest story's joins it from this similarity.")
    story_names_threshold: float = _s(0.12, "Cosine of the names alone (article vs story centroid) that lets an article join a story below story_threshold.")
    story_names_min_shared: int = _s(2, "Names an article must share with a story to join it below story_threshold, unless one of them has several words (a person, an organisation); one shared one-word place, a capital, says little.")
    # facts
    facts: bool = _s(True, "Find entity mentions, quotes and figures (spaCy NER plus rules; the slowest stage).")
    facts_chunk: int = _s(16, "Articles per facts batch: the unit of work of a facts worker and of a commit.")
    workers: int = _s(2, "Worker processes for the facts stage and copy sketching (1: all in the building process).")
    # timeline and briefing
    timeline_dates: int = _s(10, "Dates in a timeline (the export's per-story timelines use it).")
    timeline_per_date: int = _s(1, "Sentences telling each timeline date.")
    timeline_date_weights: tuple[float, ...] = _s(
        (0.0464, 0.044, -0.0164, 0.023, 0.2018), "Date-ranking weights over timeline.select.FEATURES (z-scored) and an intercept; "
        "fitted on T17 by bench/eval_timelines.py --fit.")
    timeline_lead_sentences: int = _s(5, "Sentences of an article's lead that can tell its publication day.")
    timeline_pub_lag: int = _s(1, "A lead also tells the days this many days before its publication.")
    timeline_min_words: int = _s(5, "Shorter sentences are never picked for a timeline.")
    timeline_max_words: int = _s(50, "Longer sentences are never picked for a timeline.")
    timeline_target_words: int = _s(20, "Typical length of a timeline sentence (T17's gold: 20 words).")
    timeline_length_penalty: float = _s(0.05, "Score lost per unit of |log(words / target)| of a sentence.")
    timeline_mmr: float = _s(0.6, "Relevance share in maximal marginal relevance (the rest penalises repeats).")
    timeline_repeat_penalty: float = _s(0.2, "Share of a sentence's similarity to what other dates of the timeline already tell that it loses.")
    briefing_sentences: int = _s(5, "Sentences in a briefing.")
    # pipeline
    batch_size: int = _s(200, "Articles committed to the store per transaction.")

    def with_(self, **changes) -> "Settings":
        return replace(self, **changes)

    @classmethod
    def help(cls) -> dict[str, str]:
        return {f.name: f.metadata["help"] for f in fields(cls)}
