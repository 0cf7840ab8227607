"""Content: one YAML file per review, validated into a `Review` (plainsum's data model).

Takes: content files (YAML with line marks). Gives: `Review` with its facts, sections, summary
parts and results as data, each prose field able to say where in the YAML it was written; the
sandboxed prose language (filters over facts); kinds and layouts; discovery of content files.
"""
