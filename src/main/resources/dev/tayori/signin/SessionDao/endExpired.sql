-- Sessions past their time, removed at each sign-in so the table holds only live ones.
DELETE FROM admin_sessions WHERE expires_at <= :now
