"""Matching a job by title, for applicants that arrive without a known job.

Titles are compared word by word after folding case and diacritics ("Lập trình viên" and
"lap trinh vien" are the same words), but the words a recruiter sees keep their diacritics.
Generic words of job titles (seniority, "viên"/"nhân" of Vietnamese role nouns, "and") say
nothing about which job is meant and are left out; role nouns that many titles share
("developer", "kehittäjä") count half. Each word of one title is paired with its most
similar word of the other (rapidfuzz, so "Pyhton" still finds "Python"), and the score is
the weighted share of matched words (a Dice coefficient, 0–100)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from app.text import fold

#: Words of job titles that tell nothing about the job, per language, written without
#: diacritics (they are compared after folding). Titles mix languages ("Senior Lập trình
#: viên"), so every list applies to every title.
GENERIC_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset({"senior", "junior", "sr", "jr", "mid", "level", "entry", "the", "and", "of", "for", "in",
                     "at", "with", "to", "full", "part", "time", "remote", "hybrid", "ii", "iii", "iv"}),
    # nhân viên (staff), chuyên viên (specialist), -viên (-er), cao cấp (senior), tuyển
    # (gấp) (hiring (urgently)), và/cho/của/tại/các (and/for/of/at/plural).
    "vi": frozenset({"vien", "nhan", "chuyen", "cao", "cap", "tuyen", "gap", "va", "cho", "cua", "tai", "cac",
                     "nhung", "lam", "viec"}),
    "fi": frozenset({"vanhempi", "nuorempi", "ja", "tai", "osa", "aikainen", "kokoaikainen", "osa-aikainen"}),
    "sv": frozenset({"och", "eller", "till", "heltid", "deltid"}),
}
STOPWORDS: frozenset[str] = frozenset().union(*GENERIC_WORDS.values())

#: Role nouns that many different jobs share: a match on one of them alone is weak.
ROLE_WORDS: frozenset[str] = frozenset({
    "developer", "engineer", "specialist", "manager", "officer", "assistant", "consultant", "analyst",
    "coordinator", "executive", "associate", "expert", "staff", "worker", "trainee", "intern",
    "kehittaja", "asiantuntija", "insinoori", "paallikko", "suunnittelija", "harjoittelija",
    "utvecklare", "ingenjor", "chef", "handlaggare", "praktikant",
})

#: At or above: the suggestion gets the primary "Assign" button.
CONFIDENT = 70
#: Below: not suggested at all.
SHOWN = 35
#: Two words are the same word at this rapidfuzz ratio (a typo, a plural).
SAME_WORD = 80


def normalise_title(title: str | None) -> str:
    """Case-folded, Vietnamese (and other) diacritics removed, spaces collapsed."""
    return re.sub(r"\s+", " ", fold(title or "")).strip()


@dataclass(frozen=True)
class Word:
    shown: str  # as written, diacritics kept
    key: str  # folded, for comparing

    @property
    def weight(self) -> float:
        return 0.5 if self.key in ROLE_WORDS else 1.0


def title_words(title: str | None) -> list[Word]:
    """The words of a title that say something about the job, in order, each once."""
    out: dict[str, Word] = {}
    for shown in re.findall(r"\w+", title or ""):
        key = fold(shown)
        if len(key) > 1 and key not in STOPWORDS and key not in out:
            out[key] = Word(shown, key)
    return list(out.values())


@dataclass(frozen=True)
class Suggestion:
    job: object
    score: int  # 0–100
    words: tuple[str, ...]  # the job's matched words, as the job title writes them
    same_title: bool = False

    @property
    def confident(self) -> bool:
        return self.score >= CONFIDENT


def similarity(wanted: list[Word], offered: list[Word]) -> tuple[int, tuple[str, ...]]:
    """Weighted Dice coefficient of two titles' words (0–100) and the offered words matched."""
    if not wanted or not offered:
        return 0, ()
    keys = [w.key for w in offered]
    matched, shared, used = 0.0, [], set()
    for word in wanted:
        best = process.extractOne(word.key, keys, scorer=fuzz.ratio, score_cutoff=SAME_WORD)
        if best is None or best[2] in used:
            continue
        used.add(best[2])
        other = offered[best[2]]
        matched += min(word.weight, other.weight) * best[1] / 100
        shared.append(other.shown)
    total = sum(w.weight for w in wanted) + sum(w.weight for w in offered)
    return round(200 * matched / total), tuple(shared)


def exact_matches(title: str, jobs: list) -> list:
    wanted = normalise_title(title)
    return [job for job in jobs if wanted and normalise_title(job.title) == wanted]


def suggestions_for(application, jobs: list, limit: int = 3) -> list[Suggestion]:
    """Likely jobs for a Pending pool entry, best first, each with its score and the words
    it shares with what the applicant applied for."""
    title = (application.pending_data or {}).get("job_title") or ""
    if not normalise_title(title):
        return []
    wanted = title_words(title)
    scored = []
    for job in jobs:
        if normalise_title(job.title) == normalise_title(title):
            scored.append(Suggestion(job, 100, (), same_title=True))
            continue
        score, words = similarity(wanted, title_words(job.title))
        if score >= SHOWN:
            scored.append(Suggestion(job, score, words))
    scored.sort(key=lambda s: (-s.score, s.job.title))
    return scored[:limit]
