"""Use cases shared by the command line and the window (import a CVR extract, save a
company, load demo data). They validate with domain/ and write through the store."""
