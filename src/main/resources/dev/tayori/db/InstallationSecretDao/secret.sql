SELECT secret FROM installation_secrets WHERE name = :name
