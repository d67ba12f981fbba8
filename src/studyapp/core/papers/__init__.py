"""Papers from outside: identifiers, metadata from arXiv and Crossref, BibTeX in and out.

Pure functions and one small HTTP client; the database side is ``core/services/papers.py``.
"""

from studyapp.core.papers.fields import PaperFields

__all__ = ["PaperFields"]
