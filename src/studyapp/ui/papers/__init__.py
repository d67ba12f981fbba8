"""The papers library, reading assignments and meeting schedules.

Import the widgets from their modules: papers_view, add_paper_dialog, assignments_view,
assign_dialog, schedule_dialog.
"""
