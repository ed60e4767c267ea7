-- The inbox filtered by category (Certificate Validation / Outcomes) reads
-- one recipient's rows of one kind newest first; deciding a task marks its
-- requests read for every reviewer at once.
CREATE INDEX notifications_category ON notifications(recipient_id, category, id);
CREATE INDEX notifications_task ON notifications(task_id);
