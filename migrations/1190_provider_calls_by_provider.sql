-- The providers page reads recorded calls per provider over the last day.
CREATE INDEX provider_calls_provider_at ON bills.provider_calls (provider, at);
