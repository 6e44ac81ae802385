"""Push and pull: the sync protocol over the generic record store."""
