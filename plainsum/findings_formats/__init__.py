"""Reporters: an `Outcome` printed for people and CI (text, json, github, sarif, junit, gitlab).

Takes: the results of a check or build and `ReportOptions`. Gives: the report in the chosen format
(`registry.py` names them; one module each), on stdout or in a file, and the GitHub job summary.
`view.py` decides what every format shows: findings by document and position, each sentence
once, errors first under a cap, and the closing summary.
"""
