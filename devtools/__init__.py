"""Development-only tools: the `make run` launcher and the local mail sink/viewer.

Nothing here is imported by the application; production never runs it.
"""
