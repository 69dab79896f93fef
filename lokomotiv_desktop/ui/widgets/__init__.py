"""widgets of the Lokomotiv window."""
