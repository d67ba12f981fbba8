"""studyapp: a study-group and journal-club session organizer."""

__version__ = "0.1.0"
