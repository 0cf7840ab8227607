"""Words: how plainsum writes counts in English prose (numbers as words, thousands, plurals).

Takes: numbers. Gives: text. Imports nothing of plainsum but errors; every stage may use it.
"""
