"""reportlab documents: input is plain data, output is PDF bytes."""
