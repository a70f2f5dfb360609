"""Corpus formats: writers from :class:`core.corpus.CorpusPage` values, and readers of spans."""
