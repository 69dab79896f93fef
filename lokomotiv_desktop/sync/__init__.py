"""What client and server share: the table registry, the hybrid logical clock, the merge
rule and the message schemas. Only `sync.client` touches the local store."""
