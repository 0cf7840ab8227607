"""Configuration: reads plainsum.toml (or [tool.plainsum] in pyproject.toml) into a `Config`.

Takes: the project folder or an explicit file, and the names of the formats and checks that exist
(`Catalog`, given by the stage that knows them). Gives: `Config` (folders, formats, gate thresholds,
check settings) and the vocabulary of figures a gate can bound (`FIGURE_NAMES`). Errors are
`file:line:col` problems. Imports nothing of plainsum but `errors`.
"""
