"""The coreference scorer against hand-checked cases.

The main case is the worked example of Pradhan et al. (2014), "Scoring Coreference
Partitions of Predicted Mentions", section 4 (key {a,b,c} {d,e,f,g}; response {a,b} {c,d}
{f,g,h,i}), whose figures the paper gives and which were re-derived by hand below.
"""

from __future__ import annotations

import pytest

from newsweave.evaluate.coref import score

KEY = [{"a", "b", "c"}, {"d", "e", "f", "g"}]
RESPONSE = [{"a", "b"}, {"c", "d"}, {"f", "g", "h", "i"}]


def test_muc_on_the_reference_example() -> None:
    # Recall: {a,b,c} splits in 2 parts (1 of 2 links), {d,e,f,g} in 3 ({d},{e},{f,g}: 1 of 3).
    # Precision: {a,b} 1 of 1, {c,d} 0 of 1, {f,g,h,i} splits {f,g},{h},{i}: 1 of 3.
    result = score(KEY, RESPONSE).muc
    assert result.recall == pytest.approx(2 / 5)
    assert result.precision == pytest.approx(2 / 5)


def test_b_cubed_on_the_reference_example() -> None:
    # Recall: (4/3 + 1/3 + 1/4 + 4/4) / 7 = 5/12; precision: (4/2 + 1/2 + 1/2 + 4/4) / 8 = 1/2.
    result = score(KEY, RESPONSE).b_cubed
    assert result.recall == pytest.approx(5 / 12)
    assert result.precision == pytest.approx(1 / 2)


def test_ceaf_e_on_the_reference_example() -> None:
    # Best alignment {a,b,c}-{a,b} (2*2/5 = 0.8) and {d,e,f,g}-{f,g,h,i} (2*2/8 = 0.5): 1.3,
    # over 2 key chains and 3 response chains.
    result = score(KEY, RESPONSE).ceaf_e
    assert result.recall == pytest.approx(1.3 / 2)
    assert result.precision == pytest.approx(1.3 / 3)


def test_conll_f1_is_the_mean_of_the_three_f1() -> None:
    result = score(KEY, RESPONSE)
    muc_f1 = 0.4
    b3_f1 = 2 * (5 / 12) * 0.5 / (5 / 12 + 0.5)
    ceaf_f1 = 2 * 0.65 * (1.3 / 3) / (0.65 + 1.3 / 3)
    assert result.conll_f1 == pytest.approx((muc_f1 + b3_f1 + ceaf_f1) / 3)


def test_a_perfect_response_scores_one_everywhere() -> None:
    result = score(KEY, KEY)
    for prf in (result.muc, result.b_cubed, result.ceaf_e):
        assert (prf.recall, prf.precision, prf.f1) == (1.0, 1.0, 1.0)


def test_all_singletons_have_no_muc_links_but_full_b_cubed_precision() -> None:
    singletons = [{m} for chain in KEY for m in chain]
    result = score(KEY, singletons)
    assert (result.muc.recall, result.muc.precision, result.muc.f1) == (0.0, 0.0, 0.0)
    assert result.b_cubed.precision == 1.0
    assert result.b_cubed.recall == pytest.approx((3 * 1 / 3 + 4 * 1 / 4) / 7)
    # Each key chain aligns with one singleton: 2/4 and 2/5.
    assert result.ceaf_e.recall == pytest.approx((2 / 4 + 2 / 5) / 2)


def test_one_big_chain_has_full_muc_recall() -> None:
    # Merging everything recalls every link; the response chain of 7 mentions splits into the
    # 2 key chains, so 7 - 2 = 5 of its 6 links are right.
    result = score(KEY, [{"a", "b", "c", "d", "e", "f", "g"}])
    assert result.muc.recall == 1.0
    assert result.muc.precision == pytest.approx(5 / 6)
    assert result.b_cubed.recall == 1.0
    assert result.b_cubed.precision == pytest.approx((9 / 7 + 16 / 7) / 7)
