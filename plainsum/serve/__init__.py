"""Live preview: `plainsum serve`. Takes: the project (configuration, content, templates). Gives:
pages on 127.0.0.1 that show each review's lay summary, abstract and marked report side by side,
rebuilt for each saved file and reloaded in the browser by server-sent events.

`site.py` builds the pages in memory (only what a change affects), `server.py` serves them and
the event stream, `watch.py` turns file changes into rebuilds.
"""
