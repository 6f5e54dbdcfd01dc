"""Queue numbers for the one-stop counters: the service interface (api) and its local
implementation over the shared store (local)."""
