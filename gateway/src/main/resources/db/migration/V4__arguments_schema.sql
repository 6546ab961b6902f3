-- A function's optional JSON Schema for its arguments (text as uploaded; NULL: no validation).
ALTER TABLE programs ADD COLUMN arguments_schema TEXT;
