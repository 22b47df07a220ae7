"""Near-duplicates: the same press release syndicated by several outlets.

The algorithm, with no I/O: `minhash` (shingles and MinHash signatures), `index` (the LSH
index that says which earlier canonical article a new one repeats). Storage (signatures,
`articles.duplicate_of` links, the "canonical articles only" SQL condition) is in
`sectorwatch.store.duplicates`; the workers in `sectorwatch.scale` compute signatures and
link each batch as it is written.
"""
