"""models of the Lokomotiv window."""
