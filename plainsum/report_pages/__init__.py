"""Reports: HTML pages of what plainsum found, shown in place for authors (`plainsum report`).

Takes: the results of `plainsum check` and the templates. Gives: an overview page with SVG charts of
grades and gate results across reviews, its figures as JSON, and one page per review with hard
sentences, jargon, abbreviations and passive voice marked beside their suggestions.
"""
