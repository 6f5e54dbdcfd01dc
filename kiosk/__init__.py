"""The office's domain and local store: pure Python, no Qt, no HTTP."""
