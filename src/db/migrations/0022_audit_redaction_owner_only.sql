-- A change to a case event or an audit trail entry is let through only while audit_redact is at
-- work on that row, and now only as the tables' owner too (audit_redact runs as the owner): the
-- application's role, even one granted UPDATE and setting the same transaction-local setting, is
-- refused. (On the embedded database everything runs as the owner; there audit-verify finds a
-- change made around the path, as it does one made with the trigger off.)
CREATE OR REPLACE FUNCTION "audit_refuse_change_but_redaction"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF current_setting('parley.audit_redaction', true) = TG_TABLE_NAME || ':' || OLD.id::text
      AND current_user = (SELECT r.rolname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE c.oid = TG_RELID)
      AND (to_jsonb(NEW) - ARRAY['data', 'before', 'after']) = (to_jsonb(OLD) - ARRAY['data', 'before', 'after']) THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'The % table keeps the audit record: its rows cannot be changed or deleted', TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;
