"""Products, their tests and the few questions each test page asks (all made up)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Question:
    area: str
    text: str
    options: tuple[str, ...]
    answer: int  # index of the correct (or keyed) option


@dataclass(frozen=True)
class Test:
    id: str
    name: str
    questions: tuple[Question, ...]

    @property
    def areas(self) -> list[str]:
        return list(dict.fromkeys(q.area for q in self.questions))


@dataclass(frozen=True)
class Product:
    key: str
    name: str
    tests: tuple[Test, ...]


Q = Question
PRODUCTS: dict[str, Product] = {p.key: p for p in (
    Product("personality_logic", "Alva personality & logic test", (
        Test("alva-personality", "Personality (Big Five)", (
            Q("Openness", "I enjoy trying out new ways of working.", ("Disagree", "Neutral", "Agree"), 2),
            Q("Conscientiousness", "I finish tasks before the deadline.", ("Rarely", "Sometimes", "Usually"), 2),
            Q("Extraversion", "In a new team I usually…", ("wait to be asked", "introduce myself"), 1),
            Q("Agreeableness", "When a colleague disagrees with me I…", ("ask why", "insist"), 0),
            Q("Stability", "Under time pressure I stay calm.", ("Disagree", "Neutral", "Agree"), 2),
        )),
        Test("alva-logic", "Logic test", (
            Q("Numbers", "What comes next: 2, 4, 8, 16, …?", ("18", "24", "32", "64"), 2),
            Q("Numbers", "What comes next: 1, 1, 2, 3, 5, …?", ("7", "8", "9"), 1),
            Q("Words", "Book is to reading as fork is to…", ("eating", "kitchen", "spoon"), 0),
            Q("Patterns", "All blips are blops; no blop is a blup. Is a blip a blup?", ("Yes", "No", "Can't say"), 1),
            Q("Patterns", "Which does not belong: circle, square, triangle, cube?", ("circle", "triangle", "cube"), 2),
        )),
    )),
    Product("coding", "Alva Coding", (
        Test("alva-code-python", "Python coding", (
            Q("Basics", "len([1, [2, 3], 4]) is…", ("3", "4", "5"), 0),
            Q("Basics", "Which is immutable?", ("list", "dict", "tuple"), 2),
            Q("Algorithms", "Looking up a key in a dict is on average…", ("O(1)", "O(n)", "O(log n)"), 0),
            Q("Algorithms", "sorted([3, 1, 2])[-1] is…", ("1", "2", "3"), 2),
            Q("Testing", "pytest finds tests in functions named…", ("test_*", "check_*", "*_spec"), 0),
        )),
        Test("alva-code-js", "JavaScript coding", (
            Q("Basics", "typeof null is…", ('"null"', '"object"', '"undefined"'), 1),
            Q("Basics", "[1, 2, 3].length is…", ("2", "3", "4"), 1),
            Q("Async", "await can be used inside…", ("any function", "an async function", "a loop only"), 1),
            Q("Async", "Promise.all rejects when…", ("any promise rejects", "all reject"), 0),
            Q("DOM", "document.querySelector returns…", ("the first match", "all matches"), 0),
        )),
    )),
    Product("interviews", "Alva Interviews", (
        Test("alva-interview", "Structured video interview", (
            Q("Motivation", "Why this role? Pick the answer closest to yours.", ("The salary", "The work itself"), 1),
            Q("Collaboration", "A teammate misses a deadline. You…", ("talk to them first", "tell the manager"), 0),
            Q("Collaboration", "You disagree with a decision. You…", ("say so with reasons", "stay silent"), 0),
            Q("Problem solving", "A task is unclear. You…", ("ask questions", "guess"), 0),
            Q("Problem solving", "A fix works but you don't know why. You…", ("dig in", "ship it"), 0),
        )),
    )),
)}
TESTS: dict[str, tuple[Product, Test]] = {t.id: (p, t) for p in PRODUCTS.values() for t in p.tests}


def score(test: Test, answers: dict[int, int]) -> tuple[int, list[dict]]:
    """Score = correct / questions × 100; one sub-score (0–100) per area."""
    per_area: dict[str, list[int]] = {}
    for i, q in enumerate(test.questions):
        per_area.setdefault(q.area, []).append(int(answers.get(i) == q.answer))
    total = round(sum(sum(v) for v in per_area.values()) / len(test.questions) * 100)
    subs = [{"title": area, "value": round(sum(v) / len(v) * 100), "max": 100} for area, v in per_area.items()]
    return total, subs
