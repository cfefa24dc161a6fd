SELECT address_hash FROM suppressions
