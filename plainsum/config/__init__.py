"""Configuration: reads plainsum.toml (or [tool.plainsum] in pyproject.toml) into a `Config`.

Takes: the project folder or an explicit file, and the names of the formats and checks that exist
(`Catalog`, given by the stage that knows them). Gives: `Config` (folders, formats, gate thresholds,
check settings) and the vocabulary of figures a gate can bound (`FIGURE_NAMES`). Errors are
`file:line:col` problems. Imports nothing of plainsum but `errors`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from plainsum import lazy_exports

if TYPE_CHECKING:
    from plainsum.config.figures import (
        ALL_FIGURE_NAMES,
        ALL_FORMULA_NAMES,
        COUNT_NAMES,
        EASIER_WHEN_HIGHER,
        FIGURE_LABELS,
        FIGURE_NAMES,
        FORMULA_NAMES,
        LANGUAGE_FORMULAS,
        LANGUAGE_NAMES,
        ease_formula,
        scored_formulas,
    )
    from plainsum.config.gate import heading_key
    from plainsum.config.locate import did_you_mean
    from plainsum.config.paths import default_templates_dir, scaffold_dir
    from plainsum.config.settings import Catalog, Config, load_config

__all__ = [
    "ALL_FIGURE_NAMES",
    "ALL_FORMULA_NAMES",
    "COUNT_NAMES",
    "EASIER_WHEN_HIGHER",
    "FIGURE_LABELS",
    "FIGURE_NAMES",
    "FORMULA_NAMES",
    "LANGUAGE_FORMULAS",
    "LANGUAGE_NAMES",
    "Catalog",
    "Config",
    "default_templates_dir",
    "did_you_mean",
    "ease_formula",
    "heading_key",
    "load_config",
    "scaffold_dir",
    "scored_formulas",
]

__getattr__ = lazy_exports(__name__, {
    "figures": (
        "ALL_FIGURE_NAMES", "ALL_FORMULA_NAMES", "COUNT_NAMES", "EASIER_WHEN_HIGHER", "FIGURE_LABELS", "FIGURE_NAMES",
        "FORMULA_NAMES", "LANGUAGE_FORMULAS", "LANGUAGE_NAMES", "ease_formula", "scored_formulas",
    ),
    "gate": ("heading_key",),
    "locate": ("did_you_mean",),
    "paths": ("default_templates_dir", "scaffold_dir"),
    "settings": ("Catalog", "Config", "load_config",),
})
