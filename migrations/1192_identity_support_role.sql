-- A read-only staff role: support sees customers and transactions and opens disputes for them.
ALTER TABLE identity.users DROP CONSTRAINT users_role_check;
ALTER TABLE identity.users ADD CONSTRAINT users_role_check
  CHECK (role IN ('customer', 'support', 'operator', 'admin'));
