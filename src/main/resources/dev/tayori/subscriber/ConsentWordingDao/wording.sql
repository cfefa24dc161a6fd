SELECT wording FROM consent_wordings WHERE form_version = :version
