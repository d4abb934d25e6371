"""The default corpus shipped with the verifier: trusted documents plus .meta.json sidecars."""
