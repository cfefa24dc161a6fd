DELETE FROM suppressions WHERE address_hash = :hash
