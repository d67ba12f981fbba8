"""The Qt user interface: windows, widgets and item models over the core services."""
