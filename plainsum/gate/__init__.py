"""Gate: what a check or a build found, as plain data, and whether a document passes.

Takes: documents with their findings. Gives: `DocumentResult` (in-process), `DocumentRecord`
(plain data kept in the build manifest), `Outcome` (a run's results and problems, its exit code),
`load_config`: the configuration validated against the formats and checks that exist; baselines
and their ratchet (`load_baseline`, `write_baseline`, `compare`, baseline.py), and the check that
every section gate matches a section (`unmatched_section_gates`, sections.py).
"""
