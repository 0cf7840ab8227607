"""Files: reading an author's files as data.

Takes: paths and bytes. Gives: parsed YAML with line marks (`yamlsource.py`), with the caps that keep
untrusted input from exhausting time or memory. Imports nothing of plainsum but `errors`.
"""
