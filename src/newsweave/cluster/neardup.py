"""The near-duplicate index: MinHash LSH banding, each article's band keys computed once.

An article nearly repeats a stored one when their signatures agree on every value of at
least one band (datasketch's ``MinHashLSH`` picks the bands for the Jaccard threshold and the
number of permutations; this index uses its choice). datasketch's index computes an
article's band keys twice, for the query and again for the insert, each from a ``MinHash``
object and through a Python call a band; here a band key is a slice of the signature's
bytes, taken once, and a bucket keeps only its earliest article, the one ingest asks for.
Both find the same earliest near-duplicate: a bucket's earliest article is the earliest of
its articles, and the earliest over the buckets is the earliest of all that datasketch finds.
"""

from __future__ import annotations

from datasketch import MinHashLSH  # type: ignore[import-untyped]

# Bytes of one signature value (``uint32``): band (start, end) in values is a byte slice.
VALUE_BYTES = 4


class NearDuplicateIndex:
    """Signatures by band, for the earliest indexed article an article nearly repeats.

    Articles must be added in ingest order (rising ``seq``), as an ingest does.

    Parameters
    ----------
    threshold:
        Estimated Jaccard from which two signatures count as near-duplicates.
    num_perm:
        Values per signature.
    """

    def __init__(self, threshold: float, num_perm: int) -> None:
        # datasketch chooses the bands (5 of 11 values for 0.8 and 64) by its error weights.
        ranges = MinHashLSH(threshold=threshold, num_perm=num_perm).hashranges
        self._bands = [slice(start * VALUE_BYTES, end * VALUE_BYTES) for start, end in ranges]
        self._buckets: list[dict[bytes, tuple[int, str]]] = [{} for _ in ranges]

    def add(self, article_id: str, seq: int, signature: bytes) -> str | None:
        """Index an article and name the earliest indexed one it nearly repeats.

        Parameters
        ----------
        article_id:
            The article's id.
        seq:
            Its ingest sequence number, higher than any indexed before.
        signature:
            Its MinHash signature as stored (``NUM_PERM`` ``uint32`` values).

        Returns
        -------
        str | None
            The id of the earliest indexed article sharing a band with it, or None.
        """
        earliest: tuple[int, str] | None = None
        entry = (seq, article_id)
        for band, buckets in zip(self._bands, self._buckets, strict=True):
            # setdefault: the bucket's earliest article, or this one for a new bucket.
            found = buckets.setdefault(signature[band], entry)
            if found is not entry and (earliest is None or found < earliest):
                earliest = found
        return earliest[1] if earliest else None
