"""Dialogs that run a longer job: importing notes and exporting minutes."""

from studyapp.ui.dialogs.export_dialog import ExportDialog
from studyapp.ui.dialogs.import_dialog import ImportDialog

__all__ = ["ExportDialog", "ImportDialog"]
