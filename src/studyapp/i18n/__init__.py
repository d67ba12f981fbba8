"""Compiled translations (``studyapp_<language>.qm``), built by scripts/update_translations.py."""
