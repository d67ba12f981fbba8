"""Full-text search: tokens (text to index tokens), query (parsing), index (the tables),
sync (keeping the index in step with writes). The service is ``core/services/search.py``."""
