"""Qt item models over service results: column enums, named roles, testable without a view."""
