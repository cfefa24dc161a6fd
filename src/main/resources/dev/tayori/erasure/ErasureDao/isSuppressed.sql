SELECT EXISTS (SELECT 1 FROM suppressions WHERE address_hash = :hash)
