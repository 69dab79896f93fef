"""pages of the Lokomotiv window."""
