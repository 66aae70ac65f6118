// Public surface of the domain package: one re-export per concept.
