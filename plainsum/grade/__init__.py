"""GRADE: a review's main results as data and the words that state them.

Takes: the `results:` entries of a content file, the wording grid (`grid.yaml`, per language) and the
claim vocabulary. Gives: `Result` (measure, estimate, interval, certainty, absolute effects) with its
plain and technical statements (`results.py`, `grid.py`, `absolute.py`), and the reading of what a
sentence claims (`claims.py`), for the checks. Sits below
`content`, which loads results into a `Review`.
"""
