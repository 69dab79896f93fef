"""dialogs of the Lokomotiv window."""
