"""Suggested classes on a hand-built set where the right grouping is known."""
from __future__ import annotations

import random
from collections import Counter

import pytest

from lokomotiv_desktop.domain.class_suggestions import Screened, suggest_classes


def people(prefix: str, count: int, company: str, team: str, subject: str = "læsning",
           trin: int | None = 2, places: bool = True, obu: bool = False) -> list[Screened]:
    return [Screened(f"{prefix}{n:02d}", company, subject, trin, places, team, "630", obu)
            for n in range(count)]


def teams_of(cls) -> set[str]:
    return set(cls.teams)


def test_twenty_readers_on_trin_2_make_two_classes_of_ten_with_teams_whole():
    # Three companies, four teams of 6, 4, 5, 5 = 20 on FVU-læsning trin 2.
    rows = (people("a", 6, "c1", "Lager") + people("b", 4, "c1", "Kontor")
            + people("c", 5, "c2", "Produktion") + people("d", 5, "c3", "Rengøring"))
    result = suggest_classes(rows)
    assert result.unplaced == []
    assert [(c.subject, c.trin, len(c.participant_ids)) for c in result.classes] == [
        ("læsning", 2, 10), ("læsning", 2, 10)]
    teams = [teams_of(c) for c in result.classes]
    assert {"Lager", "Kontor"} in teams and {"Produktion", "Rengøring"} in teams
    first = result.classes[0]
    assert first.company_ids == tuple(sorted({"c1"} if "Lager" in first.teams else {"c2", "c3"}))
    assert all(c.note == "" for c in result.classes)


def test_five_on_maths_trin_1_are_unplaced_with_the_reason():
    result = suggest_classes(people("m", 5, "c1", "Lager", subject="matematik", trin=1))
    assert result.classes == []
    assert [u.participant_id for u in result.unplaced] == [f"m{n:02d}" for n in range(5)]
    assert {u.reason for u in result.unplaced} == {
        "Kun 5 deltagere på FVU-matematik trin 1; et hold kræver mindst 8."}
    assert {(u.subject, u.trin) for u in result.unplaced} == {("matematik", 1)}


def test_an_obu_group_of_nine_makes_classes_of_at_most_six():
    result = suggest_classes(people("o", 9, "c1", "", obu=True))
    assert sorted(len(c.participant_ids) for c in result.classes) == [4, 5]
    assert all(c.obu for c in result.classes)
    assert result.unplaced == []
    one = suggest_classes(people("p", 1, "c1", "", obu=True))
    assert [len(c.participant_ids) for c in one.classes] == [1]  # OBU has no minimum


def test_obu_and_ordinary_classes_are_not_mixed():
    rows = people("o", 3, "c1", "Lager", obu=True) + people("n", 8, "c1", "Lager")
    result = suggest_classes(rows)
    assert [(c.obu, len(c.participant_ids)) for c in result.classes] == [(False, 8), (True, 3)]


def test_non_placing_outcomes_are_unplaced_and_do_not_count():
    rows = people("y", 8, "c1", "Lager") + people("n", 3, "c1", "Lager", places=False)
    result = suggest_classes(rows)
    assert [len(c.participant_ids) for c in result.classes] == [8]
    assert [(u.participant_id, u.reason) for u in result.unplaced] == [
        (f"n{n:02d}", "Udfaldet giver ikke et hold i FVU-læsning.") for n in range(3)]


def test_different_trin_are_never_merged():
    rows = people("t", 7, "c1", "Lager", trin=1) + people("u", 7, "c1", "Lager", trin=2)
    result = suggest_classes(rows)
    assert result.classes == []
    assert Counter(u.reason for u in result.unplaced) == {
        "Kun 7 deltagere på FVU-læsning trin 1; et hold kræver mindst 8.": 7,
        "Kun 7 deltagere på FVU-læsning trin 2; et hold kræver mindst 8.": 7}


def test_fvu_start_groups_by_subject_alone():
    result = suggest_classes(people("s", 9, "c1", "Lager", subject="start", trin=None))
    assert [(c.subject, c.trin, len(c.participant_ids)) for c in result.classes] == [
        ("start", None, 9)]
    few = suggest_classes(people("s", 1, "c1", "", subject="start", trin=None))
    assert few.unplaced[0].reason == "Kun 1 deltager på FVU-start; et hold kræver mindst 8."


