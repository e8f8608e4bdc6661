"""Adapters: the only code that imports MkDocs (the plugin, staging of the output, the build command)."""
