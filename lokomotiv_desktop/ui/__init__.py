"""Everything Qt: the main window, its pages, table models, dialogs and the background runner.

Only this package imports PySide6. It reaches data through services/ and the store's
repositories, never with raw SQL.
"""
