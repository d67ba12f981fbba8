"""Services: one short transaction per user action, plain objects in and out.

The UI and the CLI call only these; nothing above ``core`` builds a query.
"""
