"""In-memory fakes of the adapter stores, for service-layer unit tests (same method names)."""