def test_missing_or_impossible_trin_is_unplaced():
    rows = (people("a", 8, "c1", "", trin=None) + people("b", 1, "c1", "", subject="matematik",
                                                           trin=5)
            + people("c", 1, "c1", "", subject="start", trin=1))
    result = suggest_classes(rows)
    assert result.classes == []
    reasons = {u.participant_id[0]: u.reason for u in result.unplaced}
    assert reasons["a"].startswith("Trin mangler i FVU-læsning")
    assert reasons["b"] == "Trin 5 findes ikke i FVU-matematik."
    assert reasons["c"].startswith("FVU-start har ingen trin")


@pytest.mark.parametrize("count, sizes", [
    (13, [13]), (14, [7, 7]), (20, [10, 10]), (26, [13, 13]), (27, [9, 9, 9]), (8, [8]),
    (40, [10, 10, 10, 10])])
def test_group_sizes_without_teams_are_even(count, sizes):
    result = suggest_classes(people("x", count, "c1", ""))
    assert sorted(len(c.participant_ids) for c in result.classes) == sizes
    assert result.unplaced == []


def test_classes_below_the_minimum_say_why():
    result = suggest_classes(people("x", 14, "c1", ""))
    assert all("Under 8 deltagere" in c.note and "for mange til ét hold på højst 13" in c.note
               for c in result.classes)


def test_a_team_larger_than_a_class_is_split_and_the_rest_stays_whole():
    rows = people("a", 20, "c1", "Lager") + people("b", 4, "c2", "Kontor")
    result = suggest_classes(rows)
    sizes = sorted(len(c.participant_ids) for c in result.classes)
    assert sizes == [12, 12]
    kontor = [c for c in result.classes if "Kontor" in c.teams]
    assert len(kontor) == 1  # the small team is not cut


def test_teams_are_split_only_to_reach_the_minimum():
    # 7 + 7 + 6 = 20: two classes; one team must give one person so both reach 8.
    rows = people("a", 7, "c1", "A") + people("b", 7, "c1", "B") + people("c", 6, "c1", "C")
    result = suggest_classes(rows)
    assert all(8 <= len(c.participant_ids) <= 13 for c in result.classes)
    split = [t for t in "ABC" if sum(t in c.teams for c in result.classes) > 1]
    assert len(split) == 1


def test_same_team_name_in_two_companies_is_two_teams():
    rows = people("a", 7, "c1", "Lager") + people("b", 7, "c2", "Lager") + people("c", 6, "c3", "X")
    result = suggest_classes(rows)
    assert sorted(len(c.participant_ids) for c in result.classes) == [8, 12]


def test_the_result_is_deterministic_and_ordered():
    rows = (people("l", 12, "c1", "Lager", trin=3) + people("m", 9, "c2", "Hal",
                                                            subject="matematik", trin=1)
            + people("k", 10, "c3", "Kontor", trin=1) + people("e", 8, "c1", "Lager",
                                                             subject="engelsk", trin=1))
    first = suggest_classes(rows)
    shuffled = rows[:]
    random.Random(7).shuffle(shuffled)
    assert suggest_classes(shuffled) == first
    assert [(c.subject, c.trin) for c in first.classes] == [
        ("læsning", 1), ("læsning", 3), ("matematik", 1), ("engelsk", 1)]
    for cls in first.classes:
        assert list(cls.participant_ids) == sorted(cls.participant_ids)  # one team each


def test_everybody_is_placed_or_unplaced_exactly_once():
    rng = random.Random(3)
    rows = [Screened(f"p{n:04d}", f"c{rng.randrange(12)}", rng.choice(["læsning", "matematik"]),
                     rng.choice([1, 2]), rng.random() < 0.8, rng.choice(["A", "B", "C", ""]),
                     "630", rng.random() < 0.1) for n in range(600)]
    result = suggest_classes(rows)
    placed = [p for c in result.classes for p in c.participant_ids]
    assert sorted(placed + [u.participant_id for u in result.unplaced]) == sorted(
        r.participant_id for r in rows)
    for cls in result.classes:
        assert len(cls.participant_ids) <= (6 if cls.obu else 13)
        assert cls.obu or cls.note or len(cls.participant_ids) >= 8


def test_sizes_can_be_passed_and_bad_sizes_are_refused():
    result = suggest_classes(people("x", 10, "c1", ""), min_size=4, max_size=5)
    assert [len(c.participant_ids) for c in result.classes] == [5, 5]
    with pytest.raises(ValueError):
        suggest_classes([], min_size=9, max_size=8)
    with pytest.raises(ValueError, match="twice"):
        suggest_classes(people("x", 1, "c1", "") * 2)
